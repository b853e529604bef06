# Terraform 1.12 and later, OpenTofu 1.12 and later: import by identity, the
# campaign's id. As with an import id, the schedule's details cannot be read
# back: the first plan after the import sends them again from the configuration.
import {
  to = smartassist_campaign_schedule.spring_weekdays
  identity = {
    id = "cd-6f2a1b3c-4d5e-6f7a-8b9c-0d1e2f3a4b5c"
    # stream_id is optional; when given, it must be the provider's stream_id.
    # stream_id = "st-…"
  }
}
