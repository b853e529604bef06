# Import a skill group by its id (the smartassist_skill_group data source finds it by name).
terraform import smartassist_skill_group.lang 633ffac608f3a07459939a20
