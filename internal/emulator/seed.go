package emulator

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

//go:embed seed/default.json
var defaultSeedJSON []byte

// Seed is the emulator's initial data. Every object is a JSON document as the
// API would return it.
type Seed struct {
	OrgID string `json:"orgId"`

	// Roles and hours of operation are fixed reference data: {id, name}.
	// An hours of operation may carry the other fields the read of a
	// queue's hours documents (standardDays, specialDays, status, isDefault,
	// timezone, …); hoursView fills in those it leaves out.
	Roles            []map[string]any `json:"roles"`
	HoursOfOperation []map[string]any `json:"hoursOfOperation"`

	// The routing objects are stored records that the API then changes.
	// Only id (and a skill's skillGroupId) is required; what a record
	// leaves out is filled in as a create would (timestamps are the load
	// time). Memberships live on the agents: an agent's queues and skills
	// entries, and its agentGroups entries.
	//
	//	agentGroups: {id "ag-…", name, description, isDefault, managers:[{userId, accessLevel}], …}
	//	queues:      {id "qu-…", name, description, isDefault, isActive, isAdvancedRoutingEnabled,
	//	              hoursOfOperation:{id}, skills:[{id, isExpireEnabled, expireTime}],
	//	              agentGroups:[{id}], advancedSettings, …}
	//	skillGroups: {id, name, description, color}
	//	skills:      {id, name, description, skillGroupId, …}
	AgentGroups []map[string]any `json:"agentGroups"`
	Queues      []map[string]any `json:"queues"`
	SkillGroups []map[string]any `json:"skillGroups"`
	Skills      []map[string]any `json:"skills"`

	// Agents are full stored records. Their accountId and iId are set to the
	// server's account and stream when it loads them.
	Agents []map[string]any `json:"agents"`

	// Conversations are served as they are; the id is "_id".
	Conversations []map[string]any `json:"conversations"`

	// Contacts are full stored records, INACTIVE ones included, with the
	// id as "id" and cellPhone.phoneNumber holding the country code. Their
	// accountId and instanceBotId are set to the server's account and stream
	// when it loads them. A seed without contacts is fine.
	Contacts []map[string]any `json:"contacts"`

	// ContactLists and Campaigns are the Campaign Management objects
	// (campaign_seed.go): stored records with the id as "id", filled in as
	// a create would. A contact list may carry phoneNumbers, the numbers
	// on it.
	ContactLists []map[string]any `json:"contactLists"`
	Campaigns    []map[string]any `json:"campaigns"`
}

// DefaultSeed returns a fresh copy of the embedded default seed.
func DefaultSeed() *Seed {
	seed, err := parseSeed(defaultSeedJSON)
	if err != nil {
		panic("emulator: embedded seed: " + err.Error())
	}
	return seed
}

// LoadSeed reads and checks a seed from a JSON file shaped like
// seed/default.json.
func LoadSeed(path string) (*Seed, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading seed: %w", err)
	}
	seed, err := parseSeed(data)
	if err != nil {
		return nil, fmt.Errorf("seed %s: %w", path, err)
	}
	return seed, nil
}

func parseSeed(data []byte) (*Seed, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var seed Seed
	if err := dec.Decode(&seed); err != nil {
		return nil, fmt.Errorf("decoding: %w", err)
	}
	if err := seed.validate(); err != nil {
		return nil, err
	}
	return &seed, nil
}

