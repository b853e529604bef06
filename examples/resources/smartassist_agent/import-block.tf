# Terraform 1.5 and later: import in configuration, by id or by email.
import {
  to = smartassist_agent.alice
  id = "alice@example.com"
}
