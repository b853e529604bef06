# Every queue of the account, by name.
list "smartassist_queue" "all" {
  provider = smartassist
}

# The queues whose name contains "support", with their attributes.
list "smartassist_queue" "support" {
  provider         = smartassist
  include_resource = true

  config {
    name_contains = "support"
  }
}
