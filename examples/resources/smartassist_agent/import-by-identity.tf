# Terraform 1.12 and later, OpenTofu 1.12 and later: import by identity.
import {
  to = smartassist_agent.alice
  identity = {
    id = "a-5892576-bb12-461b-a58a-637d1d21c0de"
    # stream_id is optional; when given, it must be the provider's stream_id.
    # stream_id = "st-…"
  }
}
