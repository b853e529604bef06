package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// AgentsService manages agents: create-an-agent, list-all-agents,
// get-a-specific-agent, update-a-specific-agent, delete-a-specific-agent and
// get-the-agent-id-using-custom-id (reference.md §1.1).
type AgentsService service

// Agent is an agent as the API returns it, decoded as flex.go says: the
// documented quirks are read, other shapes are errors. Raw keeps the whole document, so an update can send back the
// fields this type does not model.
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

// AgentListOptions are the query parameters of list-all-agents.
type AgentListOptions struct {
	// Page is 1-based.
	Page          int
	IncludeQueues bool
}

// AgentList is one page of agents.
type AgentList = ListPage[Agent]

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

// List reads one page of agents through the legacy list path
// (…/agents?page=&includeQueues=), which needs no org id. list-all-agents
// documents page and includeQueues only; limit=ListPageSize is sent too, so
// a server that honours it answers in fewer pages, and the walks below go
// by what each answer says, so one that ignores it is walked as well.
func (s *AgentsService) List(ctx context.Context, opts AgentListOptions) (*AgentList, error) {
	q := url.Values{}
	page := opts.Page
	if page < 1 {
		page = 1
	}
	q.Set("page", strconv.Itoa(page))
	q.Set("limit", strconv.Itoa(ListPageSize))
	if opts.IncludeQueues {
		q.Set("includeQueues", "true")
	}
	var l AgentList
	if err := s.client.do(ctx, http.MethodGet, "agents", q, nil, &l); err != nil {
		return nil, err
	}
	for i := range l.Results {
		if err := checkComplete(http.MethodGet, "/agents?page="+strconv.Itoa(page), &l.Results[i]); err != nil {
			return nil, err
		}
	}
	return &l, nil
}

// ListAll reads every page. visit is called for each page as it arrives and
// may stop the walk by returning false.
func (s *AgentsService) ListAll(ctx context.Context, includeQueues bool, visit func(page int, l *AgentList) bool) error {
	return s.ListPages(ctx, AgentListOptions{Page: 1, IncludeQueues: includeQueues}, visit)
}

// ListPages reads the pages from opts.Page on, like ListAll. The pages
// before opts.Page are taken to have been full pages of the size the first
// answer states.
func (s *AgentsService) ListPages(ctx context.Context, opts AgentListOptions, visit func(page int, l *AgentList) bool) error {
	cur := pageCursor{opts: ListOptions{Page: max(opts.Page, 1), Limit: ListPageSize}}
	seen := map[string]bool{}
	for n := 0; n < maxPages; n++ {
		page := cur.opts.Page
		l, err := s.List(ctx, AgentListOptions{Page: page, IncludeQueues: opts.IncludeQueues})
		if err != nil {
			return err
		}
		if n == 0 && page > 1 {
			cur.read = (page - 1) * max(l.pageSize(), len(l.Results))
		}
		fresh := 0
		for i := range l.Results {
			if id := string(l.Results[i].ID); !seen[id] {
				seen[id] = true
				fresh++
			}
		}
		if !visit(page, l) || !cur.advance(l.PageMeta, len(l.Results), fresh) {
			return nil
		}
	}
	return nil
}

// FindByEmail finds an agent by email, case-insensitively, through the list.
// It answers a *NotListedError when no agent has that email.
func (s *AgentsService) FindByEmail(ctx context.Context, email string) (*Agent, error) {
	found, _, err := s.FindByEmails(ctx, []string{email}, 0)
	if err != nil {
		return nil, err
	}
	if a := found[strings.ToLower(email)]; a != nil {
		return a, nil
	}
	return nil, &NotListedError{Kind: "agent", Path: "/agents", By: "email", Value: email}
}

// FindByEmails finds several agents by email, case-insensitively, in one
// walk through the list, and stops as soon as all are found. The answer maps
// each lower-cased email found to its agent, and says what the walk learnt
// of the list's size, so that the next walk can start where the agents it
// looks for are likely to be.
//
// The walk starts at startPage and goes forward while the answers say more
// follow, then backwards from startPage. With no startPage it reads the
// first page, then the last, then the rest from the end: a new agent is on
// the first page of a small account and, when the list is in creation
// order, on the last page of a large one, so a walk for agents just created
// usually reads one or two pages. Page numbers are the server's own: the
// page size is whatever its answers say, the same for every page.
func (s *AgentsService) FindByEmails(ctx context.Context, emails []string, startPage int) (map[string]*Agent, ListSize, error) {
	want := make(map[string]bool, len(emails))
	for _, e := range emails {
		want[strings.ToLower(e)] = true
	}
	found := make(map[string]*Agent, len(emails))
	read := map[int]bool{}
	seen := map[string]bool{}
	var size ListSize
	visit := func(page int) (more bool, err error) {
		l, err := s.List(ctx, AgentListOptions{Page: page, IncludeQueues: true})
		if err != nil {
			return false, err
		}
		read[page] = true
		size.observe(l)
		fresh := 0
		for i := range l.Results {
			if id := string(l.Results[i].ID); !seen[id] {
				seen[id] = true
				fresh++
			}
			key := strings.ToLower(string(l.Results[i].EmailID))
			if want[key] && found[key] == nil {
				found[key] = &l.Results[i]
			}
		}
		// Whether a page follows this one, judged as a walk from the first
		// page would judge it: the pages before it were full.
		cur := pageCursor{opts: ListOptions{Page: page, Limit: ListPageSize}, read: (page - 1) * size.PageSize}
		return cur.advance(l.PageMeta, len(l.Results), fresh), nil
	}
	done := func() bool { return len(found) == len(want) }

	if startPage < 1 {
		more, err := visit(1)
		if err != nil || done() || !more {
			return found, size, err
		}
		startPage = max(size.Pages, 2)
	}
	page := startPage
	for ; page <= maxPages && !done(); page++ {
		more, err := visit(page)
		if err != nil {
			return found, size, err
		}
		if !more {
			break
		}
	}
	for page = startPage - 1; page >= 1 && !done(); page-- {
		if read[page] {
			continue
		}
		if _, err := visit(page); err != nil {
			return found, size, err
		}
	}
	return found, size, nil
}

