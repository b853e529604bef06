package client

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// The create-a-skill sample answers the agents as a number.
const skillCreateSample = `{"id":"65f0c0ffee00000000000b01","name":"Refunds","description":"Refund requests","agents":15,"skillGroupId":"sg-1"}`

// get-a-particular-skill: agents as entries with names and emails, and the
// proficiency "high" that is not in the documented enum.
const skillGetSample = `{"status":"ACTIVE","name":"Refunds","description":"Refund requests","skillGroupId":"sg-1",
  "agents":[{"userId":"u-1","aId":"a-1","skillId":"sk-1","proficiencyLevel":"high","firstName":"Ann","lastName":"Lee","emailId":"ann@example.com"},
            {"userId":"u-2","skillId":"sk-1","proficiencyLevel":"novice","firstName":"Bo","emailId":"bo@example.com"}],
  "createdBy":"u-9","createdAt":"2024-03-01T10:00:00.000Z","updatedAt":"2024-03-02T10:00:00.000Z","id":"sk-1"}`

func TestSkillDecodesTheSamples(t *testing.T) {
	var created Skill
	if err := json.Unmarshal([]byte(skillCreateSample), &created); err != nil {
		t.Fatal(err)
	}
	if created.ID != "65f0c0ffee00000000000b01" || created.SkillGroupID != "sg-1" || len(created.Agents) != 0 || string(created.Raw["agents"]) != "15" {
		t.Fatalf("create sample decoded as %+v (agents %v, raw %s)", created, created.Agents, created.Raw["agents"])
	}
	var got Skill
	if err := json.Unmarshal([]byte(skillGetSample), &got); err != nil {
		t.Fatal(err)
	}
	want := []SkillAgent{
		{UserID: "u-1", AID: "a-1", SkillID: "sk-1", ProficiencyLevel: "high", EmailID: "ann@example.com"},
		{UserID: "u-2", SkillID: "sk-1", ProficiencyLevel: "novice", EmailID: "bo@example.com"},
	}
	if got.ID != "sk-1" || got.Status != "ACTIVE" || len(got.Agents) != 2 || got.Agents[0] != want[0] || got.Agents[1] != want[1] {
		t.Fatalf("get sample decoded as %+v", got)
	}
	var odd Skill
	if err := json.Unmarshal([]byte(`{"id":7,"name":true,"agents":null,"skillGroupId":null}`), &odd); err != nil {
		t.Fatal(err)
	}
	if odd.ID != "7" || odd.Name != "true" || len(odd.Agents) != 0 || odd.SkillGroupID != "" {
		t.Fatalf("scalars decoded as %+v", odd)
	}
	if err := json.Unmarshal([]byte(`{"id":"sk-1","name":"R","agents":"none"}`), &odd); err == nil {
		t.Fatal("agents that are neither a list nor a count must fail")
	}
	if err := json.Unmarshal([]byte(`["sk-1"]`), &odd); err == nil {
		t.Fatal("a skill that is not an object must fail")
	}
}

func TestSkillRequests(t *testing.T) {
	ctx := context.Background()
	c, api := newFakeAPI(t, func(r apiCall) (int, string) {
		if r.Method == "POST" {
			return 0, `{"id":"sk-1","name":"Refunds","agents":15}`
		}
		return 0, `{"id":"sk-1","name":"Refunds","results":[]}`
	})
	sk, err := c.Skills.Create(ctx, "sg 1", SkillRequest{Name: "Refunds", Description: String("Refund requests")})
	if err != nil {
		t.Fatal(err)
	}
	if sk.ID != "sk-1" || sk.SkillGroupID != "sg 1" {
		t.Fatalf("created %+v: the skill group must come from the path when the answer leaves it out", sk)
	}
	if sk, err = c.Skills.Get(ctx, "sg-1", "sk-1"); err != nil || sk.SkillGroupID != "sg-1" {
		t.Fatalf("get: %+v, %v", sk, err)
	}
	if _, err := c.Skills.List(ctx, "sg-1", ListOptions{Page: 1, Limit: 10}); err != nil {
		t.Fatal(err)
	}
	if err := c.Skills.Delete(ctx, "sg-1", "sk-1"); err != nil {
		t.Fatal(err)
	}
	api.expectCalls(t,
		call(t, "POST", "/skill-groups/sg%201/skills", `{"name":"Refunds","description":"Refund requests","skillGroupId":"sg 1"}`),
		call(t, "GET", "/skill-groups/sg-1/skills/sk-1", ""),
		call(t, "GET", "/skill-groups/sg-1/skills?limit=10&page=1", ""),
		call(t, "DELETE", "/skill-groups/sg-1/skills/sk-1", ""),
	)
}

func TestSkillCreateWithoutIDFindsItInItsGroup(t *testing.T) {
	c, api := newFakeAPI(t, func(r apiCall) (int, string) {
		if r.Method == "POST" {
			return 0, `{"name":"Refunds","agents":0}`
		}
		return 0, `{"results":[{"id":"sk-3","name":"Refunds"}],"page":1,"hasMore":false}`
	})
	sk, err := c.Skills.Create(context.Background(), "sg-1", SkillRequest{Name: "Refunds", SkillGroupID: "sg-1"})
	if err != nil {
		t.Fatal(err)
	}
	if sk.ID != "sk-3" || sk.SkillGroupID != "sg-1" {
		t.Fatalf("found %+v", sk)
	}
	api.expectCalls(t,
		call(t, "POST", "/skill-groups/sg-1/skills", `{"name":"Refunds","skillGroupId":"sg-1"}`),
		call(t, "GET", "/skill-groups/sg-1/skills?limit=100&page=1", ""),
	)
}

