# The first 500 dial results of a voice campaign: five API calls of 100.
data "smartassist_campaign_results" "spring" {
  campaign_id = "cd-5a6b7c8-1d2e-4f30-9a8b-7c6d5e4f3a21"
  limit       = 500
}

output "spring_unanswered" {
  value = [for r in data.smartassist_campaign_results.spring.results : r.phone_number if r.dialer_outcome == null]
}
