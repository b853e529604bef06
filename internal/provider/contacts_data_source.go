package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*contactsDataSource)(nil)

func newContactsDataSource() datasource.DataSource { return &contactsDataSource{} }

type contactsDataSource struct {
	store *contactStore
}

type contactsDataSourceModel struct {
	Name        types.String   `tfsdk:"name"`
	PhoneNumber types.String   `tfsdk:"phone_number"`
	IDs         []types.String `tfsdk:"ids"`
	Contacts    []contactModel `tfsdk:"contacts"`
}

func (d *contactsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_contacts"
}

func (d *contactsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	nonEmpty := []validator.String{stringvalidator.LengthAtLeast(1)}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists every ACTIVE contact (deleted contacts, which the API keeps as INACTIVE, are left out), " +
			"optionally filtered by name or phone number. The list is read once per run and shared with the `smartassist_contact` resources.\n\n" +
			fmt.Sprintf("**Cost.** The read walks the whole contact list: one API call a page, asking for %d contacts. ", client.ContactPageSize) +
			"The API may answer with fewer (10 a page, as its samples show), so 500 contacts cost 5 to 50 calls of the 60 a minute " +
			"the API allows the whole account; the filters are applied by the provider and do not make the read cheaper.\n\n" +
			"Contacts are personal data: names and phone numbers end up in the Terraform state.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: "Only contacts whose full name contains this text, without regard to case.",
				Optional:            true,
				Validators:          nonEmpty,
			},
			"phone_number": schema.StringAttribute{
				MarkdownDescription: "Only contacts whose number, with or without its country code, contains these digits " +
					"(spaces, dashes and + are left out; a value without a digit is an error).",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1), someDigits()},
			},
			"ids": schema.ListAttribute{
				MarkdownDescription: "IDs of the matching contacts, in the API's order.",
				Computed:            true,
				ElementType:         types.StringType,
			},
			"contacts": schema.ListNestedAttribute{
				MarkdownDescription: "The matching contacts, with the attributes of the `smartassist_contact` resource.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":         str("ID of the contact."),
					"first_name": str("First name."),
					"last_name":  str("Last name."),
					"salutation": str("Salutation."),
					"cell_phone": schema.SingleNestedAttribute{
						MarkdownDescription: "Mobile number.",
						Computed:            true,
						Attributes: map[string]schema.Attribute{
							"country_code": str("Country calling code, such as `+91`."),
							"phone_number": str("The number without the country code."),
							"extension":    str("Dialing prefix."),
						},
					},
					"full_name":  str("Full name."),
					"status":     str("Status: `ACTIVE`."),
					"created_at": str("When the contact was created."),
					"updated_at": str("When the contact was last changed."),
				}},
			},
		},
	}
}

func (d *contactsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.store = data.contacts
	}
}

func (d *contactsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg contactsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	all, err := d.store.all(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Unable to list contacts", fmt.Sprintf("Listing the contacts failed: %v", err)+errorHint(err))
		return
	}
	name := strings.ToLower(cfg.Name.ValueString())
	digits := digitsOnly(cfg.PhoneNumber.ValueString())
	cfg.IDs, cfg.Contacts = []types.String{}, []contactModel{}
	for i := range all {
		c := &all[i]
		if !c.Active() {
			continue
		}
		m := contactModelFrom(c)
		full := strings.ToLower(string(c.FullName) + " " + string(c.FirstName) + " " + string(c.LastName))
		if name != "" && !strings.Contains(full, name) {
			continue
		}
		if digits != "" && !strings.Contains(digitsOnly(string(c.CellPhone.Value.PhoneNumber)), digits) {
			continue
		}
		cfg.IDs = append(cfg.IDs, m.ID)
		cfg.Contacts = append(cfg.Contacts, m)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
