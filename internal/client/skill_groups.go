package client

import (
	"context"
	"encoding/json"
	"net/http"
)

// SkillGroupsService manages skill groups: create-a-skill-group,
// get-all-skill-groups, get-a-skill-group, update-a-skill-group and
// delete-a-skill-group (each at https://docs.kore.ai/ai-for-service/apis/contact-center/<page>).
type SkillGroupsService service

// SkillGroup is a skill group as the API returns it, decoded leniently.
// Raw keeps the whole document.
type SkillGroup struct {
	ID          FlexString `json:"id"`
	Name        FlexString `json:"name"`
	Description FlexString `json:"description"`
	Color       FlexString `json:"color"`

	// Raw is the document as the API sent it.
	Raw map[string]json.RawMessage `json:"-"`
}

// missing names the fields every answer that describes a skill group
// carries, when they are absent.
func (g *SkillGroup) missing() []string {
	return absent("id", string(g.ID), "name", string(g.Name))
}

// UnmarshalJSON decodes the typed fields and keeps the raw document.
func (g *SkillGroup) UnmarshalJSON(b []byte) error {
	type plain SkillGroup
	raw, err := decodeDocument(b, "a skill group", (*plain)(g))
	g.Raw = raw
	return err
}

// SkillGroupRequest is the body of a create or an update. description is
// at most 200 characters; color is a CSS colour such as "#0f0f0f".
type SkillGroupRequest struct {
	Name        string  `json:"name"`
	Description *string `json:"description,omitempty"`
	Color       *string `json:"color,omitempty"`
}

// SkillGroupList is one page of skill groups.
type SkillGroupList = ListPage[SkillGroup]

func (s *SkillGroupsService) lister() lister[SkillGroup] {
	return lister[SkillGroup]{
		kind: "skill group", path: "/skill-groups", list: s.List, get: s.Get,
		id:   func(g *SkillGroup) string { return string(g.ID) },
		name: func(g *SkillGroup) string { return string(g.Name) },
	}
}

// Create adds a skill group. create-a-skill-group answers {id, name,
// description, color}; an answer without the id is tolerated, and the group
// is then found by name (see create.go).
func (s *SkillGroupsService) Create(ctx context.Context, req SkillGroupRequest) (*SkillGroup, error) {
	return create(ctx, s.client, "skill-groups", req, s.lister().creation(req.Name))
}

// Get reads one skill group.
func (s *SkillGroupsService) Get(ctx context.Context, id string) (*SkillGroup, error) {
	seg, err := segment("skill group", id)
	if err != nil {
		return nil, err
	}
	var g SkillGroup
	if err := s.client.do(ctx, http.MethodGet, "skill-groups/"+seg, nil, nil, &g); err != nil {
		return nil, err
	}
	if err := checkComplete(http.MethodGet, "/skill-groups/"+seg, &g); err != nil {
		return nil, err
	}
	return &g, nil
}

// List reads one page of skill groups.
func (s *SkillGroupsService) List(ctx context.Context, opts ListOptions) (*SkillGroupList, error) {
	var l SkillGroupList
	if err := s.client.do(ctx, http.MethodGet, "skill-groups", opts.query(), nil, &l); err != nil {
		return nil, err
	}
	return &l, nil
}

// ListAll reads every skill group (see ListOptions and lister.walk for how
// the pages are followed).
func (s *SkillGroupsService) ListAll(ctx context.Context) ([]SkillGroup, error) {
	return s.lister().all(ctx)
}

// Walk hands visit each skill group, page by page as the list is read, and
// stops reading when visit returns false.
func (s *SkillGroupsService) Walk(ctx context.Context, visit func(*SkillGroup) bool) error {
	return s.lister().walk(ctx, visit)
}

// FindByName reads the list for the one skill group named exactly name
// (case-sensitive). It answers a *NotListedError (IsNotFound) when none is,
// and an *AmbiguousNameError when several are.
func (s *SkillGroupsService) FindByName(ctx context.Context, name string) (*SkillGroup, error) {
	return s.lister().find(ctx, name)
}

// Update changes a skill group. update-a-skill-group documents the body as
// {id (required), name (required), description, color}, and the method as
// PUT (its sample curl says POST). A nil description or color is left out.
func (s *SkillGroupsService) Update(ctx context.Context, id string, req SkillGroupRequest) (*SkillGroup, error) {
	seg, err := segment("skill group", id)
	if err != nil {
		return nil, err
	}
	body := struct {
		ID string `json:"id"`
		SkillGroupRequest
	}{id, req}
	var g SkillGroup
	if err := s.client.do(ctx, http.MethodPut, "skill-groups/"+seg, nil, body, &g); err != nil {
		return nil, err
	}
	if g.ID == "" {
		g.ID = FlexString(id)
	}
	if err := checkComplete(http.MethodPut, "/skill-groups/"+seg, &g); err != nil {
		return nil, err
	}
	return &g, nil
}

// Gone reports whether err, the failure of a request about the skill group
// id, proves that the group no longer exists (see gone.go). Otherwise it
// answers err, or a *StreamError.
func (s *SkillGroupsService) Gone(ctx context.Context, id string, err error) (bool, error) {
	return s.client.gone(ctx, err, "skill-groups", func(ctx context.Context) (bool, error) { return s.lister().has(ctx, id) })
}

// Delete removes a skill group.
func (s *SkillGroupsService) Delete(ctx context.Context, id string) error {
	seg, err := segment("skill group", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, http.MethodDelete, "skill-groups/"+seg, nil, nil, nil)
}
