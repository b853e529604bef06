# Terraform 1.12 and later, OpenTofu 1.12 and later: import by identity.
import {
  to = smartassist_contact_list.renewals
  identity = {
    id = "cl-67a405c-ae3b-4a42-8cd2-5dcd6990a1b2"
    # stream_id is optional; when given, it must be the provider's stream_id.
    # stream_id = "st-…"
  }
}
