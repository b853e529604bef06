package provider

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// Proficiency levels, as documented for skills on create-a-skill
// (expert, novice, average, good) and used for languages on create-an-agent.
const (
	proficiencyNovice  = "novice"
	proficiencyAverage = "average"
	proficiencyGood    = "good"
	proficiencyExpert  = "expert"
)

var proficiencies = []string{proficiencyNovice, proficiencyAverage, proficiencyGood, proficiencyExpert}

// Bounds of max_chat_support. The pages give 5 in every sample and no bound;
// these keep an obvious typo from reaching the API.
const (
	minChatSupport = 1
	maxChatSupport = 100
)

// agentModel is the Terraform side of an agent, shared by the resource and
// both data sources.
type agentModel struct {
	ID           types.String `tfsdk:"id"`
	Email        types.String `tfsdk:"email"`
	FirstName    types.String `tfsdk:"first_name"`
	LastName     types.String `tfsdk:"last_name"`
	RoleID       types.String `tfsdk:"role_id"`
	Nickname     types.String `tfsdk:"nickname"`
	PhoneNumber  types.String `tfsdk:"phone_number"`
	CustomID     types.String `tfsdk:"custom_id"`
	AgentGroupID types.String `tfsdk:"agent_group_id"`

	CanSupportChat     types.Bool  `tfsdk:"can_support_chat"`
	MaxChatSupport     types.Int64 `tfsdk:"max_chat_support"`
	CanSupportVoice    types.Bool  `tfsdk:"can_support_voice"`
	AttachmentsEnabled types.Bool  `tfsdk:"attachments_enabled"`
	EmojisEnabled      types.Bool  `tfsdk:"emojis_enabled"`

	ChatLanguages  []agentLanguageModel `tfsdk:"chat_language_support"`
	VoiceLanguages []agentLanguageModel `tfsdk:"voice_language_support"`
	Queues         []agentQueueModel    `tfsdk:"queue"`
	Skills         []agentSkillModel    `tfsdk:"skill"`

	UserID    types.String `tfsdk:"user_id"`
	OrgID     types.String `tfsdk:"org_id"`
	Status    types.String `tfsdk:"status"`
	CreatedAt types.String `tfsdk:"created_at"`
	UpdatedAt types.String `tfsdk:"updated_at"`
}

type agentLanguageModel struct {
	Language    types.String `tfsdk:"language"`
	Proficiency types.String `tfsdk:"proficiency"`
	IsActive    types.Bool   `tfsdk:"is_active"`
}

type agentQueueModel struct {
	ID               types.String `tfsdk:"id"`
	IsPreferredAgent types.Bool   `tfsdk:"is_preferred_agent"`
}

type agentSkillModel struct {
	ID               types.String `tfsdk:"id"`
	ProficiencyLevel types.String `tfsdk:"proficiency_level"`
}

// The API's defaults for the optional parts of a block: a language is active
// unless said otherwise, an agent is not a queue's preferred agent.
const (
	defaultLanguageActive   = true
	defaultPreferredAgent   = false
	languageActiveAttr      = "is_active"
	preferredAgentAttr      = "is_preferred_agent"
	agentQueueBlock         = "queue"
	agentSkillBlock         = "skill"
	agentChatLanguageBlock  = "chat_language_support"
	agentVoiceLanguageBlock = "voice_language_support"
)

// agentModelFrom maps an agent as the API returns it onto the model. It is
// the one place that mapping happens.
func agentModelFrom(a *client.Agent) agentModel {
	m := agentModel{
		ID:                 stringOrNull(a.ID),
		Email:              stringOrNull(a.EmailID),
		FirstName:          stringOrNull(a.FirstName),
		LastName:           stringOrNull(a.LastName),
		RoleID:             stringOrNull(a.RoleID),
		Nickname:           stringOrNull(a.NickName),
		PhoneNumber:        stringOrNull(a.PhoneNumber),
		CustomID:           stringOrNull(a.CustomID),
		AgentGroupID:       stringOrNull(client.FlexString(a.GroupID())),
		CanSupportChat:     boolOrNull(a.CanSupportChat),
		MaxChatSupport:     intOrNull(a.MaxChatSupport),
		CanSupportVoice:    boolOrNull(a.CanSupportVoice),
		AttachmentsEnabled: boolOrNull(a.AttachmentsEnabled),
		EmojisEnabled:      boolOrNull(a.EmojisEnabled),
		ChatLanguages:      languagesFrom(a.ChatLanguageSupport),
		VoiceLanguages:     languagesFrom(a.VoiceLanguageSupport),
		Queues:             []agentQueueModel{},
		Skills:             []agentSkillModel{},
		UserID:             stringOrNull(a.UserID),
		OrgID:              stringOrNull(a.OrgID),
		Status:             stringOrNull(a.Status),
		CreatedAt:          stringOrNull(a.CreatedAt),
		UpdatedAt:          stringOrNull(a.UpdatedAt),
	}
	for _, q := range a.Queues {
		if q.ID == "" {
			continue
		}
		m.Queues = append(m.Queues, agentQueueModel{
			ID:               types.StringValue(string(q.ID)),
			IsPreferredAgent: types.BoolValue(q.PreferredFor(string(a.UserID), string(a.ID))),
		})
	}
	for _, s := range a.Skills {
		if s.Skill() == "" {
			continue
		}
		m.Skills = append(m.Skills, agentSkillModel{
			ID:               types.StringValue(s.Skill()),
			ProficiencyLevel: stringOrNull(s.ProficiencyLevel),
		})
	}
	return m
}

