# Every SMS campaign of the account, by name.
list "smartassist_sms_campaign" "all" {
  provider = smartassist
}
