package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*agentGroupsDataSource)(nil)

func newAgentGroupsDataSource() datasource.DataSource { return &agentGroupsDataSource{} }

type agentGroupsDataSource struct {
	client *client.Client
}

type agentGroupsDataSourceModel struct {
	NameContains types.String      `tfsdk:"name_contains"`
	IDs          []types.String    `tfsdk:"ids"`
	AgentGroups  []agentGroupModel `tfsdk:"agent_groups"`
}

func (d *agentGroupsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_agent_groups"
}

func (d *agentGroupsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists every agent group of the account, across all pages of the API's agent group list, optionally " +
			"filtered by name. Use it to find the ids of existing agent groups, for example to import them or to give a queue " +
			"the groups made in the SmartAssist UI.",
		Attributes: map[string]schema.Attribute{
			"name_contains": nameContainsAttribute("agent groups"),
			"ids":           idsAttribute("agent groups"),
			"agent_groups": schema.ListNestedAttribute{
				MarkdownDescription: "The matching agent groups, in the API's order, with the attributes of the " +
					"`smartassist_agent_group` data source.",
				Computed:     true,
				NestedObject: schema.NestedAttributeObject{Attributes: agentGroupDataSourceAttributes()},
			},
		},
	}
}

func (d *agentGroupsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.client = data.client
	}
}

func (d *agentGroupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg agentGroupsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	groups, err := d.client.AgentGroups.ListAll(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Unable to list agent groups", fmt.Sprintf("Listing the agent groups failed: %v", err)+errorHint(err))
		return
	}
	// Managers the list gives without user ids read as null, as in
	// smartassist_agent_group.
	model := func(g *client.AgentGroup) agentGroupModel { m, _ := agentGroupModelFrom(g); return m }
	cfg.IDs, cfg.AgentGroups = namesContaining(groups, cfg.NameContains.ValueString(), model,
		func(m *agentGroupModel) (types.String, types.String) { return m.Name, m.ID })
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
