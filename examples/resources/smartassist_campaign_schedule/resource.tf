# Run a campaign every weekday morning through the spring. The schedule API
# takes no time zone.
resource "smartassist_campaign_schedule" "spring_weekdays" {
  campaign_id = "cd-6f2a1b3c-4d5e-6f7a-8b9c-0d1e2f3a4b5c" # such as smartassist_voice_campaign.spring.id
  recurrence  = "weekly"
  days        = ["MO", "TU", "WE", "TH", "FR"]
  start       = "2030-03-02 09:00:00"
  end         = "2030-06-30 18:00:00"
}

# Or every other day.
resource "smartassist_campaign_schedule" "reminders" {
  campaign_id = "cd-6b7c8d9e-2e3f-4a41-8b9c-0d1e2f3a4b5c"
  recurrence  = "daily"
  every       = 2
  start       = "2030-03-02 10:00:00"
  end         = "2030-04-30 18:00:00"
}
