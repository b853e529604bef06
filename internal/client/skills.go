package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// SkillsService manages the skills of a skill group: create-a-skill,
// get-all-skills-from-a-skill-group, get-a-particular-skill,
// update-a-particular-skill and delete-a-skill-from-a-particular-skill-group
// (each at https://docs.kore.ai/ai-for-service/apis/contact-center/<page>). Every path is
// below skill-groups/{skillGroupId}.
type SkillsService service

// Skill is a skill as the API returns it, decoded leniently. Raw keeps the
// whole document, which Update sends back.
//
// Agents are the agents that have the skill. get-a-particular-skill lists
// them as entries; the create-a-skill sample gives a number there
// ("agents": 15), which decodes as no entries (and Update then reads the
// skill again before it sends its agents back).
type Skill struct {
	ID           FlexString  `json:"id"`
	Name         FlexString  `json:"name"`
	Description  FlexString  `json:"description"`
	SkillGroupID FlexString  `json:"skillGroupId"`
	Status       LooseString `json:"status"`
	Agents       SkillAgents `json:"agents"`

	// Raw is the document as the API sent it.
	Raw map[string]json.RawMessage `json:"-"`
}

// SkillAgent is one agent of a skill. The get page also gives the agent's
// names; they are in Raw.
type SkillAgent struct {
	UserID           FlexString `json:"userId"`
	AID              FlexString `json:"aId"`
	SkillID          FlexString `json:"skillId"`
	ProficiencyLevel FlexString `json:"proficiencyLevel"`
	EmailID          FlexString `json:"emailId"`
}

// SkillAgents are the agents of a skill: a list of entries or, as in the
// create-a-skill sample (Create a skill,
// https://docs.kore.ai/ai-for-service/apis/contact-center/create-a-skill), a
// count, which is read as no entries (Raw tells the two apart).
type SkillAgents []SkillAgent

func (l *SkillAgents) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && (b[0] == '-' || (b[0] >= '0' && b[0] <= '9')) {
		*l = nil
		return nil
	}
	var list FlexList[SkillAgent]
	if err := list.UnmarshalJSON(b); err != nil {
		return err
	}
	*l = SkillAgents(list)
	return nil
}

// missing names the fields every answer that describes a skill carries,
// when they are absent.
func (sk *Skill) missing() []string {
	return absent("id", string(sk.ID), "name", string(sk.Name))
}

// UnmarshalJSON decodes the typed fields and keeps the raw document.
func (sk *Skill) UnmarshalJSON(b []byte) error {
	type plain Skill
	raw, err := decodeDocument(b, "a skill", (*plain)(sk))
	sk.Raw = raw
	return err
}

// SkillRequest is the body of a create, and the part of an update the
// caller manages. description is at most 200 characters. The agents that
// have the skill are not part of it: they are managed through the agents.
type SkillRequest struct {
	Name         string  `json:"name"`
	Description  *string `json:"description,omitempty"`
	SkillGroupID string  `json:"skillGroupId"`
}

// SkillList is one page of skills.
type SkillList = ListPage[Skill]

func (s *SkillsService) lister(skillGroupID string) lister[Skill] {
	return lister[Skill]{
		kind: "skill", path: "/skill-groups/" + skillGroupID + "/skills", where: " in the skill group " + skillGroupID,
		list: func(ctx context.Context, opts ListOptions) (*SkillList, error) {
			return s.List(ctx, skillGroupID, opts)
		},
		get:  func(ctx context.Context, id string) (*Skill, error) { return s.Get(ctx, skillGroupID, id) },
		id:   func(sk *Skill) string { return string(sk.ID) },
		name: func(sk *Skill) string { return string(sk.Name) },
	}
}

func skillsPath(skillGroupID string) (string, error) {
	seg, err := segment("skill group", skillGroupID)
	if err != nil {
		return "", err
	}
	return "skill-groups/" + seg + "/skills", nil
}

func skillPath(skillGroupID, id string) (string, error) {
	base, err := skillsPath(skillGroupID)
	if err != nil {
		return "", err
	}
	seg, err := segment("skill", id)
	if err != nil {
		return "", err
	}
	return base + "/" + seg, nil
}

// inGroup fills the skill group from the path when the answer leaves it
// out.
func (sk *Skill) inGroup(skillGroupID string) *Skill {
	if sk.SkillGroupID == "" {
		sk.SkillGroupID = FlexString(skillGroupID)
	}
	return sk
}

// Create adds a skill to a skill group. The body's skillGroupId (listed as
// required) is the path's group when req leaves it empty. create-a-skill
// answers {id, name, description, agents, skillGroupId}; an answer without
// the id is tolerated, and the skill is then found by name (see
// create.go).
func (s *SkillsService) Create(ctx context.Context, skillGroupID string, req SkillRequest) (*Skill, error) {
	path, err := skillsPath(skillGroupID)
	if err != nil {
		return nil, err
	}
	if req.SkillGroupID == "" {
		req.SkillGroupID = skillGroupID
	}
	sk, err := create(ctx, s.client, path, req, s.lister(skillGroupID).creation(req.Name))
	if err != nil {
		return nil, err
	}
	return sk.inGroup(skillGroupID), nil
}

// Get reads one skill.
func (s *SkillsService) Get(ctx context.Context, skillGroupID, id string) (*Skill, error) {
	path, err := skillPath(skillGroupID, id)
	if err != nil {
		return nil, err
	}
	var sk Skill
	if err := s.client.do(ctx, http.MethodGet, path, nil, nil, &sk); err != nil {
		return nil, err
	}
	if err := checkComplete(http.MethodGet, "/"+path, &sk); err != nil {
		return nil, err
	}
	return sk.inGroup(skillGroupID), nil
}

