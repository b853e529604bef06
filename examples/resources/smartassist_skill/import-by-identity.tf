# Terraform 1.12 and later, OpenTofu 1.12 and later: import by identity. The
# API reaches a skill only through its group, so the identity names both.
import {
  to = smartassist_skill.spanish
  identity = {
    skill_group_id = "633ffac608f3a07459939a20"
    id             = "633ffac608f3a07459939a2a"
    # stream_id is optional; when given, it must be the provider's stream_id.
    # stream_id = "st-…"
  }
}
