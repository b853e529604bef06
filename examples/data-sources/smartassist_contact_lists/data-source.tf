# Every contact list whose name contains "renewal", without regard to case.
data "smartassist_contact_lists" "renewals" {
  name_contains = "renewal"
}

output "renewal_list_ids" {
  value = data.smartassist_contact_lists.renewals.ids
}
