package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*contactListsDataSource)(nil)

func newContactListsDataSource() datasource.DataSource { return &contactListsDataSource{} }

type contactListsDataSource struct {
	client *client.Client
}

type contactListsDataSourceModel struct {
	NameContains types.String           `tfsdk:"name_contains"`
	IDs          []types.String         `tfsdk:"ids"`
	ContactLists []contactListDataModel `tfsdk:"contact_lists"`
}

func (d *contactListsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_contact_lists"
}

func (d *contactListsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists every contact list of the account's voice campaigns (do-not-call lists included), in one " +
			"API call, optionally filtered by name. Use it to find the ids of existing lists, for example to import them.",
		Attributes: map[string]schema.Attribute{
			"name_contains": nameContainsAttribute("contact lists"),
			"ids":           idsAttribute("contact lists"),
			"contact_lists": schema.ListNestedAttribute{
				MarkdownDescription: "The matching lists, in the API's order, with the attributes of the " +
					"`smartassist_contact_list` data source. The API's list leaves out whether a list allows duplicates, " +
					"so `allow_duplicates` is null here.",
				Computed:     true,
				NestedObject: schema.NestedAttributeObject{Attributes: contactListDataSourceAttributes()},
			},
		},
	}
}

func (d *contactListsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.client = data.client
	}
}

func (d *contactListsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg contactListsDataSourceModel
	if resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...); resp.Diagnostics.HasError() {
		return
	}
	lists, err := d.client.ContactLists.List(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Unable to list contact lists", fmt.Sprintf("Listing the contact lists failed: %v", err)+listHint(err)+errorHint(err))
		return
	}
	cfg.IDs, cfg.ContactLists = namesContaining(lists, cfg.NameContains.ValueString(), contactListDataModelFrom,
		func(m *contactListDataModel) (types.String, types.String) { return m.Name, m.ID })
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
