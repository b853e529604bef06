# The numbers to call, and the numbers never to call: both are contact lists.
resource "smartassist_contact_list" "renewals" {
  name        = "Renewals - spring"
  description = "Customers whose plan renews this spring"

  # Fill the new list once, right after Terraform creates it.
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.smartassist_contact_list_add_numbers.renewals]
    }
  }
}

resource "smartassist_contact_list" "do_not_call" {
  name        = "Do not call"
  description = "Numbers no campaign may call or text"
}

action "smartassist_contact_list_add_numbers" "renewals" {
  config {
    contact_list_id = smartassist_contact_list.renewals.id
    phone_numbers   = ["+14155550100", "+14155550101", "+14155550102"]
  }
}
