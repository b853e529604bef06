resource "smartassist_contact_list" "renewals" {
  name        = "Renewals - July"
  description = "Customers whose plan renews in July."

  # Adds the numbers once, right after the list is created.
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.smartassist_contact_list_add_numbers.renewals]
    }
  }
}

action "smartassist_contact_list_add_numbers" "renewals" {
  config {
    contact_list_id = smartassist_contact_list.renewals.id
    phone_numbers   = ["+14155550100", "+1 415 555 0101"]
    timeout         = "2m"
  }
}

# Or run it on its own:
#   terraform apply -invoke=action.smartassist_contact_list_add_numbers.renewals
