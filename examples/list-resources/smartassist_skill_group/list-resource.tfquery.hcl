# Every skill group of the account, by name.
list "smartassist_skill_group" "all" {
  provider = smartassist
}

# Two skill groups known by id: the list is read only until both are found.
list "smartassist_skill_group" "known" {
  provider = smartassist

  config {
    ids = ["633ffac608f3a07459939a10", "633ffac608f3a07459939a20"]
  }
}
