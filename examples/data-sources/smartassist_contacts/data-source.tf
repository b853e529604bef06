# Every ACTIVE contact.
data "smartassist_contacts" "all" {}

# Contacts whose name contains "doe", and the one with a given number.
data "smartassist_contacts" "does" {
  name = "doe"
}

data "smartassist_contacts" "by_number" {
  phone_number = "2445600001"
}

output "contact_count" {
  value = length(data.smartassist_contacts.all.ids)
}
