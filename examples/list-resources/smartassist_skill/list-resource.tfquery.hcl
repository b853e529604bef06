# The skills of every skill group, group by group.
list "smartassist_skill" "all" {
  provider = smartassist
}

# The skills of one skill group.
list "smartassist_skill" "languages" {
  provider = smartassist

  config {
    skill_group_id = "633ffac608f3a07459939a20"
  }
}
