package client

import (
	"context"
	"encoding/json"
	"net/http"
)

// AgentsService manages agents through the vendor's pages create-an-agent,
// list-all-agents, get-a-specific-agent, update-a-specific-agent,
// delete-a-specific-agent and get-the-agent-id-using-custom-id, each at
// https://docs.kore.ai/ai-for-service/apis/contact-center/<page>.
type AgentsService service

// Agent is an agent as the API returns it, decoded as flex.go says: the
// documented quirks are read, other shapes are errors. Raw keeps the whole
// document, so an update can send back the fields this type does not model.
type Agent struct {
	ID           FlexString  `json:"id"`
	UserID       FlexString  `json:"userId"`
	OrgID        LooseString `json:"orgId"`
	AccountID    LooseString `json:"accountId"`
	IID          LooseString `json:"iId"`
	EmailID      FlexString  `json:"emailId"`
	FirstName    FlexString  `json:"firstName"`
	LastName     FlexString  `json:"lastName"`
	NickName     FlexString  `json:"nickName"`
	PhoneNumber  FlexString  `json:"phoneNumber"`
	CustomID     FlexString  `json:"customId"`
	RoleID       FlexString  `json:"roleId"`
	AgentGroupID FlexString  `json:"agentGroupId"`
	Status       LooseString `json:"status"`
	CreatedAt    LooseString `json:"createdAt"`
	UpdatedAt    LooseString `json:"updatedAt"`

	AgentGroups FlexList[AgentGroupMembership] `json:"agentGroups"`

	CanSupportChat     *FlexBool `json:"canSupportChat"`
	MaxChatSupport     *FlexInt  `json:"maxChatSupport"`
	CanSupportVoice    *FlexBool `json:"canSupportVoice"`
	AttachmentsEnabled *FlexBool `json:"attachmentsEnabled"`
	EmojisEnabled      *FlexBool `json:"emojisEnabled"`

	ChatLanguageSupport  FlexList[AgentLanguage] `json:"chatLanguageSupport"`
	VoiceLanguageSupport FlexList[AgentLanguage] `json:"voiceLanguageSupport"`
	Queues               FlexList[AgentQueue]    `json:"queues"`
	Skills               FlexList[AgentSkill]    `json:"skills"`

	// Raw is the document as the API sent it.
	Raw map[string]json.RawMessage `json:"-"`
}

// AgentGroupMembership is one entry of an agent's agentGroups.
type AgentGroupMembership struct {
	GroupID FlexString `json:"groupId"`
	Role    FlexString `json:"role"`
}

// AgentLanguage is one chat or voice language of an agent.
type AgentLanguage struct {
	Language    FlexString `json:"language"`
	Proficiency FlexString `json:"proficiency"`
	IsActive    *FlexBool  `json:"isActive"`
}

// AgentQueue is one queue of an agent. The get page gives isPreferredAgent
// on the entry; the list page gives queues as {id, name, description,
// agents[]}, where the agent's own entry in agents carries it.
type AgentQueue struct {
	ID               FlexString                `json:"id"`
	Name             FlexString                `json:"name"`
	IsPreferredAgent *FlexBool                 `json:"isPreferredAgent"`
	Agents           FlexList[QueueAgentEntry] `json:"agents"`
}

// QueueAgentEntry is an agent listed inside a queue.
type QueueAgentEntry struct {
	UserID           FlexString `json:"userId"`
	AID              FlexString `json:"aId"`
	IsPreferredAgent *FlexBool  `json:"isPreferredAgent"`
}

// AgentSkill is one skill of an agent. In every sample skillId is the
// skill's id and id is the id of the agent-skill record; an answer with only
// id is read as the skill's id.
type AgentSkill struct {
	SkillID          FlexString `json:"skillId"`
	ID               FlexString `json:"id"`
	ProficiencyLevel FlexString `json:"proficiencyLevel"`
	Name             FlexString `json:"name"`
}

// Skill is the id of the skill itself.
func (s AgentSkill) Skill() string {
	if s.SkillID != "" {
		return string(s.SkillID)
	}
	return string(s.ID)
}

// PreferredFor says whether the agent (by its user or agent id) is a
// preferred agent of the queue, from whichever place the answer carries it.
func (q AgentQueue) PreferredFor(userID, agentID string) bool {
	if q.IsPreferredAgent != nil {
		return bool(*q.IsPreferredAgent)
	}
	for _, a := range q.Agents {
		if (userID != "" && string(a.UserID) == userID) || (agentID != "" && string(a.AID) == agentID) {
			return a.IsPreferredAgent != nil && bool(*a.IsPreferredAgent)
		}
	}
	return false
}

