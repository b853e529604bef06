# Stop a running campaign, without planning any change:
#
#   terraform apply -invoke=action.smartassist_campaign_stop.spring
#
# The action waits until the campaign reports Stopped. A stopped campaign starts
# again with the smartassist_campaign_start action.
action "smartassist_campaign_stop" "spring" {
  config {
    campaign_id = "cd-9e14b72-88cc-4544-9a98-7aee9b7c0a11"
  }
}
