resource "smartassist_contact_list" "renewals" {
  name        = "Renewals - July"
  description = "Customers whose plan renews in July."
}

# A list by its id…
data "smartassist_contact_list" "renewals" {
  id = smartassist_contact_list.renewals.id
}

# …or by its name, such as a do-not-call list made in the SmartAssist UI:
#
# data "smartassist_contact_list" "do_not_call" {
#   name = "Do not call"
# }

output "renewals_size" {
  value = data.smartassist_contact_list.renewals.total_record_count
}
