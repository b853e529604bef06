# Exactly one of id and name. Names are compared exactly, case included.
data "smartassist_skill_group" "languages" {
  name = "Languages"
}

data "smartassist_skill_group" "default" {
  id = "633ffac608f3a07459939a10"
}

output "languages_skill_group_id" {
  value = data.smartassist_skill_group.languages.id
}

output "default_skill_group_color" {
  value = data.smartassist_skill_group.default.color
}
