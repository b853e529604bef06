resource "smartassist_contact_list" "renewals" {
  name        = "Renewals - July"
  description = "Customers whose plan renews in July."
}

# The numbers the list holds (added with the smartassist_contact_list_add_numbers action).
data "smartassist_contact_list_numbers" "renewals" {
  contact_list_id = smartassist_contact_list.renewals.id
}

output "renewal_numbers" {
  value = data.smartassist_contact_list_numbers.renewals.phone_numbers
}
