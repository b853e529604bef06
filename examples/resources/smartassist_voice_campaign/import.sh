# Import a voice campaign by its id (cd-…)…
terraform import smartassist_voice_campaign.renewals cd-6f2a1b3c-4d5e-6f7a-8b9c-0d1e2f3a4b5c

# …or by its name. A name several voice campaigns share is refused, with their ids.
# The API's read does not give the queue's name: the import reads it from
# the campaign list.
terraform import smartassist_voice_campaign.renewals "Spring calls"
