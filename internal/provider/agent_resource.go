package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var (
	_ resource.ResourceWithConfigure      = (*agentResource)(nil)
	_ resource.ResourceWithImportState    = (*agentResource)(nil)
	_ resource.ResourceWithValidateConfig = (*agentResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*agentResource)(nil)
	_ resource.ResourceWithIdentity       = (*agentResource)(nil)
	_ resource.ResourceWithIdentity       = (*agentResource)(nil)
)

func newAgentResource() resource.Resource { return &agentResource{} }

type agentResource struct {
	client   *client.Client
	agents   *agentStore
	members  *membershipLocks
	stream   string
	adoption *agentAdoption
}

func (r *agentResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_agent"
}

func (r *agentResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := func() []planmodifier.String { return []planmodifier.String{stringplanmodifier.UseStateForUnknown()} }
	keepBool := func() []planmodifier.Bool { return []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()} }
	omitted := func(what string) string {
		return fmt.Sprintf(" Blocks of this type are managed as a whole: omitting all of them means the agent has no %s, "+
			"and the provider removes any the agent has.", what)
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An agent of the SmartAssist contact center, with its role, agent group, chat and voice capacity, " +
			"languages, queues and skills.\n\n" +
			"Updates read the agent and send the whole document back (the API's update replaces the agent), so fields this " +
			"resource does not manage, such as desktop layouts or email and messaging capacity, are kept.",
		Attributes: map[string]schema.Attribute{
			// Required.
			"email": schema.StringAttribute{
				MarkdownDescription: "Email address of the agent (`emailId`). Unique in the account. The API compares it without regard to case, and so does the provider.",
				Required:            true,
				Validators:          []validator.String{emailAddress()},
			},
			"first_name": schema.StringAttribute{
				MarkdownDescription: "First name of the agent.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"last_name": schema.StringAttribute{
				MarkdownDescription: "Last name of the agent.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"role_id": schema.StringAttribute{
				MarkdownDescription: "ID of the role the agent has, which sets what the agent may do in the agent console.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			// Optional.
			"nickname": schema.StringAttribute{
				MarkdownDescription: "Nickname shown to customers instead of the agent's name (`nickName`).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"phone_number": schema.StringAttribute{
				MarkdownDescription: "Phone number of the agent, for example `+14155550100`. A value the API returns with other separators or without the `+` is treated as the same number.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(phonePattern, "must be a phone number of digits, with an optional leading + and spaces or dashes")},
			},
			"custom_id": schema.StringAttribute{
				MarkdownDescription: "Your own identifier for the agent, such as an employee number. Any characters except white space. Agents can be found by it.",
				Optional:            true,
				Validators:          []validator.String{noSpaces()},
			},
			"agent_group_id": schema.StringAttribute{
				MarkdownDescription: "ID (`ag-…`) of the agent group the agent belongs to. When omitted, the API puts the agent in the account's default group, and this attribute shows it.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       keep(),
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"can_support_chat": schema.BoolAttribute{
				MarkdownDescription: "Whether the agent handles chat conversations. When omitted, the API's value is kept.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       keepBool(),
			},
			"max_chat_support": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("How many chats the agent handles at once, from %d to %d. Needs `can_support_chat = true`. When omitted, the API's value is kept.", minChatSupport, maxChatSupport),
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
				Validators: []validator.Int64{
					int64validator.Between(minChatSupport, maxChatSupport),
					int64validator.AlsoRequires(path.MatchRoot("can_support_chat")),
				},
			},
			"can_support_voice": schema.BoolAttribute{
				MarkdownDescription: "Whether the agent handles voice calls. When omitted, the API's value is kept.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       keepBool(),
			},
			"attachments_enabled": schema.BoolAttribute{
				MarkdownDescription: "Whether the agent can send and receive attachments. The API enables it by default.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       keepBool(),
			},
			"emojis_enabled": schema.BoolAttribute{
				MarkdownDescription: "Whether the agent can use emojis. The API enables it by default.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       keepBool(),
			},
			// Computed.
			"id": schema.StringAttribute{
				MarkdownDescription: "ID of the agent (`a-…`).",
				Computed:            true,
				PlanModifiers:       keep(),
			},
			"user_id": schema.StringAttribute{
				MarkdownDescription: "ID of the platform user behind the agent (`u-…`). Conversations name agents by it.",
				Computed:            true,
				PlanModifiers:       keep(),
			},
			"org_id": schema.StringAttribute{
				MarkdownDescription: "ID of the organization (`o-…`).",
				Computed:            true,
				PlanModifiers:       keep(),
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Status of the agent account, such as `ACTIVE`.",
				Computed:            true,
				PlanModifiers:       keep(),
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: "When the agent was created (ISO 8601).",
				Computed:            true,
				PlanModifiers:       keep(),
			},
			"updated_at": schema.StringAttribute{
				MarkdownDescription: "When the agent was last changed (ISO 8601).",
				Computed:            true,
			},
		},
		Blocks: map[string]schema.Block{
			agentChatLanguageBlock: schema.SetNestedBlock{
				MarkdownDescription: "A language the agent chats in. One block per language; order does not matter." + omitted("chat languages"),
				NestedObject:        languageBlock(),
			},
			agentVoiceLanguageBlock: schema.SetNestedBlock{
				MarkdownDescription: "A language the agent takes calls in. One block per language; order does not matter." + omitted("voice languages"),
				NestedObject:        languageBlock(),
			},
			agentQueueBlock: schema.SetNestedBlock{
				MarkdownDescription: "A queue the agent takes conversations from. One block per queue; order does not matter." + omitted("queues") +
					" This is the one place queue membership is managed: the `smartassist_queue` resource does not manage its agents.",
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"id": schema.StringAttribute{
							MarkdownDescription: "ID of the queue (`qu-…`).",
							Required:            true,
							Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
						},
						preferredAgentAttr: schema.BoolAttribute{
							MarkdownDescription: "Whether the agent is a preferred agent of the queue, offered its conversations first. Default `false`.",
							Optional:            true,
							Computed:            true,
						},
					},
				},
			},
			agentSkillBlock: schema.SetNestedBlock{
				MarkdownDescription: "A skill of the agent, used by skill-based routing. One block per skill; order does not matter." + omitted("skills"),
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"id": schema.StringAttribute{
							MarkdownDescription: "ID of the skill.",
							Required:            true,
							Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
						},
						"proficiency_level": schema.StringAttribute{
							MarkdownDescription: "How well the agent masters the skill: " + quotedList(proficiencies) + ".",
							Required:            true,
							Validators:          []validator.String{stringvalidator.OneOf(proficiencies...)},
						},
					},
				},
			},
		},
	}
}

