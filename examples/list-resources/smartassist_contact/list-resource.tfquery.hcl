# The first 50 ACTIVE contacts, shown by name and number.
list "smartassist_contact" "some" {
  provider = smartassist
  limit    = 50
}

# The contacts with an Indian number whose name contains "doe".
list "smartassist_contact" "does" {
  provider = smartassist

  config {
    name_contains         = "doe"
    phone_number_contains = "91"
  }
}