// The update sends the skill as read, with the request laid over it and
// the agents in the documented update shape.
func TestSkillUpdateSendsTheAgentsBack(t *testing.T) {
	var current Skill
	if err := json.Unmarshal([]byte(skillGetSample), &current); err != nil {
		t.Fatal(err)
	}
	c, api := newFakeAPI(t, answer(`{"name":"Refunds and returns"}`))
	updated, err := c.Skills.Update(context.Background(), &current, SkillRequest{Name: "Refunds and returns", SkillGroupID: "sg-1"})
	if err != nil {
		t.Fatal(err)
	}
	if updated.ID != "sk-1" || updated.SkillGroupID != "sg-1" {
		t.Fatalf("updated %+v", updated)
	}
	api.expectCalls(t, call(t, "PUT", "/skill-groups/sg-1/skills/sk-1", `{"status":"ACTIVE","name":"Refunds and returns","description":"Refund requests",
	  "skillGroupId":"sg-1","agents":[{"userId":"u-1","aId":"a-1","proficiencyLevel":"high"},{"userId":"u-2","proficiencyLevel":"novice"}],
	  "createdBy":"u-9","createdAt":"2024-03-01T10:00:00.000Z","updatedAt":"2024-03-02T10:00:00.000Z","id":"sk-1"}`))
	if string(current.Raw["name"]) != `"Refunds"` {
		t.Fatal("Update changed the caller's document")
	}
}

// A skill read from the create answer lists no agents (it gives their
// count), so the update reads the skill again rather than drop them.
func TestSkillUpdateFromTheCreateAnswerReadsTheAgentsFirst(t *testing.T) {
	var current Skill
	_ = json.Unmarshal([]byte(skillCreateSample), &current)
	c, api := newFakeAPI(t, func(r apiCall) (int, string) {
		if r.Method == "GET" {
			return 0, skillGetSample
		}
		return 0, `{"name":"Refunds"}`
	})
	if _, err := c.Skills.Update(context.Background(), &current, SkillRequest{Name: "Refunds", Description: String("")}); err != nil {
		t.Fatal(err)
	}
	api.expectCalls(t,
		call(t, "GET", "/skill-groups/sg-1/skills/65f0c0ffee00000000000b01", ""),
		call(t, "PUT", "/skill-groups/sg-1/skills/65f0c0ffee00000000000b01", `{"id":"65f0c0ffee00000000000b01","name":"Refunds","description":"",
		  "skillGroupId":"sg-1","agents":[{"userId":"u-1","aId":"a-1","proficiencyLevel":"high"},{"userId":"u-2","proficiencyLevel":"novice"}]}`),
	)
}

func TestSkillUpdateRefusesWhenTheAgentsCannotBeRead(t *testing.T) {
	var current Skill
	_ = json.Unmarshal([]byte(skillCreateSample), &current)
	c, api := newFakeAPI(t, answer(`{"id":"65f0c0ffee00000000000b01","name":"Refunds","agents":15}`))
	_, err := c.Skills.Update(context.Background(), &current, SkillRequest{Name: "Refunds"})
	if err == nil || !strings.Contains(err.Error(), `it sent agents as 15`) || !strings.Contains(err.Error(), "would remove them") {
		t.Fatalf("err = %v", err)
	}
	api.expectCalls(t, call(t, "GET", "/skill-groups/sg-1/skills/65f0c0ffee00000000000b01", ""))

	// Agents of another shape fail the read itself: nothing is sent either.
	c, api = newFakeAPI(t, answer(`{"id":"65f0c0ffee00000000000b01","name":"Refunds","agents":{"count":15}}`))
	_, err = c.Skills.Update(context.Background(), &current, SkillRequest{Name: "Refunds"})
	if err == nil || !strings.Contains(err.Error(), "again to learn its agents before the update") {
		t.Fatalf("err = %v", err)
	}
	api.expectCalls(t, call(t, "GET", "/skill-groups/sg-1/skills/65f0c0ffee00000000000b01", ""))
}

// No agents were read (the key is absent or null): the key is left out,
// not sent as [].
func TestSkillUpdateWithoutAgentsLeavesTheKeyOut(t *testing.T) {
	for _, doc := range []string{`{"id":"sk-1","name":"A","skillGroupId":"sg-1"}`, `{"id":"sk-1","name":"A","skillGroupId":"sg-1","agents":null}`} {
		var current Skill
		_ = json.Unmarshal([]byte(doc), &current)
		c, api := newFakeAPI(t, answer(`{"name":"B"}`))
		if _, err := c.Skills.Update(context.Background(), &current, SkillRequest{Name: "B", SkillGroupID: "sg-1"}); err != nil {
			t.Fatal(err)
		}
		api.expectCalls(t, call(t, "PUT", "/skill-groups/sg-1/skills/sk-1", `{"id":"sk-1","name":"B","skillGroupId":"sg-1"}`))
	}
}