// validate checks that every object has a unique id, that skills point at
// skill groups, that queues point at seeded objects, that agents have
// unique emails and that no two ACTIVE contacts share a phone number.
func (seed *Seed) validate() error {
	if strings.TrimSpace(seed.OrgID) == "" {
		return fmt.Errorf("orgId is required")
	}
	for _, list := range []struct {
		name string
		docs []map[string]any
		key  string
	}{
		{"roles", seed.Roles, "id"},
		{"agentGroups", seed.AgentGroups, "id"},
		{"queues", seed.Queues, "id"},
		{"skillGroups", seed.SkillGroups, "id"},
		{"skills", seed.Skills, "id"},
		{"hoursOfOperation", seed.HoursOfOperation, "id"},
		{"agents", seed.Agents, "id"},
		{"conversations", seed.Conversations, "_id"},
		{"contacts", seed.Contacts, "id"},
		{"contactLists", seed.ContactLists, "id"},
		{"campaigns", seed.Campaigns, "id"},
	} {
		seen := map[string]bool{}
		for i, d := range list.docs {
			id, _ := d[list.key].(string)
			if strings.TrimSpace(id) == "" {
				return fmt.Errorf("%s[%d]: %s must be a non-empty string", list.name, i, list.key)
			}
			if seen[id] {
				return fmt.Errorf("%s[%d]: duplicate %s %s", list.name, i, list.key, id)
			}
			seen[id] = true
		}
	}
	groups := map[string]bool{}
	for _, g := range seed.SkillGroups {
		groups[str(g, "id")] = true
	}
	for i, sk := range seed.Skills {
		if !groups[str(sk, "skillGroupId")] {
			return fmt.Errorf("skills[%d]: skillGroupId %q is not a seeded skill group", i, str(sk, "skillGroupId"))
		}
	}
	if err := seed.validateRouting(); err != nil {
		return err
	}
	emails := map[string]bool{}
	for i, a := range seed.Agents {
		email := strings.ToLower(str(a, "emailId"))
		if email == "" {
			return fmt.Errorf("agents[%d]: emailId must be a non-empty string", i)
		}
		if emails[email] {
			return fmt.Errorf("agents[%d]: duplicate emailId %s", i, email)
		}
		emails[email] = true
	}
	phones := map[string]string{}
	for i, c := range seed.Contacts {
		if str(c, "status") != contactActive {
			continue
		}
		phone := contactPhone(c)
		if phone == "" {
			return fmt.Errorf("contacts[%d]: cellPhone.phoneNumber must be a non-empty string", i)
		}
		if other, dup := phones[phone]; dup {
			return fmt.Errorf("contacts[%d]: phone number %s is already attached to ACTIVE contact %s", i, phone, other)
		}
		phones[phone] = str(c, "id")
	}
	return nil
}

// load copies a seed into the server's state.
func (s *Server) load(seed *Seed) error {
	if err := seed.validate(); err != nil {
		return err
	}
	ref := refData{orgID: seed.OrgID, roles: map[string]map[string]any{}, hours: map[string]map[string]any{}}
	for _, p := range []struct {
		dst   map[string]map[string]any
		order *[]string
		docs  []map[string]any
	}{
		{ref.roles, nil, seed.Roles},
		{ref.hours, &ref.hoursOrder, seed.HoursOfOperation},
	} {
		for _, d := range p.docs {
			c, err := normalizeDoc(d)
			if err != nil {
				return err
			}
			p.dst[str(c, "id")] = c
			if p.order != nil {
				*p.order = append(*p.order, str(c, "id"))
			}
		}
	}

	for _, a := range seed.Agents {
		doc, err := normalizeDoc(a)
		if err != nil {
			return err
		}
		doc["accountId"] = s.cfg.AccountID
		doc["iId"] = s.cfg.StreamID
		if _, ok := doc["orgId"]; !ok {
			doc["orgId"] = seed.OrgID
		}
		if owner, _ := doc["isAccountOwner"].(bool); owner && ref.createdBy == "" {
			ref.createdBy = str(doc, "userId")
			ref.createdByAID = str(doc, "id")
		}
		s.insertAgentLocked(doc)
	}
	if ref.createdBy == "" {
		ref.createdBy = "u-00000000-0000-0000-0000-000000000000"
	}
	if ref.createdByAID == "" {
		ref.createdByAID = "a-0000000-0000-0000-0000-000000000000"
	}
	s.ref = ref
	if err := s.loadRouting(seed); err != nil {
		return err
	}

	for _, c := range seed.Conversations {
		doc, err := normalizeDoc(c)
		if err != nil {
			return err
		}
		id := str(doc, "_id")
		s.conversations[id] = doc
		s.conversationOrder = append(s.conversationOrder, id)
	}
	sortConversations(s.conversationOrder, s.conversations)

	for _, c := range seed.Contacts {
		doc, err := normalizeDoc(c)
		if err != nil {
			return err
		}
		doc["accountId"] = s.cfg.AccountID
		doc["instanceBotId"] = s.cfg.StreamID
		if _, ok := doc["orgId"]; !ok {
			doc["orgId"] = seed.OrgID
		}
		s.insertContactLocked(doc)
	}
	return s.loadCampaignSeed(seed)
}

