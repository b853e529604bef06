# The 200 most recent closed English web chats. Each API page holds up to 100
# conversations, so this costs at most two API calls.
data "smartassist_conversations" "closed_chats" {
  status   = ["CLOSED"]
  source   = "rtm"
  language = "en"
  limit    = 200
}

# Conversations still waiting or stuck, on any channel.
data "smartassist_conversations" "needs_attention" {
  status = ["OPEN", "IDLE", "OVERDUE"]
}

locals {
  closed_waits = [for c in data.smartassist_conversations.closed_chats.conversations : c.wait_time if c.wait_time != null]
}

output "closed_chat_ids" {
  value = data.smartassist_conversations.closed_chats.ids
}

output "closed_chats_average_wait_seconds" {
  value = length(local.closed_waits) > 0 ? sum(local.closed_waits) / length(local.closed_waits) / 1000 : null
}

output "closed_chats_dropped_off" {
  value = [for c in data.smartassist_conversations.closed_chats.conversations : c.id if try(c.disposition.status, "") == "DROP-OFF"]
}

output "needs_attention_by_status" {
  value = { for c in data.smartassist_conversations.needs_attention.conversations : c.status => c.id... }
}
