# Terraform 1.12 and later, OpenTofu 1.12 and later: import by identity.
import {
  to = smartassist_sms_campaign.reminder
  identity = {
    id = "cd-5e1f0a2b-3c4d-5e6f-7a8b-9c0d1e2f3a4b"
    # stream_id is optional; when given, it must be the provider's stream_id.
    # stream_id = "st-…"
  }
}