// ListSize is what a walk through the agents list learnt of its size. Zero
// fields are unknown.
type ListSize struct {
	Pages, Results, PageSize int
}

func (z *ListSize) observe(l *AgentList) {
	if l.TotalPages != nil && *l.TotalPages > 0 {
		z.Pages = int(*l.TotalPages)
	}
	if t := l.Total(); t > 0 {
		z.Results = t
	}
	if ps := l.pageSize(); ps > 0 {
		z.PageSize = ps
	} else if z.PageSize == 0 && l.PageCount() > 1 {
		z.PageSize = len(l.Results) // a page followed by others is a full one
	}
	if z.Pages == 0 && z.Results > 0 && z.PageSize > 0 {
		z.Pages = (z.Results + z.PageSize - 1) / z.PageSize
	}
}

// PageOf is the page that holds the n-th agent (1-based), or 0 when the
// page size is unknown.
func (z ListSize) PageOf(n int) int {
	if z.PageSize <= 0 || n <= 0 {
		return 0
	}
	return (n + z.PageSize - 1) / z.PageSize
}

// GetByCustomID reads the agents with a custom id. The page
// (get-the-agent-id-using-custom-id) says it answers "one agent id when the
// mapping is one-to-one, and an array when several agents share the custom
// id", and its sample is an array of agents. Every one of those shapes is
// read: an array of agents or of ids, one agent, or one id. An entry that is
// only an id has an empty EmailID. An empty answer or a 404 means none.
func (s *AgentsService) GetByCustomID(ctx context.Context, customID string) ([]Agent, error) {
	seg, err := segment("custom", customID)
	if err != nil {
		return nil, err
	}
	var raw json.RawMessage
	if err := s.client.do(ctx, http.MethodGet, "agents/customId/"+seg, nil, nil, &raw); err != nil {
		return nil, err
	}
	return decodeAgentRefs(raw), nil
}

func decodeAgentRefs(raw json.RawMessage) []Agent {
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		items = []json.RawMessage{raw}
	}
	var out []Agent
	for _, item := range items {
		var a Agent
		if json.Unmarshal(item, &a) == nil {
			if a.ID == "" {
				// {"agentId": …} or {"aId": …} in place of an agent.
				var ref struct {
					AgentID FlexString `json:"agentId"`
					AID     FlexString `json:"aId"`
				}
				_ = json.Unmarshal(item, &ref)
				a.ID = ref.AgentID
				if a.ID == "" {
					a.ID = ref.AID
				}
			}
			if a.ID != "" {
				out = append(out, a)
			}
			continue
		}
		var id FlexString
		if json.Unmarshal(item, &id) == nil && id != "" {
			out = append(out, Agent{ID: id})
		}
	}
	return out
}

// Create adds an agent and returns it with its id.
//
// The create-an-agent page's sample answer has no id (reference.md §7). When
// the answer has one it is used; otherwise the agent is found by custom id,
// or by email through the list. When the POST failed in a way that may still
// have created the agent (no answer, or a 5xx), the agent is looked for by
// email before the error is returned, so a create never leaves an agent the
// caller does not know of. If the agent may exist but cannot be found, the
// error is an *UnconfirmedCreateError.
func (s *AgentsService) Create(ctx context.Context, req *AgentRequest) (*Agent, error) {
	return s.CreateWith(ctx, req, nil)
}

// AgentFinder finds an agent by email; it answers a not-found *APIError
// when none has it.
type AgentFinder func(ctx context.Context, email string) (*Agent, error)

