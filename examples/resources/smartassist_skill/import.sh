# Import a skill as <skill group>/<skill>, each an id or a name: the API
# reaches a skill only through its group.
terraform import smartassist_skill.spanish 633ffac608f3a07459939a20/633ffac608f3a07459939a2a
terraform import smartassist_skill.spanish Languages/Spanish
