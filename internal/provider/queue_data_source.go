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
	_ datasource.DataSourceWithConfigure        = (*queueDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*queueDataSource)(nil)
)

func newQueueDataSource() datasource.DataSource { return &queueDataSource{} }

type queueDataSource struct {
	client *client.Client
}

func (d *queueDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_queue"
}

func (d *queueDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := queueDataSourceAttributes()
	lookup := map[string]string{
		"id":   "ID of the queue (`qu-…`).",
		"name": "Name of the queue, compared exactly (case included). When several queues have the name, the read fails and lists their ids.",
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
		MarkdownDescription: "Reads one queue, found by its id or its name. Use it to refer to queues created in the SmartAssist " +
			"UI, such as the default queue, for example in the `queue` block of an agent.",
		Attributes: attrs,
	}
}

// queueDataSourceAttributes are the queue's attributes for reading, shared
// by smartassist_queue and each element of smartassist_queues.
func queueDataSourceAttributes() map[string]schema.Attribute {
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	boolean := func(desc string) schema.Attribute {
		return schema.BoolAttribute{MarkdownDescription: desc, Computed: true}
	}
	return map[string]schema.Attribute{
		"id":                          str("ID of the queue (`qu-…`)."),
		"name":                        str("Name of the queue."),
		"description":                 str("Description of the queue; null when it has none."),
		"hours_of_operation_id":       str("ID of the hours of operation that say when the queue is open."),
		"is_advanced_routing_enabled": boolean("Whether the queue routes with advanced routing rules."),
		queueSkillBlock: schema.SetNestedAttribute{
			MarkdownDescription: "Skills the queue routes on.",
			Computed:            true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id":            str("ID of the skill."),
				skillExpireAttr: boolean("Whether the skill requirement expires after the skill's expiry time."),
			}},
		},
		"agent_group_ids": schema.SetAttribute{
			MarkdownDescription: "IDs of the agent groups that serve the queue.",
			ElementType:         types.StringType,
			Computed:            true,
		},
		"preferred_agent_timeout": str("How long a conversation waits for its preferred agent, as a duration such as `2m30s`; " +
			"null when the API's answer does not say."),
		"is_default": boolean("Whether this is the account's default queue."),
		"is_active":  boolean("Whether the queue is active and takes conversations."),
	}
}

func (d *queueDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *queueDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.client = data.client
	}
}

func (d *queueDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg queueModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var (
		q        *client.Queue
		err      error
		what     string
		notFound string
	)
	if !cfg.ID.IsNull() {
		what = "the queue " + cfg.ID.ValueString()
		notFound = fmt.Sprintf("No queue has the id %s. The smartassist_queues data source lists every queue.", cfg.ID.ValueString())
		q, err = d.client.Queues.Get(ctx, cfg.ID.ValueString())
	} else {
		what = fmt.Sprintf("the queue named %q", cfg.Name.ValueString())
		notFound = fmt.Sprintf("No queue is named %q. Names are compared exactly, including case; the smartassist_queues "+
			"data source lists every queue.", cfg.Name.ValueString())
		q, err = d.client.Queues.FindByName(ctx, cfg.Name.ValueString())
	}
	if err != nil {
		detail := fmt.Sprintf("Reading %s failed: %v", what, err)
		if client.IsNotFound(err) {
			detail = notFound
		}
		resp.Diagnostics.AddError("Unable to read queue", detail+errorHint(err))
		return
	}
	m := queueModelFrom(q)
	if m.ID.IsNull() {
		m.ID = cfg.ID
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
