# Every contact list of the account's voice campaigns, by name.
list "smartassist_contact_list" "all" {
  provider = smartassist
}

# The do-not-call lists, with their attributes (one more call a list).
list "smartassist_contact_list" "dnc" {
  provider         = smartassist
  include_resource = true

  config {
    name_contains = "do not call"
  }
}
