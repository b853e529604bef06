package emulator

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestDefaultSeedContents(t *testing.T) {
	seed := DefaultSeed()
	names := func(docs []map[string]any) map[string]string {
		out := map[string]string{}
		for _, d := range docs {
			out[d["name"].(string)] = d["id"].(string)
		}
		return out
	}
	roles := names(seed.Roles)
	if roles["Agent"] != agentRoleID || roles["Supervisor"] == "" || roles["Administrator"] == "" {
		t.Errorf("roles = %v", roles)
	}
	queues := names(seed.Queues)
	if queues["Default Queue"] != defaultQueueID || queues["Support"] == "" || queues["Sales"] == "" || queues["Billing"] == "" {
		t.Errorf("queues = %v", queues)
	}
	skills := names(seed.Skills)
	if skills["Default Skill"] != defaultSkillID || skills["Spanish"] == "" || skills["French"] == "" || skills["Billing Expert"] == "" {
		t.Errorf("skills = %v", skills)
	}
	groups := names(seed.AgentGroups)
	if groups["Default Agent Group"] != defaultGroupID || groups["Tier 1"] != tier1GroupID {
		t.Errorf("agent groups = %v", groups)
	}
	for _, sg := range seed.SkillGroups {
		if sg["name"] == "Default SkillGroup" && sg["color"] != "#D2000D" {
			t.Errorf("Default SkillGroup color = %v", sg["color"])
		}
	}
	if len(seed.Agents) != seededAgents || seed.Agents[0]["emailId"] != "admin@example.com" ||
		seed.Agents[0]["isAccountOwner"] != true || seed.Agents[1]["customId"] != "EMP-0042" {
		t.Errorf("agents: %d, first %v", len(seed.Agents), seed.Agents[0]["emailId"])
	}
	if len(seed.Conversations) != seededConvCount || seed.Conversations[0]["_id"] != sampleConvID {
		t.Errorf("conversations: %d, first %v", len(seed.Conversations), seed.Conversations[0]["_id"])
	}
	// Every call is a fresh copy.
	seed.Agents[0]["emailId"] = "changed@example.com"
	if DefaultSeed().Agents[0]["emailId"] != "admin@example.com" {
		t.Error("DefaultSeed shares state between calls")
	}
}

func TestLoadSeedFromFile(t *testing.T) {
	dir := t.TempDir()
	seed := DefaultSeed()
	seed.OrgID = "o-custom"
	seed.Agents = seed.Agents[:1]
	seed.Conversations = seed.Conversations[:3]
	data, err := json.Marshal(seed)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "seed.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadSeed(path)
	if err != nil {
		t.Fatal(err)
	}
	if loaded.OrgID != "o-custom" || len(loaded.Agents) != 1 || len(loaded.Conversations) != 3 {
		t.Fatalf("loaded: org %s, %d agents, %d conversations", loaded.OrgID, len(loaded.Agents), len(loaded.Conversations))
	}

	h := newHarness(t, Config{Seed: loaded})
	body := h.do(http.MethodGet, "/conversations", nil).object(t, http.StatusOK)
	if body["totalResults"] != 3.0 {
		t.Fatalf("totalResults = %v", body["totalResults"])
	}
	h.do(http.MethodGet, "/organizations/o-custom/agents", nil).object(t, http.StatusOK)
	created := h.createAgent(newAgentBody("seeded.org@example.com"))
	if created["orgId"] != "o-custom" {
		t.Fatalf("orgId = %v", created["orgId"])
	}
}

func TestLoadSeedErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, c := range []struct {
		name, content, want string
	}{
		{"notjson.json", "{", "decoding"},
		{"unknown.json", `{"orgId":"o-1","agnets":[]}`, `unknown field "agnets"`},
		{"noorg.json", `{"roles":[]}`, "orgId is required"},
		{"noid.json", `{"orgId":"o-1","queues":[{"name":"x"}]}`, "queues[0]: id must be a non-empty string"},
		{"dupid.json", `{"orgId":"o-1","roles":[{"id":"r"},{"id":"r"}]}`, "roles[1]: duplicate id r"},
		{"convid.json", `{"orgId":"o-1","conversations":[{"id":"c-1"}]}`, "conversations[0]: _id must be a non-empty string"},
		{"skillgroup.json", `{"orgId":"o-1","skills":[{"id":"s","skillGroupId":"nope"}]}`, `skills[0]: skillGroupId "nope" is not a seeded skill group`},
		{"queuehours.json", `{"orgId":"o-1","queues":[{"id":"q","hoursOfOperation":{"id":"h-nope"}}]}`, `queues[0]: hoursOfOperation.id "h-nope" is not seeded hours of operation`},
		{"queueskill.json", `{"orgId":"o-1","queues":[{"id":"q","skills":[{"id":"s-nope"}]}]}`, `queues[0]: skills[0].id "s-nope" is not seeded`},
		{"queuegroup.json", `{"orgId":"o-1","queues":[{"id":"q","agentGroups":[{"id":"ag-nope"}]}]}`, `queues[0]: agentGroups[0].id "ag-nope" is not seeded`},
		{"dupemail.json", `{"orgId":"o-1","agents":[{"id":"a","emailId":"x@y.z"},{"id":"b","emailId":"X@y.z"}]}`, "agents[1]: duplicate emailId x@y.z"},
	} {
		_, err := LoadSeed(write(c.name, c.content))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to mention %q", c.name, err, c.want)
		}
	}
	if _, err := LoadSeed(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("missing file: no error")
	}
}

func TestNewPanicsOnInvalidSeed(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "orgId is required") {
			t.Fatalf("recover() = %v", r)
		}
	}()
	New(Config{Seed: &Seed{}})
}

func TestMinimalSeedGetsCreateDefaults(t *testing.T) {
	clock := newFakeClock()
	seed := &Seed{
		OrgID:            "o-min",
		HoursOfOperation: []map[string]any{{"id": "h1", "name": "Always"}},
		AgentGroups:      []map[string]any{{"id": "ag-1", "name": "First"}, {"id": "ag-2", "name": "Second"}},
		Queues:           []map[string]any{{"id": "qu-1", "name": "Only"}},
		SkillGroups:      []map[string]any{{"id": "sg1", "name": "Group"}},
		Skills:           []map[string]any{{"id": "sk1", "name": "Skill", "skillGroupId": "sg1"}},
	}
	s := New(Config{Seed: seed, Now: clock.Now})
	if g, _ := s.agentGroups.get("ag-1"); g["isDefault"] != true || g["status"] != "ACTIVE" || g["lname"] != "first" {
		t.Fatalf("first agent group = %v, want it to be the default", g)
	}
	if g, _ := s.agentGroups.get("ag-2"); g["isDefault"] != false {
		t.Fatalf("second agent group = %v", g)
	}
	q, _ := s.queues.get("qu-1")
	want := map[string]any{
		"id": "qu-1", "name": "Only", "description": "", "isActive": true, "isDefault": false,
		"isAdvancedRoutingEnabled": false, "orgId": "o-min", "createdBy": "u-00000000-0000-0000-0000-000000000000",
		"hoursOfOperation": map[string]any{"id": "h1"},
		"skills":           []any{}, "agentGroups": []any{}, "sourceAgentGroups": []any{},
		"advancedSettings": defaultAdvancedSettings(),
		"createdAt":        "2025-08-05T06:42:06.414Z", "updatedAt": "2025-08-05T06:42:06.414Z",
	}
	if !reflect.DeepEqual(q, want) {
		t.Fatalf("queue =\n%v\nwant\n%v", q, want)
	}
	if sg, _ := s.skillGroups.get("sg1"); !reflect.DeepEqual(sg, map[string]any{"id": "sg1", "name": "Group", "description": "", "color": ""}) {
		t.Fatalf("skill group = %v", sg)
	}
	if sk, _ := s.skills.get("sk1"); sk["status"] != "ACTIVE" || sk["description"] != "" || sk["createdAt"] != "2025-08-05T06:42:06.414Z" {
		t.Fatalf("skill = %v", sk)
	}
}
