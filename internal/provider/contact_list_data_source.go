package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var (
	_ datasource.DataSourceWithConfigure        = (*contactListDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*contactListDataSource)(nil)
)

func newContactListDataSource() datasource.DataSource { return &contactListDataSource{} }

type contactListDataSource struct {
	client *client.Client
}

// contactListDataModel is a contact list for reading: smartassist_contact_list
// and each element of smartassist_contact_lists.
type contactListDataModel struct {
	ID               types.String   `tfsdk:"id"`
	Name             types.String   `tfsdk:"name"`
	Description      types.String   `tfsdk:"description"`
	AllowDuplicates  types.Bool     `tfsdk:"allow_duplicates"`
	Source           types.String   `tfsdk:"source"`
	Status           types.String   `tfsdk:"status"`
	TotalRecordCount types.Int64    `tfsdk:"total_record_count"`
	CampaignIDs      []types.String `tfsdk:"campaign_ids"`
}

// contactListDataModelFrom maps a list as the API answers it.
func contactListDataModelFrom(l *client.ContactList) contactListDataModel {
	ids := []types.String{}
	for _, c := range l.CampaignInUse {
		if c.ID != "" {
			ids = append(ids, types.StringValue(string(c.ID)))
		}
	}
	return contactListDataModel{
		ID:               stringOrNull(l.ID),
		Name:             types.StringValue(string(l.Name)),
		Description:      stringOrNull(l.Description),
		AllowDuplicates:  boolOrNull(l.AllowDuplicates),
		Source:           stringOrNull(l.Source),
		Status:           stringOrNull(l.Status),
		TotalRecordCount: intOrNull(l.TotalRecordCount),
		CampaignIDs:      ids,
	}
}

func (d *contactListDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_contact_list"
}

func (d *contactListDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := contactListDataSourceAttributes()
	lookup := map[string]string{
		"id": "ID of the contact list (`cl-…`).",
		"name": "Name of the contact list, compared exactly (case included). When several lists have the name, the read " +
			"fails and lists their ids. A read by name costs one more call (the list of lists, then the list).",
	}
	for name, desc := range lookup {
		attrs[name] = schema.StringAttribute{
			MarkdownDescription: desc + " Give exactly one of `id` and `name`.",
			Optional:            true,
			Computed:            true,
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one contact list of the account's voice campaigns (a do-not-call list included), found by " +
			"its id or its name. Use it to refer to a list made in the SmartAssist UI or by an upload.",
		Attributes: attrs,
	}
}

// contactListDataSourceAttributes are the list's attributes for reading.
func contactListDataSourceAttributes() map[string]schema.Attribute {
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	return map[string]schema.Attribute{
		"id":          str("ID of the contact list (`cl-…`)."),
		"name":        str("Name of the contact list."),
		"description": str("Description of the contact list; null when it has none."),
		"allow_duplicates": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the list keeps a number " +
			"added twice as two entries; null when the API's answer does not say (the list of lists leaves it out)."},
		"source": str("Where the list's numbers come from: `passiveApi` for a list filled through the API, another value " +
			"(such as `localDrive`) for an uploaded file."),
		"status": str("State of the list as the API reports it, such as `Ready` or `Validated`."),
		"total_record_count": schema.Int64Attribute{Computed: true, MarkdownDescription: "Number of entries in the list, " +
			"as the API counts them."},
		"campaign_ids": schema.SetAttribute{Computed: true, ElementType: types.StringType,
			MarkdownDescription: "IDs of the campaigns that use the list, as their contact list or a do-not-call list."},
	}
}

func (d *contactListDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name"))}
}

func (d *contactListDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.client = data.client
	}
}

func (d *contactListDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg contactListDataModel
	if resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...); resp.Diagnostics.HasError() {
		return
	}
	id, what := cfg.ID.ValueString(), "the contact list "+cfg.ID.ValueString()
	notFound := fmt.Sprintf("No contact list has the id %s. The smartassist_contact_lists data source lists every list.", id)
	if cfg.ID.IsNull() {
		what = fmt.Sprintf("the contact list named %q", cfg.Name.ValueString())
		found, err := d.client.ContactLists.FindByName(ctx, cfg.Name.ValueString())
		if err != nil {
			detail := fmt.Sprintf("Reading %s failed: %v", what, err)
			if client.IsNotFound(err) {
				detail = fmt.Sprintf("No contact list is named %q. Names are compared exactly, including case; the "+
					"smartassist_contact_lists data source lists every list.", cfg.Name.ValueString())
			}
			resp.Diagnostics.AddError("Unable to read contact list", detail+errorHint(err))
			return
		}
		id = string(found.ID)
	}
	l, err := d.client.ContactLists.Get(ctx, id)
	if err != nil {
		detail := fmt.Sprintf("Reading %s failed: %v", what, err)
		if client.IsNotFound(err) {
			detail = notFound
		}
		resp.Diagnostics.AddError("Unable to read contact list", detail+errorHint(err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, contactListDataModelFrom(l))...)
}
