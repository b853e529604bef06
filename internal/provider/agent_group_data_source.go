package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var (
	_ datasource.DataSourceWithConfigure        = (*agentGroupDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*agentGroupDataSource)(nil)
)

func newAgentGroupDataSource() datasource.DataSource { return &agentGroupDataSource{} }

type agentGroupDataSource struct {
	client *client.Client
}

func (d *agentGroupDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_agent_group"
}

func (d *agentGroupDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := agentGroupDataSourceAttributes()
	attrs["id"] = lookupAttribute("ID of the agent group (`ag-…`). Give exactly one of `id` and `name`.")
	attrs["name"] = lookupAttribute("Name of the agent group, compared exactly (case included); when several groups have the name, the read fails and lists their ids. " +
		"Give exactly one of `id` and `name`.")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one agent group, found by its id or its name. Use it to refer to groups created in the " +
			"SmartAssist UI, such as the default agent group, for example in the `agent_group_id` of an agent or the " +
			"`agent_group_ids` of a queue.",
		Attributes: attrs,
	}
}

// agentGroupDataSourceAttributes are the agent group's attributes for
// reading, shared by smartassist_agent_group and each element of
// smartassist_agent_groups.
func agentGroupDataSourceAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":   schema.StringAttribute{MarkdownDescription: "ID of the agent group (`ag-…`).", Computed: true},
		"name": schema.StringAttribute{MarkdownDescription: "Name of the agent group.", Computed: true},
		"description": schema.StringAttribute{
			MarkdownDescription: "Description of the group.",
			Computed:            true,
		},
		"is_default": schema.BoolAttribute{
			MarkdownDescription: "Whether this is the account's default agent group, which takes agents created without a group. " +
				"Null when the API's answer does not say.",
			Computed: true,
		},
		agentGroupManagerBlock: schema.SetNestedAttribute{
			MarkdownDescription: "The users who manage the group. Null when the API's answer does not give the managers' " +
				"user ids (the vendor's sample for reading one agent group does not).",
			Computed: true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"user_id": schema.StringAttribute{
					MarkdownDescription: "Platform user id (`u-…`) of the manager.",
					Computed:            true,
				},
				"access_level": schema.StringAttribute{
					MarkdownDescription: "What the manager may do with the group: " + quotedList(client.AccessLevels) + ".",
					Computed:            true,
				},
			}},
		},
	}
}

func (d *agentGroupDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *agentGroupDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.client = data.client
	}
}

func (d *agentGroupDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg agentGroupModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var (
		g        *client.AgentGroup
		err      error
		what     string
		notFound string
	)
	if !cfg.ID.IsNull() {
		what = "the agent group " + cfg.ID.ValueString()
		notFound = fmt.Sprintf("No agent group has the id %s.", cfg.ID.ValueString())
		g, err = d.client.AgentGroups.Get(ctx, cfg.ID.ValueString())
	} else {
		what = fmt.Sprintf("the agent group named %q", cfg.Name.ValueString())
		notFound = fmt.Sprintf("No agent group is named %q. Names are compared exactly, including case.", cfg.Name.ValueString())
		g, err = d.client.AgentGroups.FindByName(ctx, cfg.Name.ValueString())
	}
	if err != nil {
		detail := fmt.Sprintf("Reading %s failed: %v", what, err)
		if client.IsNotFound(err) {
			detail = notFound
		}
		resp.Diagnostics.AddError("Unable to read agent group", detail+errorHint(err))
		return
	}
	m, _ := agentGroupModelFrom(g)
	if m.ID.IsNull() {
		m.ID = cfg.ID
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