func (r *agentResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema("ID of the agent (`a-…`).")
}

func languageBlock() schema.NestedBlockObject {
	return schema.NestedBlockObject{
		Attributes: map[string]schema.Attribute{
			"language": schema.StringAttribute{
				MarkdownDescription: "Language code, such as `en`, `es` or `pt-BR`.",
				Required:            true,
				Validators:          []validator.String{languageCode()},
			},
			"proficiency": schema.StringAttribute{
				MarkdownDescription: "How well the agent speaks it: " + quotedList(proficiencies) + ".",
				Required:            true,
				Validators:          []validator.String{stringvalidator.OneOf(proficiencies...)},
			},
			languageActiveAttr: schema.BoolAttribute{
				MarkdownDescription: "Whether the language is in use for routing. Default `true`.",
				Optional:            true,
				Computed:            true,
			},
		},
	}
}

// ValidateConfig rejects what the schema alone cannot: two blocks with the
// same key, and max_chat_support for an agent that does not chat.
func (r *agentResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	chat, _, d := blockSet[agentLanguageModel](ctx, req.Config, path.Root(agentChatLanguageBlock))
	resp.Diagnostics.Append(d...)
	voice, _, d := blockSet[agentLanguageModel](ctx, req.Config, path.Root(agentVoiceLanguageBlock))
	resp.Diagnostics.Append(d...)
	queues, _, d := blockSet[agentQueueModel](ctx, req.Config, path.Root(agentQueueBlock))
	resp.Diagnostics.Append(d...)
	skills, _, d := blockSet[agentSkillModel](ctx, req.Config, path.Root(agentSkillBlock))
	resp.Diagnostics.Append(d...)
	language := func(l agentLanguageModel) types.String { return l.Language }
	rejectDuplicateKeys(agentChatLanguageBlock, "language", chat, language, &resp.Diagnostics)
	rejectDuplicateKeys(agentVoiceLanguageBlock, "language", voice, language, &resp.Diagnostics)
	rejectDuplicateKeys(agentQueueBlock, "queue id", queues, func(q agentQueueModel) types.String { return q.ID }, &resp.Diagnostics)
	rejectDuplicateKeys(agentSkillBlock, "skill id", skills, func(s agentSkillModel) types.String { return s.ID }, &resp.Diagnostics)

	var canChat types.Bool
	var maxChat types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("can_support_chat"), &canChat)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("max_chat_support"), &maxChat)...)
	if !maxChat.IsNull() && !canChat.IsUnknown() && !canChat.IsNull() && !canChat.ValueBool() {
		resp.Diagnostics.AddAttributeError(path.Root("max_chat_support"), "Invalid max_chat_support",
			"max_chat_support is set but can_support_chat is false. An agent that does not chat has no chat capacity: "+
				"set can_support_chat = true or remove max_chat_support.")
	}
}

