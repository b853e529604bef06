# Terraform 1.12 and later, OpenTofu 1.12 and later: import by identity.
import {
  to = smartassist_agent_group.tier2
  identity = {
    id = "ag-2f8e9d0-6c7b-4a3e-9d1c-5b6a7f8e9d0c"
    # stream_id is optional; when given, it must be the provider's stream_id.
    # stream_id = "st-…"
  }
}
