package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*contactListNumbersDataSource)(nil)

func newContactListNumbersDataSource() datasource.DataSource { return &contactListNumbersDataSource{} }

type contactListNumbersDataSource struct {
	client *client.Client
}

type contactListNumbersModel struct {
	ContactListID types.String            `tfsdk:"contact_list_id"`
	PhoneNumbers  []types.String          `tfsdk:"phone_numbers"`
	Entries       []contactListEntryModel `tfsdk:"entries"`
}

type contactListEntryModel struct {
	ID          types.String `tfsdk:"id"`
	PhoneNumber types.String `tfsdk:"phone_number"`
	CreatedAt   types.String `tfsdk:"created_at"`
}

func (d *contactListNumbersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_contact_list_numbers"
}

func (d *contactListNumbersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the phone numbers of a contact list, across all pages of the API's answer (one call a page). " +
			"Numbers are added with the `smartassist_contact_list_add_numbers` action; the API removes none.",
		Attributes: map[string]schema.Attribute{
			"contact_list_id": schema.StringAttribute{
				MarkdownDescription: "ID of the contact list (`cl-…`).",
				Required:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(contactListIDPattern, "must be a contact list id, which starts with cl-")},
			},
			"phone_numbers": schema.SetAttribute{
				MarkdownDescription: "The distinct phone numbers of the list, as the API stores them.",
				Computed:            true,
				ElementType:         types.StringType,
			},
			"entries": schema.ListNestedAttribute{
				MarkdownDescription: "Every entry of the list, in the API's order: a list that allows duplicates may hold a number more than once.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":           schema.StringAttribute{Computed: true, MarkdownDescription: "ID of the entry (`cc-…`)."},
					"phone_number": schema.StringAttribute{Computed: true, MarkdownDescription: "The entry's phone number."},
					"created_at":   schema.StringAttribute{Computed: true, MarkdownDescription: "When the number was added (RFC 3339); null when the API does not say."},
				}},
			},
		},
	}
}

func (d *contactListNumbersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.client = data.client
	}
}

func (d *contactListNumbersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg contactListNumbersModel
	if resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...); resp.Diagnostics.HasError() {
		return
	}
	id := cfg.ContactListID.ValueString()
	numbers, err := d.client.ContactLists.Numbers(ctx, id)
	if err != nil {
		detail := fmt.Sprintf("Reading the numbers of the contact list %s failed: %v", id, err)
		if client.IsNotFound(err) {
			detail += ". Check contact_list_id: the smartassist_contact_lists data source lists every list."
		}
		resp.Diagnostics.AddError("Unable to read contact list numbers", detail+unreachableHint(err)+errorHint(err))
		return
	}
	cfg.PhoneNumbers, cfg.Entries = []types.String{}, []contactListEntryModel{}
	seen := map[string]bool{}
	for _, n := range numbers {
		cfg.Entries = append(cfg.Entries, contactListEntryModel{ID: types.StringValue(string(n.ID)),
			PhoneNumber: types.StringValue(string(n.PhoneNumber)), CreatedAt: stringOrNull(n.CreatedAt)})
		if !seen[string(n.PhoneNumber)] {
			seen[string(n.PhoneNumber)] = true
			cfg.PhoneNumbers = append(cfg.PhoneNumbers, types.StringValue(string(n.PhoneNumber)))
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
