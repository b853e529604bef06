# A skill is found within its skill group, by exactly one of id and name.
data "smartassist_skill_group" "languages" {
  name = "Languages"
}

data "smartassist_skill" "french" {
  skill_group_id = data.smartassist_skill_group.languages.id
  name           = "French"
}

output "french_skill_id" {
  value = data.smartassist_skill.french.id
}
