# Import a skill group by its id…
terraform import smartassist_skill_group.lang 633ffac608f3a07459939a20

# …or by its name.
terraform import smartassist_skill_group.lang Languages
