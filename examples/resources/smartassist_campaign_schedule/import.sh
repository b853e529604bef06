# Import the schedule of a campaign by the campaign's id (cd-…). The API cannot
# read a schedule's details back: the first plan after the import sends them
# again from the configuration.
terraform import smartassist_campaign_schedule.spring_weekdays cd-9e14b72-88cc-4544-9a98-7aee9b7c0a11
