package client

import (
	"context"
	"encoding/json"
	"net/http"
)

// SkillGroupsService manages skill groups: create-a-skill-group,
// get-all-skill-groups, get-a-skill-group, update-a-skill-group and
// delete-a-skill-group (reference.md §1.3).
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

// UnmarshalJSON decodes the typed fields leniently and keeps the raw
// document. Only a body that is not a JSON object fails.
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
		kind: "skill group", path: "/skill-groups", list: s.List,
		id:   func(g *SkillGroup) string { return string(g.ID) },
		name: func(g *SkillGroup) string { return string(g.Name) },
	}
}

// Create adds a skill group. create-a-skill-group answers {id, name,
// description, color}; an answer without the id is tolerated, and the group
// is then found by name (see createNamed).
func (s *SkillGroupsService) Create(ctx context.Context, req SkillGroupRequest) (*SkillGroup, error) {
	return createNamed(ctx, s.client, "skill-groups", req, s.lister(), req.Name)
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

// FindByName reads the list up to the first skill group named exactly name
// (case-sensitive). It answers an *APIError with status 404 (IsNotFound)
// when none is.
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
	return &g, nil
}

// Delete removes a skill group.
func (s *SkillGroupsService) Delete(ctx context.Context, id string) error {
	seg, err := segment("skill group", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, http.MethodDelete, "skill-groups/"+seg, nil, nil, nil)
}
