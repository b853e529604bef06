resource "smartassist_agent_group" "spanish" {
  name        = "Spanish speakers"
  description = "Agents who serve customers in Spanish"
}

resource "smartassist_queue" "spanish_support" {
  name                        = "Spanish support"
  description                 = "Customers who write in Spanish"
  hours_of_operation_id       = "6346a1b2c3d4e5f601234568"
  is_advanced_routing_enabled = false
  agent_group_ids             = [smartassist_agent_group.spanish.id]
  preferred_agent_timeout     = "2m30s"

  skill {
    id                = "633ffac608f3a07459939a2a" # Spanish
    is_expire_enabled = true
  }
}

# Agents join the queue through their own queue block: the queue resource
# does not manage its members.
resource "smartassist_agent" "lucia" {
  email          = "lucia@example.com"
  first_name     = "Lucia"
  last_name      = "Garcia"
  role_id        = "67654be356840f366e79aaaa"
  agent_group_id = smartassist_agent_group.spanish.id

  queue {
    id                 = smartassist_queue.spanish_support.id
    is_preferred_agent = true
  }
}
