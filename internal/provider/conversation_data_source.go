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

var _ datasource.DataSourceWithConfigure = (*conversationDataSource)(nil)

func newConversationDataSource() datasource.DataSource { return &conversationDataSource{} }

type conversationDataSource struct {
	client *client.Client
}

// conversationDataSourceModel is a conversation with the document the API
// returned, which only the single-conversation data source keeps.
type conversationDataSourceModel struct {
	conversationModel
	RawJSON types.String `tfsdk:"raw_json"`
}

// conversationPersonalData is the warning both conversation data sources
// carry in their descriptions.
const conversationPersonalData = "**Personal data.** A conversation describes a contact with one of your customers. " +
	"`key_intent_user_input` and `notes` can hold what the customer or the agent wrote, `participants[*].name` " +
	"holds agent names, and `user_id` identifies the end user. Nothing here is marked sensitive, so all of it is " +
	"shown in plans and stored in plain text in the state file: protect the state accordingly, and read only the " +
	"conversations you need."

func (d *conversationDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversation"
}

func (d *conversationDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := conversationDataSourceAttributes()
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "ID of the conversation (`c-…`), as shown in the SmartAssist conversation history or " +
			"returned by `smartassist_conversations`.",
		Required:   true,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["raw_json"] = schema.StringAttribute{
		MarkdownDescription: "The whole conversation as the API returned it, as compact JSON text. Use `jsondecode` to reach " +
			"what the other attributes do not model, such as `userInfo`, `contactFlow`, `formData` or `agentDesktopMeta`. " +
			"It contains `userInfo`: the end user's IP address, city, country, ISP, operating system and device.",
		Computed: true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one conversation of the contact center by its id: its status, channel, queues, agents, " +
			"transfers and disposition. Every read is one API call, so a refresh re-reads the conversation.\n\n" +
			conversationPersonalData + " This data source also stores `raw_json`, which holds the end user's IP address, " +
			"city, country, ISP and device (`userInfo`).",
		Attributes: attrs,
	}
}

