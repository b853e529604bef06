# The first 500 dial results of a voice campaign: five API calls of 100.
data "smartassist_campaign_results" "spring" {
  campaign_id = "cd-6f2a1b3c-4d5e-6f7a-8b9c-0d1e2f3a4b5c"
  limit       = 500
}

output "spring_unanswered" {
  value = [for r in data.smartassist_campaign_results.spring.results : r.phone_number if r.dialer_outcome == null]
}