// loadRouting stores the seeded skill groups, skills, agent groups and
// queues, filling in what a seed may leave out with what the API would
// have set on create. When no agent group is marked isDefault, the first
// one is the default.
func (s *Server) loadRouting(seed *Seed) error {
	now := s.timestamp()
	for _, p := range []struct {
		dst      *store
		docs     []map[string]any
		defaults func(doc map[string]any)
	}{
		{s.skillGroups, seed.SkillGroups, func(doc map[string]any) {
			setDefault(doc, "description", "")
			setDefault(doc, "color", "")
		}},
		{s.skills, seed.Skills, func(doc map[string]any) {
			setDefault(doc, "description", "")
			setDefault(doc, "status", "ACTIVE")
			setDefault(doc, "createdBy", s.ref.createdBy)
		}},
		{s.agentGroups, seed.AgentGroups, func(doc map[string]any) {
			setDefault(doc, "description", "")
			setDefault(doc, "isDefault", false)
			setDefault(doc, "isUnassigned", false)
			setDefault(doc, "status", "ACTIVE")
			setDefault(doc, "iId", s.cfg.StreamID)
			setDefault(doc, "orgId", s.ref.orgID)
			setDefault(doc, "lname", strings.ToLower(str(doc, "name")))
			setDefault(doc, "createdBy", s.ref.createdBy)
			setDefault(doc, "createdByAId", s.ref.createdByAID)
			setDefault(doc, "managers", []any{})
		}},
		{s.queues, seed.Queues, func(doc map[string]any) {
			setDefault(doc, "description", "")
			setDefault(doc, "isActive", true)
			setDefault(doc, "isDefault", false)
			setDefault(doc, "isAdvancedRoutingEnabled", false)
			setDefault(doc, "orgId", s.ref.orgID)
			setDefault(doc, "createdBy", s.ref.createdBy)
			if len(s.ref.hoursOrder) > 0 {
				setDefault(doc, "hoursOfOperation", map[string]any{"id": s.ref.hoursOrder[0]})
			}
			setDefault(doc, "skills", []any{})
			setDefault(doc, "agentGroups", []any{})
			setDefault(doc, "sourceAgentGroups", []any{})
			setDefault(doc, "advancedSettings", defaultAdvancedSettings())
		}},
	} {
		for _, d := range p.docs {
			doc, err := normalizeDoc(d)
			if err != nil {
				return err
			}
			p.defaults(doc)
			if p.dst != s.skillGroups { // a skill group is {id, name, description, color}
				setDefault(doc, "createdAt", now)
				setDefault(doc, "updatedAt", now)
			}
			p.dst.put(doc)
		}
	}
	if s.agentGroups.len() > 0 && s.defaultAgentGroupLocked() == nil {
		s.agentGroups.at(0)["isDefault"] = true
	}
	return nil
}

// validateRouting checks that seeded queues point at seeded hours of
// operation, skills and agent groups.
func (seed *Seed) validateRouting() error {
	ids := func(docs []map[string]any) map[string]bool {
		out := map[string]bool{}
		for _, d := range docs {
			out[str(d, "id")] = true
		}
		return out
	}
	hours, skills, groups := ids(seed.HoursOfOperation), ids(seed.Skills), ids(seed.AgentGroups)
	for i, q := range seed.Queues {
		if h, ok := q["hoursOfOperation"].(map[string]any); ok && !hours[str(h, "id")] {
			return fmt.Errorf("queues[%d]: hoursOfOperation.id %q is not seeded hours of operation", i, str(h, "id"))
		}
		for _, ref := range []struct {
			key   string
			known map[string]bool
		}{{"skills", skills}, {"agentGroups", groups}} {
			entries, _ := q[ref.key].([]any)
			for j, e := range entries {
				m, _ := e.(map[string]any)
				if !ref.known[str(m, "id")] {
					return fmt.Errorf("queues[%d]: %s[%d].id %q is not seeded", i, ref.key, j, str(m, "id"))
				}
			}
		}
	}
	return nil
}
