# A list of numbers for an outbound voice campaign.
resource "smartassist_contact_list" "renewals" {
  name        = "Renewals - July"
  description = "Customers whose plan renews in July."
}

# A do-not-call list is a contact list too: a campaign names it among its DNC lists.
resource "smartassist_contact_list" "do_not_call" {
  name             = "Do not call"
  description      = "Numbers no campaign may call."
  allow_duplicates = false
}
