# The vendor documentation's sample conversation: a web chat that was
# transferred back to the Default Queue and ended as a drop-off.
data "smartassist_conversation" "escalated_chat" {
  id = "c-3c04346-e522-4c53-9e03-c9566d859aad"
}

output "escalated_chat_summary" {
  value = {
    status      = data.smartassist_conversation.escalated_chat.status
    wait_ms     = data.smartassist_conversation.escalated_chat.wait_time
    disposition = try(data.smartassist_conversation.escalated_chat.disposition.status, null)
    queues      = distinct([for q in data.smartassist_conversation.escalated_chat.queues : q.name])
    transfers   = length(data.smartassist_conversation.escalated_chat.transfer_details)
  }
}

# What the schema does not model is in raw_json. userInfo is the end user's
# personal data (IP address, location, ISP, device): keep it out of logs.
output "escalated_chat_country" {
  value     = try(jsondecode(data.smartassist_conversation.escalated_chat.raw_json).userInfo.country, null)
  sensitive = true
}
