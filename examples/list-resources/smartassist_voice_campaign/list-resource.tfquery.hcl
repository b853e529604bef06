# The voice campaigns whose name contains "spring", with their attributes
# (each campaign is read once more for them).
list "smartassist_voice_campaign" "spring" {
  provider         = smartassist
  include_resource = true

  config {
    name_contains = "spring"
  }
}