// ModifyPlan applies the documented defaults of block attributes the
// configuration leaves out (is_active = true, is_preferred_agent = false).
// An omitted value means the default, not "whatever the API has": a queue
// made preferred in the UI shows up as drift, and plans never show a
// perpetual "known after apply".
func (r *agentResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	language := func(l *agentLanguageModel) types.String { return l.Language }
	isActive := func(l *agentLanguageModel) *types.Bool { return &l.IsActive }
	changed := false
	for _, block := range []string{agentChatLanguageBlock, agentVoiceLanguageBlock} {
		changed = applyBlockDefault(ctx, req, resp, block, language, isActive, defaultLanguageActive) || changed
	}
	changed = applyBlockDefault(ctx, req, resp, agentQueueBlock,
		func(q *agentQueueModel) types.String { return q.ID },
		func(q *agentQueueModel) *types.Bool { return &q.IsPreferredAgent }, defaultPreferredAgent) || changed
	if changed && !req.State.Raw.IsNull() {
		// Restoring a default is an update: the API will stamp it.
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("updated_at"), types.StringUnknown())...)
	}
}

func (r *agentResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		r.client, r.agents, r.members, r.stream, r.adoption = data.client, data.agents, data.members, data.streamID, data.adoption
	}
}

func (r *agentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan agentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	email := plan.Email.ValueString()
	// Joining queues and skills: not while one of them is being updated.
	unlock, err := r.members.members(ctx, agentMemberKeys(&plan))
	if err != nil {
		resp.Diagnostics.AddError("Unable to create agent", fmt.Sprintf("Waiting to create the agent %s: %v", email, err)+errorHint(err))
		return
	}
	created, err := r.agents.create(ctx, plan.request(false))
	unlock()
	if err != nil {
		resp.Diagnostics.AddError("Unable to create agent", agentCreateDetail(email, err)+errorHint(err))
		return
	}
	plan.fillComputed(agentModelFrom(created))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(plan.ID, r.stream))...)
}

// agentCreateDetail explains a failed create. An agent that exists with the
// email is known from the client's lookup (*client.ExistsError), never from
// the refusal's status or text; its import id is the email, which the
// agent's import takes.
func agentCreateDetail(email string, err error) string {
	if detail, ok := existsDetail(err, func(e *client.ExistsError) string { return e.Value }); ok {
		return detail
	}
	var unconfirmed *client.UnconfirmedCreateError
	switch {
	case errors.As(err, &unconfirmed):
		return err.Error() + createAdvice(err, email)
	}
	return fmt.Sprintf("Creating the agent %s failed: %v", email, err)
}

func (r *agentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state agentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to read agent", "agent", state.ID.ValueString())...)
	if resp.Diagnostics.HasError() {
		return
	}
	// The list does not carry customId: an agent with one needs its GET, and so
	// does a read right after an import, unless the exporter's hand-off says.
	imported, diags := req.Private.GetKey(ctx, importedKey)
	resp.Diagnostics.Append(diags...)
	id := state.ID.ValueString()
	handed := r.adoption.read(ctx, id, len(imported) > 0)
	agent, err := r.agents.read(ctx, id, !state.CustomID.IsNull() || (len(imported) > 0 && handed == nil))
	if err != nil {
		if confirmGone(ctx, &resp.Diagnostics, err, r.gone(id), "Unable to read agent",
			fmt.Sprintf("Reading the agent %s (%s)", id, state.Email.ValueString())) {
			// The framework wants an identity even from a read that drops the
			// object, and state written before identities has none.
			resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(state.ID, r.stream))...)
			resp.State.RemoveResource(ctx)
		}
		return
	}
	m := agentModelFrom(agent)
	if m.ID.IsNull() {
		m.ID = state.ID
	}
	handed.fill(&m)
	m.keepEquivalent(state)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(state.ID, r.stream))...)
	if len(imported) > 0 {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, nil)...)
	}
}

