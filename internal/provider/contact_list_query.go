package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// This file is the list resource of smartassist_contact_list. It is not
// contact_list_list.go, the usual name: contact_list.go already holds the
// list resource of smartassist_contact (the contacts).

// newContactListList lists the contact lists of outbound campaigns for
// `terraform query`.
func newContactListList() list.ListResource {
	return &listResource[listFilter, client.ContactList]{kind: listKind[listFilter, client.ContactList]{
		typeName: "_contact_list",
		plural:   "contact lists",
		nameOf:   "name",
		description: "Lists the contact lists of the account's voice campaigns (do-not-call lists included), in the API's " +
			"order, optionally filtered, for `terraform query` (Terraform 1.14 and later). Each result is shown by the list's " +
			"name and carries its identity; `terraform query -generate-config-out=FILE` writes a `smartassist_contact_list` " +
			"block and an `import` block for each.\n\n**Cost.** The API answers every list in one call. Its entries do not say " +
			"whether a list allows duplicates, so `include_resource` reads each result's list: one more call a result.",
		walk: func(ctx context.Context, d *providerData, _ listFilter, visit func(*client.ContactList) bool) error {
			lists, err := d.client.ContactLists.List(ctx)
			if err != nil {
				return err
			}
			for i := range lists {
				if !visit(&lists[i]) {
					return nil
				}
			}
			return nil
		},
		id:       func(l *client.ContactList) string { return string(l.ID) },
		display:  func(l *client.ContactList) string { return string(l.Name) },
		resource: contactListListed,
	}}
}

// contactListListed is the state the resource's Read writes for the list:
// the entry lacks allowDuplicates, so the list is read.
func contactListListed(ctx context.Context, d *providerData, l *client.ContactList) (any, diag.Diagnostics) {
	var diags diag.Diagnostics
	full, err := d.client.ContactLists.Get(ctx, string(l.ID))
	if err != nil {
		diags.AddError("Unable to read contact list", fmt.Sprintf("Reading the contact list %s (%q) failed: %v", l.ID, string(l.Name), err)+errorHint(err))
		return nil, diags
	}
	m := contactListStateModelFrom(full)
	return &m, diags
}