// PreferenceKnown says whether the entry tells whether the agent is a
// preferred agent of the queue. A get answer always does; a list entry does
// only when its agents[] names the agent (list-all-agents documents the
// entry as {name, description, agents[], id} without saying what agents[]
// holds).
func (q AgentQueue) PreferenceKnown(userID, agentID string) bool {
	if q.IsPreferredAgent != nil {
		return true
	}
	for _, a := range q.Agents {
		if (userID != "" && string(a.UserID) == userID) || (agentID != "" && string(a.AID) == agentID) {
			return true
		}
	}
	return false
}

// GroupID is the agent's agent group: agentGroupId where the answer has it
// (create), else the first of agentGroups (get, list).
func (a *Agent) GroupID() string {
	if a.AgentGroupID != "" {
		return string(a.AgentGroupID)
	}
	for _, g := range a.AgentGroups {
		if g.GroupID != "" {
			return string(g.GroupID)
		}
	}
	return ""
}

// missing names the fields every answer that describes an agent carries,
// when they are absent: its id and its email, which names it.
func (a *Agent) missing() []string {
	return absent("id", string(a.ID), "emailId", string(a.EmailID))
}

// UnmarshalJSON decodes the typed fields and keeps the raw document.
func (a *Agent) UnmarshalJSON(b []byte) error {
	type plain Agent
	raw, err := decodeDocument(b, "an agent", (*plain)(a))
	a.Raw = raw
	return err
}

// AgentRequest is the body of a create, and the part of an update that the
// caller manages. Nil fields are left out (create) or left as they are
// (update); a pointer to an empty slice sends [].
type AgentRequest struct {
	EmailID      *string `json:"emailId,omitempty"`
	FirstName    *string `json:"firstName,omitempty"`
	LastName     *string `json:"lastName,omitempty"`
	RoleID       *string `json:"roleId,omitempty"`
	NickName     *string `json:"nickName,omitempty"`
	PhoneNumber  *string `json:"phoneNumber,omitempty"`
	CustomID     *string `json:"customId,omitempty"`
	AgentGroupID *string `json:"agentGroupId,omitempty"`

	CanSupportChat     *bool  `json:"canSupportChat,omitempty"`
	MaxChatSupport     *int64 `json:"maxChatSupport,omitempty"`
	CanSupportVoice    *bool  `json:"canSupportVoice,omitempty"`
	AttachmentsEnabled *bool  `json:"attachmentsEnabled,omitempty"`
	EmojisEnabled      *bool  `json:"emojisEnabled,omitempty"`

	ChatLanguageSupport  *[]LanguageSupport `json:"chatLanguageSupport,omitempty"`
	VoiceLanguageSupport *[]LanguageSupport `json:"voiceLanguageSupport,omitempty"`
	Queues               *[]QueueAssignment `json:"queues,omitempty"`
	Skills               *[]SkillAssignment `json:"skills,omitempty"`
}

// LanguageSupport is one chat or voice language in a request.
type LanguageSupport struct {
	Language    string `json:"language"`
	Proficiency string `json:"proficiency"`
	IsActive    *bool  `json:"isActive,omitempty"`
}

// QueueAssignment puts the agent in a queue.
type QueueAssignment struct {
	ID               string `json:"id"`
	IsPreferredAgent bool   `json:"isPreferredAgent"`
}

// SkillAssignment gives the agent a skill.
type SkillAssignment struct {
	SkillID          string
	ProficiencyLevel string
}

// MarshalJSON sends the skill's id both as skillId and as id. The
// create-an-agent page shows skills only as "skills": []; its answer, and the
// get page, name the skill skillId. Sending both keeps either reading of
// the undocumented request shape working.
func (s SkillAssignment) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID               string `json:"id"`
		SkillID          string `json:"skillId"`
		ProficiencyLevel string `json:"proficiencyLevel"`
	}{s.SkillID, s.SkillID, s.ProficiencyLevel})
}

// Get reads one agent.
func (s *AgentsService) Get(ctx context.Context, id string) (*Agent, error) {
	seg, err := segment("agent", id)
	if err != nil {
		return nil, err
	}
	var a Agent
	if err := s.client.do(ctx, http.MethodGet, "agents/"+seg, nil, nil, &a); err != nil {
		return nil, err
	}
	if err := checkComplete(http.MethodGet, "/agents/"+seg, &a); err != nil {
		return nil, err
	}
	return &a, nil
}

// Delete removes an agent.
func (s *AgentsService) Delete(ctx context.Context, id string) error {
	seg, err := segment("agent", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, http.MethodDelete, "agents/"+seg, nil, nil, nil)
}