func (r *agentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state agentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to update agent", "agent", state.ID.ValueString())...); resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	r.agents.forget(id)
	// The update replaces the whole agent, so start from what the API has
	// now: fields this resource does not manage go back unchanged.
	current, err := r.client.Agents.Get(ctx, id)
	if err != nil {
		resp.Diagnostics.AddError("Unable to update agent",
			fmt.Sprintf("Reading the agent %s (%s) before updating it failed: %v", id, state.Email.ValueString(), err)+errorHint(err))
		return
	}
	// The queues and skills the agent joins or leaves: not while one of
	// them is being updated.
	was := agentModelFrom(current)
	unlock, err := r.members.members(ctx, agentMemberKeys(&plan, &state, &was))
	if err != nil {
		resp.Diagnostics.AddError("Unable to update agent",
			fmt.Sprintf("Waiting to update the agent %s (%s): %v", id, plan.Email.ValueString(), err)+errorHint(err))
		return
	}
	updated, err := r.client.Agents.Update(ctx, current, plan.request(true))
	unlock()
	if err != nil {
		resp.Diagnostics.AddError("Unable to update agent",
			fmt.Sprintf("Updating the agent %s (%s) failed: %v", id, plan.Email.ValueString(), err)+errorHint(err))
		return
	}
	plan.ID = state.ID
	plan.fillComputed(agentModelFrom(updated))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(plan.ID, r.stream))...)
}

func (r *agentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state agentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to delete agent", "agent", state.ID.ValueString())...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	r.agents.forget(id)
	// Leaving its queues and skills: not while one of them is being updated.
	unlock, err := r.members.members(ctx, agentMemberKeys(&state))
	if err != nil {
		resp.Diagnostics.AddError("Unable to delete agent",
			fmt.Sprintf("Waiting to delete the agent %s (%s): %v", id, state.Email.ValueString(), err)+errorHint(err))
		return
	}
	err = r.client.Agents.Delete(ctx, id)
	unlock()
	what := fmt.Sprintf("Deleting the agent %s (%s)", id, state.Email.ValueString())
	if !deleteDone(ctx, &resp.Diagnostics, err, r.gone(id), "Unable to delete agent", what) {
		resp.Diagnostics.AddError("Unable to delete agent", fmt.Sprintf("%s failed: %v", what, err)+unreachableHint(err)+errorHint(err))
	}
}

// gone binds the agent's Gone check to its id.
func (r *agentResource) gone(id string) goneFunc {
	return func(ctx context.Context, err error) (bool, error) { return r.client.Agents.Gone(ctx, id, err) }
}

// ImportState takes an agent id (a-…), an email address or a custom id, or
// an identity (id and, optionally, stream_id).
func (r *agentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if id, given := importIdentity(ctx, req, r.stream, "agent", &resp.Diagnostics); given {
		if !resp.Diagnostics.HasError() {
			r.imported(ctx, id, resp)
		}
		return
	}
	id := strings.TrimSpace(req.ID)
	if strings.Contains(id, "@") {
		agent, err := r.client.Agents.FindByEmail(ctx, id)
		if err != nil {
			detail := fmt.Sprintf("Looking up the agent with the email %s failed: %v", id, err)
			if client.IsNotFound(err) {
				detail = fmt.Sprintf("No agent has the email %s. Check the address, or import by agent id (a-…).", id)
			}
			resp.Diagnostics.AddError("Unable to import agent", detail+errorHint(err))
			return
		}
		id = string(agent.ID)
	}
	if id == "" {
		resp.Diagnostics.AddError("Unable to import agent", "Give an agent id (a-…), the agent's email address or its custom id.")
		return
	}
	if !strings.Contains(req.ID, "@") && !strings.HasPrefix(id, "a-") {
		found, ok, err := agentIDForCustomID(ctx, r.client, id)
		if err != nil {
			resp.Diagnostics.AddError("Unable to import agent", fmt.Sprintf("The import id %q is not an agent id (a-…): %v.", id, err)+errorHint(err))
			return
		}
		if ok {
			id = found
		}
	}
	r.imported(ctx, id, resp)
}

// imported sets the state and the identity of the agent an import found.
func (r *agentResource) imported(ctx context.Context, id string, resp *resource.ImportStateResponse) {
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(types.StringValue(id), r.stream))...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, []byte("true"))...)
}
