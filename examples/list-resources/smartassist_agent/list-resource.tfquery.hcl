# Every agent of the account, shown as `First Last <email>`.
list "smartassist_agent" "all" {
  provider = smartassist
}

# The agents of one team, by the domain of their email, with their
# attributes (one more API call per agent: the list lacks custom_id).
list "smartassist_agent" "support" {
  provider         = smartassist
  include_resource = true
  limit            = 20

  config {
    email_contains = "@support.example.com"
  }
}