// CreateWith is Create with the caller's way of finding the new agent when
// the answer does not name it, or may have been lost. A caller that creates
// many agents at once can coalesce those lookups into one walk through the
// list (see FindByEmails). A nil find is Create's own: by custom id, else by
// email. find is called on a context that outlives the caller's.
func (s *AgentsService) CreateWith(ctx context.Context, req *AgentRequest, find AgentFinder) (*Agent, error) {
	email := ""
	if req.EmailID != nil {
		email = *req.EmailID
	}
	var created Agent
	postErr := s.client.do(ctx, http.MethodPost, "agents", nil, req, &created)
	if postErr == nil && created.ID != "" {
		if created.missing() == nil {
			return &created, nil
		}
		// The agent exists, with this id, but the answer does not describe
		// it: read it.
		return s.Get(ctx, string(created.ID))
	}
	if postErr != nil && !mayHaveCreated(postErr) {
		return nil, postErr
	}

	// The agent exists, or may: find it.
	lookupCtx, cancel := lookupContext(ctx)
	defer cancel()
	var found *Agent
	var err error
	if postErr == nil {
		if find != nil {
			found, err = find(lookupCtx, email)
		} else {
			found, err = s.find(lookupCtx, req)
		}
	} else {
		if find == nil {
			find = s.FindByEmail
		}
		found, err = find(lookupCtx, email)
	}
	return reconciled(found, err, postErr, UnconfirmedCreateError{Kind: "agent", By: "email", Value: email, importArg: email})
}

// find looks a just-created agent up: by custom id when there is one (one
// call, the full document), else by email.
func (s *AgentsService) find(ctx context.Context, req *AgentRequest) (*Agent, error) {
	email := ""
	if req.EmailID != nil {
		email = *req.EmailID
	}
	if req.CustomID != nil && *req.CustomID != "" {
		agents, err := s.GetByCustomID(ctx, *req.CustomID)
		if err == nil {
			for i := range agents {
				if strings.EqualFold(string(agents[i].EmailID), email) {
					return &agents[i], nil
				}
			}
			if len(agents) == 1 && agents[0].EmailID == "" {
				// An id alone: the custom id was just given to this agent.
				return &agents[0], nil
			}
		} else if ctx.Err() != nil {
			return nil, err
		}
		// get-the-agent-id-using-custom-id needs the Configuration scope,
		// which an app may lack: fall back to the list.
	}
	return s.FindByEmail(ctx, email)
}

// Update sends the full agent document: current, as read, with the fields
// req sets replaced. update-a-specific-agent documents the body as the whole
// agent, with userId, accountId, orgId, iId, id and agentGroupId required;
// whether it merges is not documented, so nothing is ever left out. The
// legacy page requires ?groupId=, the current one drops it; it is sent
// whenever the group is known (reference.md §7).
func (s *AgentsService) Update(ctx context.Context, current *Agent, req *AgentRequest) (*Agent, error) {
	doc, err := overlay(current.Raw, req)
	if err != nil {
		return nil, fmt.Errorf("encoding the agent update: %w", err)
	}

	id := string(current.ID)
	seg, err := segment("agent", id)
	if err != nil {
		return nil, err
	}
	oldGroup := current.GroupID()
	group := oldGroup
	if req.AgentGroupID != nil && *req.AgentGroupID != "" {
		group = *req.AgentGroupID
	}
	setIfMissing(doc, "id", id)
	setIfMissing(doc, "userId", string(current.UserID))
	setIfMissing(doc, "orgId", string(current.OrgID))
	setIfMissing(doc, "accountId", s.client.accountID)
	setIfMissing(doc, "iId", s.client.streamID())
	if group != "" {
		doc["agentGroupId"] = mustJSON(group)
	}
	if group != oldGroup && len(current.AgentGroups) > 0 {
		// Move the membership that named the old group, keeping its role.
		groups := make([]map[string]string, 0, len(current.AgentGroups))
		for _, g := range current.AgentGroups {
			gid := string(g.GroupID)
			if gid == oldGroup {
				gid = group
			}
			role := string(g.Role)
			if role == "" {
				role = "agent"
			}
			groups = append(groups, map[string]string{"groupId": gid, "role": role})
		}
		doc["agentGroups"] = mustJSON(groups)
	}

	var q url.Values
	if group != "" {
		q = url.Values{"groupId": {group}}
	}
	var updated Agent
	if err := s.client.do(ctx, http.MethodPut, "agents/"+seg, q, doc, &updated); err != nil {
		return nil, err
	}
	if updated.ID == "" {
		updated.ID = FlexString(id)
	}
	if err := checkComplete(http.MethodPut, "/agents/"+seg, &updated); err != nil {
		return nil, err
	}
	return &updated, nil
}

// Gone reports whether err, the failure of a request about the agent id,
// proves that the agent no longer exists (see gone.go). Otherwise it
// answers err, or a *StreamError.
func (s *AgentsService) Gone(ctx context.Context, id string, err error) (bool, error) {
	return s.client.gone(ctx, err, "agents", func(ctx context.Context) (bool, error) {
		found := false
		listErr := s.ListAll(ctx, false, func(_ int, l *AgentList) bool {
			for i := range l.Results {
				found = found || string(l.Results[i].ID) == id
			}
			return !found
		})
		return found, listErr
	})
}

// Delete removes an agent.
func (s *AgentsService) Delete(ctx context.Context, id string) error {
	seg, err := segment("agent", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, http.MethodDelete, "agents/"+seg, nil, nil, nil)
}
