# Import the schedule of a campaign by the campaign's id (cd-…). The API cannot
# read a schedule's details back: the first plan after the import sends them
# again from the configuration.
terraform import smartassist_campaign_schedule.spring_weekdays cd-6f2a1b3c-4d5e-6f7a-8b9c-0d1e2f3a4b5c
