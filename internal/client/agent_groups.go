package client

import (
	"context"
	"encoding/json"
	"net/http"
)

// AgentGroupsService manages agent groups: create-an-agent-group,
// get-all-agent-groups, get-an-agent-group, update-an-agent-group and
// delete-an-agent-group (each at
// https://docs.kore.ai/ai-for-service/apis/contact-center/<page>).
type AgentGroupsService service

// The access levels a manager of an agent group can have
// (update-an-agent-group: accessLevel ∈ full, view).
const (
	AccessLevelFull = "full"
	AccessLevelView = "view"
)

// AccessLevels are the documented access levels, for validation.
var AccessLevels = []string{AccessLevelFull, AccessLevelView}

// AgentGroup is an agent group as the API returns it, decoded leniently.
// Raw keeps the whole document.
//
// The answers differ: get-all-agent-groups gives every field below;
// get-an-agent-group gives {id, name, description, managers}, whose
// managers carry names, email and accessLevel but no userId; the create and
// update answers echo the body.
type AgentGroup struct {
	ID          FlexString                  `json:"id"`
	Name        FlexString                  `json:"name"`
	Description FlexString                  `json:"description"`
	Status      LooseString                 `json:"status"`
	IsDefault   *FlexBool                   `json:"isDefault"`
	TotalAgents LooseString                 `json:"totalAgents"`
	Managers    FlexList[AgentGroupManager] `json:"managers"`
	CreatedAt   FlexString                  `json:"createdAt"`
	Raw         map[string]json.RawMessage  `json:"-"`
}

// AgentGroupManager is one manager of an agent group.
type AgentGroupManager struct {
	UserID      FlexString `json:"userId"`
	EmailID     FlexString `json:"emailId"`
	FirstName   FlexString `json:"firstName"`
	LastName    FlexString `json:"lastName"`
	AccessLevel FlexString `json:"accessLevel"`
}

// missing names the fields every answer that describes an agent group
// carries, when they are absent.
func (g *AgentGroup) missing() []string {
	return absent("id", string(g.ID), "name", string(g.Name))
}

// UnmarshalJSON decodes the typed fields and keeps the raw document.
func (g *AgentGroup) UnmarshalJSON(b []byte) error {
	type plain AgentGroup
	raw, err := decodeDocument(b, "an agent group", (*plain)(g))
	g.Raw = raw
	return err
}

// AgentGroupRequest is the body of a create: create-an-agent-group takes
// only these two, both required, each at most 50 characters.
type AgentGroupRequest struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

// AgentGroupUpdateRequest is the body of an update. update-an-agent-group
// documents managers as required, so they are always sent: [] when there
// are none.
type AgentGroupUpdateRequest struct {
	Name        string                     `json:"name"`
	Description string                     `json:"description"`
	Managers    []AgentGroupManagerRequest `json:"managers"`
}

// MarshalJSON sends nil managers as [].
func (r AgentGroupUpdateRequest) MarshalJSON() ([]byte, error) {
	type plain AgentGroupUpdateRequest
	if r.Managers == nil {
		r.Managers = []AgentGroupManagerRequest{}
	}
	return json.Marshal(plain(r))
}

// AgentGroupManagerRequest makes a user a manager of the group, with one of
// AccessLevels.
type AgentGroupManagerRequest struct {
	UserID      string `json:"userId"`
	AccessLevel string `json:"accessLevel"`
}

// AgentGroupList is one page of agent groups. Its answer pages by skip
// rather than page.
type AgentGroupList = ListPage[AgentGroup]

func (s *AgentGroupsService) lister() lister[AgentGroup] {
	return lister[AgentGroup]{
		kind: "agent group", path: "/agent-groups", list: s.List, get: s.Get, bySkip: true,
		id:   func(g *AgentGroup) string { return string(g.ID) },
		name: func(g *AgentGroup) string { return string(g.Name) },
	}
}