// conversationDataSourceAttributes are a conversation's attributes for
// reading, shared by smartassist_conversation and each element of
// smartassist_conversations.
func conversationDataSourceAttributes() map[string]schema.Attribute {
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	boolean := func(desc string) schema.Attribute {
		return schema.BoolAttribute{MarkdownDescription: desc, Computed: true}
	}
	number := func(desc string) schema.Attribute {
		return schema.NumberAttribute{MarkdownDescription: desc, Computed: true}
	}
	nested := func(desc string, attrs map[string]schema.Attribute) schema.Attribute {
		return schema.ListNestedAttribute{
			MarkdownDescription: desc,
			Computed:            true,
			NestedObject:        schema.NestedAttributeObject{Attributes: attrs},
		}
	}
	jsonList := func(desc string) schema.Attribute {
		return schema.ListAttribute{
			MarkdownDescription: desc + " Each element is one entry as compact JSON text (a skill id, for example, is the " +
				"quoted string `\"633f…\"`); use `jsondecode` to read it.",
			Computed:    true,
			ElementType: types.StringType,
		}
	}
	return map[string]schema.Attribute{
		"id":                str("ID of the conversation (`c-…`)."),
		"status":            str("Status of the conversation: " + quotedList(client.ConversationStatuses) + "."),
		"conversation_type": str("Kind of conversation, such as `messaging`, `voice` or `email`."),
		"source":            str("Channel the conversation came in on, such as `rtm` (web and mobile chat)."),
		"language":          str("Language code of the conversation, such as `en`."),
		"priority": number("Priority of the conversation in its queue, a number. Null when the API sends something that " +
			"is not a number."),
		"wait_time": number("How long the customer waited for an agent, in milliseconds. Null when the API sends " +
			"something that is not a number."),
		"callback_opted": boolean("Whether the customer asked to be called back instead of waiting."),
		"survey_required": str("Whether a survey is due after the conversation, as the API sends it, for example `YES` " +
			"or `NO`. It is text because the API documents a boolean but sends words."),
		"is_proactive_agent_assist_enabled": boolean("Whether proactive AgentAssist (suggestions to the agent) was on for the conversation."),
		"key_intent_name":                   str("Name of the intent that routed the conversation to an agent, such as `TalkToAgent`."),
		"key_intent_user_input":             str("What the customer wrote or said that matched the key intent. Personal data: it is the customer's own words."),

		"start_time":  str("When the conversation started (RFC 3339)."),
		"end_time":    str("When the conversation ended (RFC 3339); null while it is open."),
		"accepted_at": str("When an agent accepted the conversation (RFC 3339)."),
		"created_at":  str("When the conversation record was created (RFC 3339)."),
		"updated_at":  str("When the conversation record last changed (RFC 3339)."),

		"user_id":        str("ID of the end user (customer) on the platform (`u-…`). It identifies a person."),
		"bot_id":         str("ID of the bot (stream) that handled the conversation (`st-…`)."),
		"org_id":         str("ID of the organization (`o-…`)."),
		"account_id":     str("ID of the account."),
		"bot_session_id": str("ID of the bot session the conversation belongs to."),

		"participants": nested("Agents who took part, in the API's order, one element per assignment.", map[string]schema.Attribute{
			"queue_id":       str("ID of the queue the agent took the conversation from (`qu-…`)."),
			"queue_name":     str("Name of that queue."),
			"agent_id":       str("ID of the agent's platform user (`u-…`)."),
			"name":           str("Name of the agent. Personal data: an employee's name."),
			"status":         str("Status of the agent's part in the conversation, such as `ACTIVE` or `INACTIVE`."),
			"assigned_at":    str("When the conversation was assigned to the agent (RFC 3339)."),
			"start_time":     str("When the agent started handling the conversation (RFC 3339)."),
			"end_time":       str("When the agent stopped handling the conversation (RFC 3339)."),
			"is_transferred": boolean("Whether the agent transferred the conversation away."),
		}),
		"queues": nested("Queues the conversation passed through, in the API's order.", map[string]schema.Attribute{
			"id":         str("ID of the queue (`qu-…`)."),
			"name":       str("Name of the queue."),
			"type":       str("How the conversation entered the queue, such as `ASSIGNED` or `TRANSFERRED`."),
			"status":     str("Status of the conversation in the queue, such as `ACTIVE` or `INACTIVE`."),
			"start_time": str("When the conversation entered the queue (RFC 3339)."),
		}),
		"transfer_details": nested("Transfers of the conversation, in the API's order.", map[string]schema.Attribute{
			"from_queue":       str("ID of the queue the conversation was transferred from."),
			"from_agent":       str("ID of the agent's platform user who had the conversation before the transfer."),
			"transferred_type": str("What the conversation was transferred to, such as `QUEUE` or `AGENT`."),
			"transferred_by":   str("ID of the platform user who made the transfer."),
			"priority":         str("Priority given with the transfer, such as `HIGHEST`."),
			"transferred_at":   str("When the transfer happened (RFC 3339)."),
			"transferred_to": nested("Where the conversation was transferred to.", map[string]schema.Attribute{
				"id":   str("ID of the target queue or agent."),
				"name": str("Name of the target."),
				"type": str("Kind of target, such as `QUEUE`."),
			}),
		}),
		"disposition": schema.SingleNestedAttribute{
			MarkdownDescription: "How the conversation ended, as recorded by the agent or the system. Null when the API sends no disposition.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"status":      str("Disposition, such as `DROP-OFF` or `RESOLVED`."),
				"meta_status": str("Category of the disposition, such as `SYSTEM_DROP_OFF`."),
				"remarks":     str("Remarks recorded with the disposition; they can quote what was said to the customer."),
			},
		},
		"skills": jsonList("Skills the conversation required for routing."),
		"notes":  jsonList("Notes agents wrote on the conversation. Personal data: free text that can mention the customer."),
	}
}

func (d *conversationDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.client = data.client
	}
}

func (d *conversationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg conversationDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := cfg.ID.ValueString()
	conv, err := d.client.Conversations.Get(ctx, id)
	if err == nil && conv.ID() == "" {
		// A 200 without a conversation in it (an empty body, null, {}) is
		// not a conversation with every field empty.
		err = fmt.Errorf("the API answered without a conversation")
	}
	if err != nil {
		detail := fmt.Sprintf("Reading the conversation with id %s failed: %v", id, err)
		if client.IsNotFound(err) || (conv != nil && conv.ID() == "") {
			detail = fmt.Sprintf("No conversation has the id %s in this app (stream). Check the id, and that the provider's "+
				"stream_id is the app the conversation belongs to. The API said: %v", id, err)
		}
		resp.Diagnostics.AddError("Unable to read conversation", detail+errorHint(err))
		return
	}
	m := conversationDataSourceModel{
		conversationModel: conversationModelFrom(conv),
		RawJSON:           types.StringValue(compactJSON(conv.Raw)),
	}
	m.ID = cfg.ID
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
