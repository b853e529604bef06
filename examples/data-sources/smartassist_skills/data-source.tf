# The skills of one skill group: the API lists skills only by their group.
data "smartassist_skill_group" "languages" {
  name = "Languages"
}

data "smartassist_skills" "languages" {
  skill_group_id = data.smartassist_skill_group.languages.id
}

# Skills of that group whose name contains "french", in any case.
data "smartassist_skills" "french" {
  skill_group_id = data.smartassist_skill_group.languages.id
  name_contains  = "french"
}

output "language_skill_ids_by_name" {
  value = { for s in data.smartassist_skills.languages.skills : s.name => s.id }
}

output "french_skill_ids" {
  value = data.smartassist_skills.french.ids
}
