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

var _ datasource.DataSourceWithConfigure = (*agentsDataSource)(nil)

func newAgentsDataSource() datasource.DataSource { return &agentsDataSource{} }

type agentsDataSource struct {
	client *client.Client
}

type agentsDataSourceModel struct {
	QueueID types.String   `tfsdk:"queue_id"`
	SkillID types.String   `tfsdk:"skill_id"`
	Status  types.String   `tfsdk:"status"`
	Search  types.String   `tfsdk:"search"`
	IDs     []types.String `tfsdk:"ids"`
	Agents  []agentModel   `tfsdk:"agents"`
}

func (d *agentsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_agents"
}

func (d *agentsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	nonEmpty := []validator.String{stringvalidator.LengthAtLeast(1)}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists every agent of the account, across all pages of the API's agent list, optionally filtered. " +
			"The filters are applied by the provider to the list the API returns. Use it to find the ids of existing agents, " +
			"for example to write `import` blocks.",
		Attributes: map[string]schema.Attribute{
			"queue_id": schema.StringAttribute{
				MarkdownDescription: "Only agents in this queue.",
				Optional:            true,
				Validators:          nonEmpty,
			},
			"skill_id": schema.StringAttribute{
				MarkdownDescription: "Only agents with this skill.",
				Optional:            true,
				Validators:          nonEmpty,
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Only agents with this account status, such as `ACTIVE` (compared without regard to case).",
				Optional:            true,
				Validators:          nonEmpty,
			},
			"search": schema.StringAttribute{
				MarkdownDescription: "Only agents whose email, first name, last name, full name or nickname contains this text, without regard to case.",
				Optional:            true,
				Validators:          nonEmpty,
			},
			"ids": schema.ListAttribute{
				MarkdownDescription: "IDs of the matching agents, in the API's order.",
				Computed:            true,
				ElementType:         types.StringType,
			},
			"agents": schema.ListNestedAttribute{
				MarkdownDescription: "The matching agents, in the API's order, with the attributes of the `smartassist_agent` data source.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: agentDataSourceAttributes()},
			},
		},
	}
}

func (d *agentsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.client = data.client
	}
}

func (d *agentsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg agentsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cfg.IDs, cfg.Agents = []types.String{}, []agentModel{}
	err := d.client.Agents.ListAll(ctx, true, func(_ int, page *client.AgentList) bool {
		for i := range page.Results {
			m := agentModelFrom(&page.Results[i])
			if cfg.matches(&m, &page.Results[i]) {
				cfg.IDs = append(cfg.IDs, m.ID)
				cfg.Agents = append(cfg.Agents, m)
			}
		}
		return true
	})
	if err != nil {
		resp.Diagnostics.AddError("Unable to list agents", fmt.Sprintf("Listing the agents failed: %v", err)+errorHint(err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}

func (cfg *agentsDataSourceModel) matches(m *agentModel, a *client.Agent) bool {
	if v := cfg.QueueID.ValueString(); v != "" && !hasElem(m.Queues, func(q agentQueueModel) bool { return q.ID.ValueString() == v }) {
		return false
	}
	if v := cfg.SkillID.ValueString(); v != "" && !hasElem(m.Skills, func(s agentSkillModel) bool { return s.ID.ValueString() == v }) {
		return false
	}
	if v := cfg.Status.ValueString(); v != "" && !strings.EqualFold(v, m.Status.ValueString()) {
		return false
	}
	if v := strings.ToLower(cfg.Search.ValueString()); v != "" {
		hay := strings.ToLower(strings.Join([]string{
			string(a.EmailID), string(a.FirstName), string(a.LastName),
			string(a.FirstName) + " " + string(a.LastName), string(a.NickName),
		}, "\n"))
		if !strings.Contains(hay, v) {
			return false
		}
	}
	return true
}

func hasElem[T any](s []T, pred func(T) bool) bool {
	for _, e := range s {
		if pred(e) {
			return true
		}
	}
	return false
}
