# Every skill group of the account.
data "smartassist_skill_groups" "all" {}

# Skill groups whose name contains "lang", in any case.
data "smartassist_skill_groups" "languages" {
  name_contains = "lang"
}

output "skill_group_ids_by_name" {
  value = { for g in data.smartassist_skill_groups.all.skill_groups : g.name => g.id }
}

output "language_skill_group_ids" {
  value = data.smartassist_skill_groups.languages.ids
}
