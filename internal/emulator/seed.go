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

	Roles            []map[string]any `json:"roles"`            // {id, name}
	AgentGroups      []map[string]any `json:"agentGroups"`      // {id "ag-…", name, description, isDefault}
	Queues           []map[string]any `json:"queues"`           // {id "qu-…", name, description, isDefault, isActive}
	SkillGroups      []map[string]any `json:"skillGroups"`      // {id, name, description, color}
	Skills           []map[string]any `json:"skills"`           // {id, name, description, skillGroupId}
	HoursOfOperation []map[string]any `json:"hoursOfOperation"` // {id, name}

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
// skill groups, that agents have unique emails and that no two ACTIVE
// contacts share a phone number.
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
	index := func(docs []map[string]any) (map[string]map[string]any, error) {
		out := map[string]map[string]any{}
		for _, d := range docs {
			c, err := normalizeDoc(d)
			if err != nil {
				return nil, err
			}
			out[str(c, "id")] = c
		}
		return out, nil
	}
	var err error
	ref := refData{orgID: seed.OrgID}
	for _, p := range []struct {
		dst  *map[string]map[string]any
		docs []map[string]any
	}{
		{&ref.roles, seed.Roles},
		{&ref.agentGroups, seed.AgentGroups},
		{&ref.queues, seed.Queues},
		{&ref.skillGroups, seed.SkillGroups},
		{&ref.skills, seed.Skills},
		{&ref.hours, seed.HoursOfOperation},
	} {
		if *p.dst, err = index(p.docs); err != nil {
			return err
		}
	}
	for _, g := range seed.AgentGroups {
		if b, _ := g["isDefault"].(bool); b && ref.defaultGroupID == "" {
			ref.defaultGroupID = str(g, "id")
		}
	}
	if ref.defaultGroupID == "" && len(seed.AgentGroups) > 0 {
		ref.defaultGroupID = str(seed.AgentGroups[0], "id")
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
	return nil
}