func languagesFrom(in client.FlexList[client.AgentLanguage]) []agentLanguageModel {
	out := make([]agentLanguageModel, 0, len(in))
	for _, l := range in {
		if l.Language == "" {
			continue
		}
		active := defaultLanguageActive
		if l.IsActive != nil {
			active = bool(*l.IsActive)
		}
		out = append(out, agentLanguageModel{
			Language:    types.StringValue(string(l.Language)),
			Proficiency: stringOrNull(l.Proficiency),
			IsActive:    types.BoolValue(active),
		})
	}
	return out
}

// keepEquivalent keeps the prior value of attributes where the API returns an
// equivalent spelling: an email in another case, a phone number that gained
// or lost its '+' or separators. Without it, such a difference would be a
// perpetual diff.
func (m *agentModel) keepEquivalent(prior agentModel) {
	if !prior.Email.IsNull() && strings.EqualFold(prior.Email.ValueString(), m.Email.ValueString()) {
		m.Email = prior.Email
	}
	if !prior.PhoneNumber.IsNull() && digitsOnly(prior.PhoneNumber.ValueString()) == digitsOnly(m.PhoneNumber.ValueString()) {
		m.PhoneNumber = prior.PhoneNumber
	}
}

func digitsOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// request builds the body of a create or the managed part of an update from
// a plan. Unknown values (computed, not configured) are left out, so the API
// keeps or chooses them. On update, a cleared optional string is sent as ""
// so the full-document PUT clears it.
func (m *agentModel) request(update bool) *client.AgentRequest {
	boolean := func(v types.Bool) *bool {
		if v.IsNull() || v.IsUnknown() {
			return nil
		}
		return client.Bool(v.ValueBool())
	}
	req := &client.AgentRequest{
		EmailID:            client.String(m.Email.ValueString()),
		FirstName:          client.String(m.FirstName.ValueString()),
		LastName:           client.String(m.LastName.ValueString()),
		RoleID:             client.String(m.RoleID.ValueString()),
		NickName:           textOrClear(m.Nickname, update),
		PhoneNumber:        textOrClear(m.PhoneNumber, update),
		CustomID:           textOrClear(m.CustomID, update),
		CanSupportChat:     boolean(m.CanSupportChat),
		CanSupportVoice:    boolean(m.CanSupportVoice),
		AttachmentsEnabled: boolean(m.AttachmentsEnabled),
		EmojisEnabled:      boolean(m.EmojisEnabled),
	}
	if !m.AgentGroupID.IsNull() && !m.AgentGroupID.IsUnknown() {
		req.AgentGroupID = client.String(m.AgentGroupID.ValueString())
	}
	if !m.MaxChatSupport.IsNull() && !m.MaxChatSupport.IsUnknown() {
		req.MaxChatSupport = client.Int64(m.MaxChatSupport.ValueInt64())
	}
	chat, voice := languagesRequest(m.ChatLanguages), languagesRequest(m.VoiceLanguages)
	req.ChatLanguageSupport, req.VoiceLanguageSupport = &chat, &voice
	queues := make([]client.QueueAssignment, 0, len(m.Queues))
	for _, q := range m.Queues {
		queues = append(queues, client.QueueAssignment{ID: q.ID.ValueString(), IsPreferredAgent: boolOr(q.IsPreferredAgent, defaultPreferredAgent)})
	}
	req.Queues = &queues
	skills := make([]client.SkillAssignment, 0, len(m.Skills))
	for _, s := range m.Skills {
		skills = append(skills, client.SkillAssignment{SkillID: s.ID.ValueString(), ProficiencyLevel: s.ProficiencyLevel.ValueString()})
	}
	req.Skills = &skills
	return req
}

func languagesRequest(in []agentLanguageModel) []client.LanguageSupport {
	out := make([]client.LanguageSupport, 0, len(in))
	for _, l := range in {
		out = append(out, client.LanguageSupport{
			Language:    l.Language.ValueString(),
			Proficiency: l.Proficiency.ValueString(),
			IsActive:    client.Bool(boolOr(l.IsActive, defaultLanguageActive)),
		})
	}
	return out
}

// fillComputed sets every value a plan left unknown from what the API
// returned after a create or an update (or null, when it returned nothing).
// Known planned values stay: they are what was applied.
func (m *agentModel) fillComputed(from agentModel) {
	pickS := func(dst *types.String, src types.String) {
		if dst.IsUnknown() {
			*dst = src
		}
	}
	pickB := func(dst *types.Bool, src types.Bool) {
		if dst.IsUnknown() {
			*dst = src
		}
	}
	pickS(&m.ID, from.ID)
	pickS(&m.AgentGroupID, from.AgentGroupID)
	pickS(&m.UserID, from.UserID)
	pickS(&m.OrgID, from.OrgID)
	pickS(&m.Status, from.Status)
	pickS(&m.CreatedAt, from.CreatedAt)
	pickS(&m.UpdatedAt, from.UpdatedAt)
	pickB(&m.CanSupportChat, from.CanSupportChat)
	pickB(&m.CanSupportVoice, from.CanSupportVoice)
	pickB(&m.AttachmentsEnabled, from.AttachmentsEnabled)
	pickB(&m.EmojisEnabled, from.EmojisEnabled)
	if m.MaxChatSupport.IsUnknown() {
		m.MaxChatSupport = from.MaxChatSupport
	}
	if m.ChatLanguages == nil {
		m.ChatLanguages = []agentLanguageModel{}
	}
	if m.VoiceLanguages == nil {
		m.VoiceLanguages = []agentLanguageModel{}
	}
	if m.Queues == nil {
		m.Queues = []agentQueueModel{}
	}
	if m.Skills == nil {
		m.Skills = []agentSkillModel{}
	}
}
