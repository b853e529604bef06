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
	_ datasource.DataSourceWithConfigure        = (*agentDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*agentDataSource)(nil)
)

func newAgentDataSource() datasource.DataSource { return &agentDataSource{} }

type agentDataSource struct {
	client *client.Client
}

func (d *agentDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_agent"
}

func (d *agentDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := agentDataSourceAttributes()
	lookup := map[string]string{
		"id":        "ID of the agent (`a-…`).",
		"email":     "Email address of the agent, compared without regard to case.",
		"custom_id": "Your own identifier of the agent. It must match exactly one agent.",
	}
	for name, desc := range lookup {
		attrs[name] = schema.StringAttribute{
			MarkdownDescription: desc + " Give exactly one of `id`, `email` and `custom_id`.",
			Optional:            true,
			Computed:            true,
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one agent, found by its id, its email or its custom id. Use it to refer to agents that were " +
			"created in the SmartAssist UI or are managed elsewhere.",
		Attributes: attrs,
	}
}

// agentDataSourceAttributes are the agent's attributes for reading, shared
// by smartassist_agent and each element of smartassist_agents.
func agentDataSourceAttributes() map[string]schema.Attribute {
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	boolean := func(desc string) schema.Attribute {
		return schema.BoolAttribute{MarkdownDescription: desc, Computed: true}
	}
	languages := func(desc string) schema.Attribute {
		return schema.SetNestedAttribute{
			MarkdownDescription: desc,
			Computed:            true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"language":         str("Language code."),
				"proficiency":      str("Proficiency in the language: " + quotedList(proficiencies) + "."),
				languageActiveAttr: boolean("Whether the language is in use for routing."),
			}},
		}
	}
	return map[string]schema.Attribute{
		"id":                    str("ID of the agent (`a-…`)."),
		"email":                 str("Email address of the agent."),
		"custom_id":             str("Your own identifier of the agent. The agent list does not carry it, so in `smartassist_agents` it is always null."),
		"first_name":            str("First name."),
		"last_name":             str("Last name."),
		"role_id":               str("ID of the agent's role."),
		"nickname":              str("Nickname shown to customers."),
		"phone_number":          str("Phone number."),
		"agent_group_id":        str("ID of the agent's agent group (`ag-…`)."),
		"can_support_chat":      boolean("Whether the agent handles chats."),
		"max_chat_support":      schema.Int64Attribute{MarkdownDescription: "How many chats the agent handles at once.", Computed: true},
		"can_support_voice":     boolean("Whether the agent handles voice calls."),
		"attachments_enabled":   boolean("Whether the agent can send and receive attachments."),
		"emojis_enabled":        boolean("Whether the agent can use emojis."),
		agentChatLanguageBlock:  languages("Languages the agent chats in."),
		agentVoiceLanguageBlock: languages("Languages the agent takes calls in."),
		agentQueueBlock: schema.SetNestedAttribute{
			MarkdownDescription: "Queues the agent takes conversations from.",
			Computed:            true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id":               str("ID of the queue."),
				preferredAgentAttr: boolean("Whether the agent is a preferred agent of the queue."),
			}},
		},
		agentSkillBlock: schema.SetNestedAttribute{
			MarkdownDescription: "Skills of the agent.",
			Computed:            true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id":                str("ID of the skill."),
				"proficiency_level": str("Proficiency in the skill."),
			}},
		},
		"user_id":    str("ID of the platform user behind the agent (`u-…`)."),
		"org_id":     str("ID of the organization."),
		"status":     str("Status of the agent account, such as `ACTIVE`."),
		"created_at": str("When the agent was created."),
		"updated_at": str("When the agent was last changed."),
	}
}

func (d *agentDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("email"), path.MatchRoot("custom_id")),
	}
}

func (d *agentDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.client = data.client
	}
}

func (d *agentDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg agentModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var (
		agent *client.Agent
		err   error
		what  string
	)
	switch {
	case !cfg.ID.IsNull():
		what = "id " + cfg.ID.ValueString()
		agent, err = d.client.Agents.Get(ctx, cfg.ID.ValueString())
	case !cfg.Email.IsNull():
		what = "email " + cfg.Email.ValueString()
		agent, err = d.client.Agents.FindByEmail(ctx, cfg.Email.ValueString())
		if err == nil {
			// The list does not carry every field (custom id); read the agent.
			agent, err = d.client.Agents.Get(ctx, string(agent.ID))
		}
	default:
		what = "custom id " + cfg.CustomID.ValueString()
		var agents []client.Agent
		agents, err = d.client.Agents.GetByCustomID(ctx, cfg.CustomID.ValueString())
		switch {
		case err != nil:
		case len(agents) == 0:
			err = fmt.Errorf("no agent has the custom id %s", cfg.CustomID.ValueString())
		case len(agents) > 1:
			err = fmt.Errorf("%d agents share the custom id %s; look the agent up by id or email instead", len(agents), cfg.CustomID.ValueString())
		default:
			agent = &agents[0]
			if agent.EmailID == "" {
				// The lookup answered only an id; read the agent.
				agent, err = d.client.Agents.Get(ctx, string(agent.ID))
			}
		}
	}
	if err != nil {
		detail := fmt.Sprintf("Reading the agent with %s failed: %v", what, err)
		if client.IsNotFound(err) {
			detail = fmt.Sprintf("No agent has the %s.", what)
		}
		resp.Diagnostics.AddError("Unable to read agent", detail+errorHint(err))
		return
	}
	m := agentModelFrom(agent)
	if !cfg.Email.IsNull() {
		m.keepEquivalent(cfg)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