// Create adds an agent group and returns it with its id.
//
// The create-an-agent-group sample answer echoes {name, description},
// without the id (Create an agent group, https://docs.kore.ai/ai-for-service/apis/contact-center/create-an-agent-group).
// When the answer has an id it is used; otherwise, and when the POST failed
// in a way that may still have created the group (no answer, or a 5xx),
// the groups with the exact name are read from the list and one is taken
// only when it is provably the new one (see DecideCreated): names are not
// unique, and a group of the name made in the UI before the create is never
// taken for it. Otherwise the error is an *UnconfirmedCreateError that
// lists the ids found.
func (s *AgentGroupsService) Create(ctx context.Context, req AgentGroupRequest) (*AgentGroup, error) {
	return create(ctx, s.client, "agent-groups", req, s.lister().creation(req.Name))
}

// Get reads one agent group.
func (s *AgentGroupsService) Get(ctx context.Context, id string) (*AgentGroup, error) {
	seg, err := segment("agent group", id)
	if err != nil {
		return nil, err
	}
	var g AgentGroup
	if err := s.client.do(ctx, http.MethodGet, "agent-groups/"+seg, nil, nil, &g); err != nil {
		return nil, err
	}
	if err := checkComplete(http.MethodGet, "/agent-groups/"+seg, &g); err != nil {
		return nil, err
	}
	return &g, nil
}

// List reads one page of agent groups. get-all-agent-groups documents no
// parameters, and its answer carries skip and limit rather than page, so
// the walk sends skip and limit (and the skip it sends next is where the
// answer says this page ended). A page given by Page alone is sent as such.
func (s *AgentGroupsService) List(ctx context.Context, opts ListOptions) (*AgentGroupList, error) {
	var l AgentGroupList
	if err := s.client.do(ctx, http.MethodGet, "agent-groups", opts.query(), nil, &l); err != nil {
		return nil, err
	}
	return &l, nil
}

// ListAll reads every agent group.
func (s *AgentGroupsService) ListAll(ctx context.Context) ([]AgentGroup, error) {
	return s.lister().all(ctx)
}

// Walk hands visit each agent group, page by page as the list is read, and
// stops reading when visit returns false.
func (s *AgentGroupsService) Walk(ctx context.Context, visit func(*AgentGroup) bool) error {
	return s.lister().walk(ctx, visit)
}

// FindByName reads the list for the one agent group named exactly name
// (case-sensitive). It answers a *NotListedError (IsNotFound) when none is,
// and an *AmbiguousNameError when several are.
func (s *AgentGroupsService) FindByName(ctx context.Context, name string) (*AgentGroup, error) {
	return s.lister().find(ctx, name)
}

// Update changes an agent group's name, description and managers (PUT; the
// page's sample curl says POST). The update-an-agent-group answer only
// echoes the body, so the group returned holds what could be decoded from
// it, with the id filled in from the path: its other fields (totalAgents,
// isDefault, …) are not the group's, and a caller that needs them reads the
// group again.
func (s *AgentGroupsService) Update(ctx context.Context, id string, req AgentGroupUpdateRequest) (*AgentGroup, error) {
	seg, err := segment("agent group", id)
	if err != nil {
		return nil, err
	}
	var g AgentGroup
	if err := s.client.do(ctx, http.MethodPut, "agent-groups/"+seg, nil, req, &g); err != nil {
		return nil, err
	}
	if g.ID == "" {
		g.ID = FlexString(id)
	}
	if err := checkComplete(http.MethodPut, "/agent-groups/"+seg, &g); err != nil {
		return nil, err
	}
	return &g, nil
}

// Gone reports whether err, the failure of a request about the agent group
// id, proves that the group no longer exists (see gone.go). Otherwise it
// answers err, or a *StreamError.
func (s *AgentGroupsService) Gone(ctx context.Context, id string, err error) (bool, error) {
	return s.client.gone(ctx, err, "agent-groups", func(ctx context.Context) (bool, error) { return s.lister().has(ctx, id) })
}

// Delete removes an agent group. The answer (the group) is not used.
func (s *AgentGroupsService) Delete(ctx context.Context, id string) error {
	seg, err := segment("agent group", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, http.MethodDelete, "agent-groups/"+seg, nil, nil, nil)
}
