package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// newContactList lists the ACTIVE contacts of the account for
// `terraform query`.
func newContactList() list.ListResource {
	return &listResource[contactListModel, client.Contact]{kind: listKind[contactListModel, client.Contact]{
		typeName: "_contact",
		plural:   "contacts",
		nameOf:   "full name",
		description: "Lists the ACTIVE contacts of the account (deleted contacts, which the API keeps as INACTIVE, are " +
			"left out), in the API's order, optionally filtered, for `terraform query` (Terraform 1.14 and later). Each result " +
			"is shown as the contact's name and number and carries its identity; `terraform query -generate-config-out=FILE` " +
			"writes a `smartassist_contact` block and an `import` block for each." + listCostNote + " The list's entries carry " +
			"the whole contact, so `include_resource` costs no more calls.\n\nContacts are personal data: names and phone " +
			"numbers appear in the query's output and in a generated configuration.",
		filters: map[string]schema.Attribute{
			"phone_number_contains": schema.StringAttribute{
				MarkdownDescription: "Only contacts whose number, with or without its country code, contains these digits " +
					"(spaces, dashes and + are left out; a value without a digit is an error).",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1), someDigits()},
			},
		},
		walk: func(ctx context.Context, d *providerData, _ contactListModel, visit func(*client.Contact) bool) error {
			return d.client.Contacts.Walk(ctx, visit)
		},
		keeps: func(cfg contactListModel) func(*client.Contact) bool {
			digits := digitsOnly(cfg.PhoneNumberContains.ValueString())
			return func(c *client.Contact) bool {
				return c.Active() &&
					(digits == "" || strings.Contains(digitsOnly(string(c.CellPhone.Value.PhoneNumber)), digits))
			}
		},
		id: func(c *client.Contact) string { return c.ID() },
		names: func(c *client.Contact) []string {
			return []string{string(c.FullName), string(c.FirstName) + " " + string(c.LastName)}
		},
		display: contactDisplayName,
		resource: func(_ context.Context, _ *providerData, c *client.Contact) (any, diag.Diagnostics) {
			m := contactModelFrom(c)
			return &m, nil
		},
	}}
}

type contactListModel struct {
	listFilter
	PhoneNumberContains types.String `tfsdk:"phone_number_contains"`
}

// contactDisplayName is how a person recognises a contact: the name and the
// number as the API stores it, `Asha Rao (+912445600000)`.
func contactDisplayName(c *client.Contact) string {
	name := strings.TrimSpace(string(c.FirstName) + " " + string(c.LastName))
	if name == "" {
		name = strings.TrimSpace(string(c.FullName))
	}
	number := string(c.CellPhone.Value.PhoneNumber)
	switch {
	case name == "":
		return number
	case number == "":
		return name
	}
	return fmt.Sprintf("%s (%s)", name, number)
}
