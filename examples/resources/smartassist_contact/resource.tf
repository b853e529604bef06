resource "smartassist_contact" "jdoe" {
  first_name = "John"
  last_name  = "Doe"
  salutation = "mr"
  cell_phone = {
    country_code = "+91"
    phone_number = "2445600000" # without the country code; the API stores +912445600000
    extension    = "+"
  }
}

# Many contacts from a map: the provider sends them in bulk calls of up to 25.
locals {
  vip_customers = {
    asha  = { first = "Asha", last = "Patel", salutation = "mrs", number = "9876500001" }
    rahul = { first = "Rahul", last = "Mehta", salutation = "mr", number = "9876500002" }
  }
}

resource "smartassist_contact" "vip" {
  for_each = local.vip_customers

  first_name = each.value.first
  last_name  = each.value.last
  salutation = each.value.salutation
  cell_phone = {
    country_code = "+91"
    phone_number = each.value.number
    extension    = "+"
  }
}
