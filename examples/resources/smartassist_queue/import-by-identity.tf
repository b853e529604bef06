# Terraform 1.12 and later, OpenTofu 1.12 and later: import by identity.
import {
  to = smartassist_queue.spanish_support
  identity = {
    id = "qu-5a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b"
    # stream_id is optional; when given, it must be the provider's stream_id.
    # stream_id = "st-…"
  }
}