// List reads one page of a skill group's skills. page and limit are
// documented for this list (page 1-based, default 1; limit default 10).
func (s *SkillsService) List(ctx context.Context, skillGroupID string, opts ListOptions) (*SkillList, error) {
	path, err := skillsPath(skillGroupID)
	if err != nil {
		return nil, err
	}
	var l SkillList
	if err := s.client.do(ctx, http.MethodGet, path, opts.query(), nil, &l); err != nil {
		return nil, err
	}
	for i := range l.Results {
		l.Results[i].inGroup(skillGroupID)
	}
	return &l, nil
}

// ListAll reads every skill of a skill group.
func (s *SkillsService) ListAll(ctx context.Context, skillGroupID string) ([]Skill, error) {
	if _, err := skillsPath(skillGroupID); err != nil {
		return nil, err
	}
	return s.lister(skillGroupID).all(ctx)
}

// Walk hands visit each skill of a skill group, page by page as the list is
// read, and stops reading when visit returns false.
func (s *SkillsService) Walk(ctx context.Context, skillGroupID string, visit func(*Skill) bool) error {
	if _, err := skillsPath(skillGroupID); err != nil {
		return err
	}
	return s.lister(skillGroupID).walk(ctx, visit)
}

// FindByName reads the list for the one skill of the group named exactly
// name (case-sensitive). It answers a *NotListedError (IsNotFound) when
// none is, and an *AmbiguousNameError when several are.
func (s *SkillsService) FindByName(ctx context.Context, skillGroupID, name string) (*Skill, error) {
	if _, err := skillsPath(skillGroupID); err != nil {
		return nil, err
	}
	return s.lister(skillGroupID).find(ctx, name)
}

// skillMember is an agent of a skill in the shape update-a-particular-skill
// documents: agents[{userId, proficiencyLevel}], with aId (which create
// takes) when it is known.
type skillMember struct {
	UserID           string `json:"userId,omitempty"`
	AID              string `json:"aId,omitempty"`
	ProficiencyLevel string `json:"proficiencyLevel"`
}

// Update PUTs the full document: current.Raw (the skill as last read) with
// name, description and skillGroupId from req laid over it. A nil
// description keeps the current one.
//
// The skill's agents (its members, managed through the agents) are sent
// back unchanged, rebuilt in the documented update shape from the entries
// read (the get page's entries also carry names and emails). Update never
// sends a body that would drop them: when current does not list them (the
// create answer gives a count), the skill is read again first, and if that
// does not list them either, nothing is sent and an error says why. When no
// agents were read at all (the key is absent or null) the key is left out.
//
// The path names current's skill group (req's when current has none): the
// skill lives there until the update moves it.
func (s *SkillsService) Update(ctx context.Context, current *Skill, req SkillRequest) (*Skill, error) {
	group := string(current.SkillGroupID)
	if group == "" {
		group = req.SkillGroupID
	}
	id := string(current.ID)
	path, err := skillPath(group, id)
	if err != nil {
		return nil, err
	}
	if req.SkillGroupID == "" {
		req.SkillGroupID = group
	}

	agents, state, err := membersToSend("skill", id, current.Agents, current.Raw["agents"], func() ([]SkillAgent, json.RawMessage, error) {
		fresh, err := s.Get(ctx, group, id)
		if err != nil {
			return nil, nil, err
		}
		return fresh.Agents, fresh.Raw["agents"], nil
	})
	if err != nil {
		return nil, err
	}

	doc, err := overlay(current.Raw, req)
	if err != nil {
		return nil, fmt.Errorf("encoding the skill update: %w", err)
	}
	if state == membersListed {
		list := make([]skillMember, 0, len(agents))
		for _, a := range agents {
			if a.UserID == "" && a.AID == "" {
				continue // names no agent
			}
			list = append(list, skillMember{UserID: string(a.UserID), AID: string(a.AID), ProficiencyLevel: string(a.ProficiencyLevel)})
		}
		doc["agents"] = mustJSON(list)
	} else {
		delete(doc, "agents")
	}

	var sk Skill
	if err := s.client.do(ctx, http.MethodPut, path, nil, doc, &sk); err != nil {
		return nil, err
	}
	if sk.ID == "" {
		sk.ID = FlexString(id)
	}
	if err := checkComplete(http.MethodPut, "/"+path, &sk); err != nil {
		return nil, err
	}
	return sk.inGroup(req.SkillGroupID), nil
}

// Gone reports whether err, the failure of a request about the skill id of
// a skill group, proves that the skill no longer exists (see gone.go): it
// is not in its group's list, or its group is not in the list of groups.
// Otherwise it answers err, or a *StreamError.
func (s *SkillsService) Gone(ctx context.Context, skillGroupID, id string, err error) (bool, error) {
	return s.client.gone(ctx, err, "skill-groups", func(ctx context.Context) (bool, error) {
		found, listErr := s.lister(skillGroupID).has(ctx, id)
		if listErr == nil || !IsClientError(listErr) {
			return found, listErr
		}
		// The group's skills cannot be listed: the group may be gone.
		groups := s.client.SkillGroups
		groupFound, groupsErr := groups.lister().has(ctx, skillGroupID)
		if groupsErr != nil || groupFound {
			return false, listErr
		}
		return false, nil
	})
}

// Delete removes a skill from its skill group.
func (s *SkillsService) Delete(ctx context.Context, skillGroupID, id string) error {
	path, err := skillPath(skillGroupID, id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, http.MethodDelete, path, nil, nil, nil)
}
