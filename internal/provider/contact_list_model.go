package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// contactListStateModel is the state of a smartassist_contact_list, and the
// fields its data sources share.
type contactListStateModel struct {
	ID              types.String `tfsdk:"id"`
	Name            types.String `tfsdk:"name"`
	Description     types.String `tfsdk:"description"`
	AllowDuplicates types.Bool   `tfsdk:"allow_duplicates"`
}

// contactListStateModelFrom is the one mapping of a contact list as the API
// answers it onto the model. An empty description is null; allowDuplicates
// is null when the answer leaves it out (the list of lists does).
func contactListStateModelFrom(l *client.ContactList) contactListStateModel {
	return contactListStateModel{
		ID:              stringOrNull(l.ID),
		Name:            types.StringValue(string(l.Name)),
		Description:     stringOrNull(l.Description),
		AllowDuplicates: boolOrNull(l.AllowDuplicates),
	}
}

// request is the create's body.
func (m contactListStateModel) request() client.ContactListRequest {
	req := client.ContactListRequest{Name: m.Name.ValueString(), Description: m.Description.ValueString()}
	if !m.AllowDuplicates.IsNull() && !m.AllowDuplicates.IsUnknown() {
		req.AllowDuplicates = client.Bool(m.AllowDuplicates.ValueBool())
	}
	return req
}

// updateRequest is the update's body: the name and the description, both
// always sent.
func (m contactListStateModel) updateRequest() client.ContactListUpdateRequest {
	return client.ContactListUpdateRequest{Name: client.String(m.Name.ValueString()), Description: client.String(m.Description.ValueString())}
}

// contactListNameValidators check a name at plan time against
// create-contact-list-v2's limit.
func contactListNameValidators() []validator.String {
	return []validator.String{stringvalidator.LengthBetween(1, client.ContactListNameMax), notBlank()}
}

func contactListDescriptionValidators() []validator.String {
	return []validator.String{stringvalidator.LengthBetween(1, client.ContactListDescriptionMax), notBlank()}
}

// notBlank refuses a value of white space only.
func notBlank() stringCheck {
	return stringCheck{"must not be blank", func(s string) string {
		if strings.TrimSpace(s) == "" {
			return fmt.Sprintf("%q is blank; give text the SmartAssist UI can show.", s)
		}
		return ""
	}}
}

// contactListLabel names a list in messages: its id, and its name when known.
func contactListLabel(id string, name types.String) string {
	if name.IsNull() || name.IsUnknown() || name.ValueString() == "" {
		return id
	}
	return fmt.Sprintf("%s (%q)", id, name.ValueString())
}

// contactListIDFor answers the id of the list key names: a contact list id
// (cl-…) as it is, else the one list with that name (the name policy: one
// match, or an error listing the ids).
func contactListIDFor(ctx context.Context, c *client.Client, key string) (string, error) {
	if checkImportID(key, "contact list", "cl-", "", "") == "" {
		return key, nil
	}
	lists, err := c.ContactLists.List(ctx)
	if err != nil {
		return "", fmt.Errorf("listing the contact lists to find %q: %w", key, err)
	}
	return pickByKey(lists, key, "contact list", "", func(l *client.ContactList) string { return string(l.ID) },
		func(l *client.ContactList) string { return string(l.Name) })
}
