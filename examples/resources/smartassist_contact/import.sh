# Import a contact by its id (the smartassist_contacts data source lists them)…
terraform import smartassist_contact.jdoe 6964af60450340957c6a1b01

# …or by its phone number with the country code (+<country code><number>).
terraform import smartassist_contact.jdoe +912445600001
