# By id:
terraform import smartassist_contact_list.renewals cl-67a405c-ae3b-4a42-8cd2-5dcd6990a1b2

# By name (exactly one list must have it):
terraform import smartassist_contact_list.renewals "Renewals - July"
