package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var _ list.ListResourceWithConfigure = (*contactListResource)(nil)

func newContactListResource() list.ListResource { return &contactListResource{} }

// contactListResource lists the ACTIVE contacts of the account for
// `terraform query`.
type contactListResource struct {
	data *providerData
}

type contactListModel struct {
	NameContains        types.String `tfsdk:"name_contains"`
	PhoneNumberContains types.String `tfsdk:"phone_number_contains"`
	IDs                 types.List   `tfsdk:"ids"`
}

func (r *contactListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_contact"
}

func (r *contactListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the ACTIVE contacts of the account (deleted contacts, which the API keeps as INACTIVE, are " +
			"left out), in the API's order, optionally filtered, for `terraform query` (Terraform 1.14 and later). Each result " +
			"is shown as the contact's name and number and carries its identity; `terraform query -generate-config-out=FILE` " +
			"writes a `smartassist_contact` block and an `import` block for each." + listCostNote + " The list's entries carry " +
			"the whole contact, so `include_resource` costs no more calls.\n\nContacts are personal data: names and phone " +
			"numbers appear in the query's output and in a generated configuration.",
		Attributes: map[string]schema.Attribute{
			"name_contains": listNameContainsAttribute("contacts", "full name"),
			"phone_number_contains": schema.StringAttribute{
				MarkdownDescription: "Only contacts whose number, with or without its country code, contains these digits.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"ids": listIDsAttribute("contacts"),
		},
	}
}

func (r *contactListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = configureList(req, resp)
}

func (r *contactListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg contactListModel
	if configDiagnostics(stream, req.Config.Get(ctx, &cfg)) {
		return
	}
	match, diags := listFilter{NameContains: cfg.NameContains, IDs: cfg.IDs}.matcher(ctx)
	if configDiagnostics(stream, diags) {
		return
	}
	digits := digitsOnly(cfg.PhoneNumberContains.ValueString())
	streamList(ctx, req, stream, "Unable to list contacts", func(s *resultStream) error {
		return r.data.client.Contacts.Walk(ctx, func(c *client.Contact) bool {
			if !c.Active() {
				return true
			}
			if digits != "" && !strings.Contains(digitsOnly(string(c.CellPhone.Value.PhoneNumber)), digits) {
				return true
			}
			if !match.keeps(c.ID(), string(c.FullName), string(c.FirstName)+" "+string(c.LastName)) {
				return true
			}
			more := s.emit(contactDisplayName(c), identityModel{ID: types.StringValue(c.ID()), StreamID: types.StringValue(r.data.streamID)},
				func() (any, diag.Diagnostics) {
					m := contactModelFrom(c)
					return &m, nil
				})
			return more && !match.done()
		})
	}, func(err error) string { return fmt.Sprintf("Listing the contacts failed: %v", err) })
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
