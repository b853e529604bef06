# Credentials come from the environment in CI:
#   SMARTASSIST_STREAM_ID, SMARTASSIST_ACCOUNT_ID,
#   SMARTASSIST_CLIENT_ID and SMARTASSIST_CLIENT_SECRET.
terraform {
  required_providers {
    smartassist = {
      source = "koreai/smartassist"
    }
  }
}

provider "smartassist" {
  host       = "https://platform.kore.ai"
  stream_id  = "st-d2aa65cc-0000-0000-0000-000000000000"
  account_id = "65f7d49a5dd06e2cefa45012"

  # client_id and client_secret: set SMARTASSIST_CLIENT_ID and
  # SMARTASSIST_CLIENT_SECRET rather than writing the secret here.

  # The documented account limit is 60 requests a minute. Raise this only if
  # Kore.ai support raised your account's limit.
  requests_per_minute = 60
}
