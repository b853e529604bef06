# Import an SMS campaign by its id (cd-…)…
terraform import smartassist_sms_campaign.reminder cd-5e1f0a2b-3c4d-5e6f-7a8b-9c0d1e2f3a4b

# …or by its name. A name several SMS campaigns share is refused, with their ids.
terraform import smartassist_sms_campaign.reminder "Spring promo"
