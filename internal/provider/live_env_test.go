package provider

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// The env's live-aware readings: against the emulator they read its stored
// records; in a live run they ask the account through the client, for
// objects the test made. A record is the document as the API stores it
// (its own field names), so one expectRecord serves both.

// streamID is the stream the provider block names.
func (e *testEnv) streamID() string {
	if e.emu == nil {
		return os.Getenv(client.EnvStreamID)
	}
	return e.emu.Config().StreamID
}

func (e *testEnv) liveClient() *client.Client {
	e.t.Helper()
	if e.api == nil {
		e.api = liveClient(e.t)
	}
	return e.api
}

// emulatorOnly is the SkipFunc of a step that changes an object out of
// band through the emulator (a drift step): a live run leaves it out.
func (e *testEnv) emulatorOnly() (bool, error) { return e.emu == nil, nil }

// document turns a client answer's raw document into a record.
func document(raw map[string]json.RawMessage) map[string]any {
	b, err := json.Marshal(raw)
	if err != nil {
		return nil
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil
	}
	return out
}

// liveRead is a live reading: nil when the API says the object is gone.
func liveRead[T any](e *testEnv, read func() (*T, error), raw func(*T) map[string]json.RawMessage) map[string]any {
	e.t.Helper()
	v, err := read()
	if client.IsNotFound(err) || client.IsNotListed(err) {
		return nil
	}
	if err != nil {
		e.t.Fatalf("live reading: %v", err)
	}
	return document(raw(v))
}

// agentGroupRecord is the agent group with this id, or nil.
func (e *testEnv) agentGroupRecord(id string) map[string]any {
	if e.emu != nil {
		return e.emu.AgentGroup(id)
	}
	c := e.liveClient()
	return liveRead(e, func() (*client.AgentGroup, error) { return c.AgentGroups.Get(e.t.Context(), id) },
		func(g *client.AgentGroup) map[string]json.RawMessage { return g.Raw })
}

// agentGroupByName is the agent group with this name, or nil.
func (e *testEnv) agentGroupByName(name string) map[string]any {
	if e.emu != nil {
		return e.emu.AgentGroupByName(name)
	}
	c := e.liveClient()
	return liveRead(e, func() (*client.AgentGroup, error) { return c.AgentGroups.FindByName(e.t.Context(), name) },
		func(g *client.AgentGroup) map[string]json.RawMessage { return g.Raw })
}

// agentRecord is the agent with this id.
func (e *testEnv) agentRecord(id string) (map[string]any, bool) {
	if e.emu != nil {
		return e.emu.Agent(id)
	}
	c := e.liveClient()
	rec := liveRead(e, func() (*client.Agent, error) { return c.Agents.Get(e.t.Context(), id) },
		func(a *client.Agent) map[string]json.RawMessage { return a.Raw })
	return rec, rec != nil
}

// agentByEmail is the agent with this email.
func (e *testEnv) agentByEmail(email string) (map[string]any, bool) {
	if e.emu != nil {
		return e.emu.AgentByEmail(email)
	}
	c := e.liveClient()
	rec := liveRead(e, func() (*client.Agent, error) { return c.Agents.FindByEmail(e.t.Context(), email) },
		func(a *client.Agent) map[string]json.RawMessage { return a.Raw })
	return rec, rec != nil
}

// queueRecord is the queue with this id, or nil.
func (e *testEnv) queueRecord(id string) map[string]any {
	if e.emu != nil {
		return e.emu.Queue(id)
	}
	c := e.liveClient()
	return liveRead(e, func() (*client.Queue, error) { return c.Queues.Get(e.t.Context(), id) },
		func(q *client.Queue) map[string]json.RawMessage { return q.Raw })
}

// skillGroupRecord is the skill group with this id, or nil.
func (e *testEnv) skillGroupRecord(id string) map[string]any {
	if e.emu != nil {
		return e.emu.SkillGroup(id)
	}
	c := e.liveClient()
	return liveRead(e, func() (*client.SkillGroup, error) { return c.SkillGroups.Get(e.t.Context(), id) },
		func(g *client.SkillGroup) map[string]json.RawMessage { return g.Raw })
}

// skillRecord is the skill with this id in this group, or nil.
func (e *testEnv) skillRecord(groupID, id string) map[string]any {
	if e.emu != nil {
		return e.emu.Skill(id)
	}
	c := e.liveClient()
	return liveRead(e, func() (*client.Skill, error) { return c.Skills.Get(e.t.Context(), groupID, id) },
		func(s *client.Skill) map[string]json.RawMessage { return s.Raw })
}

// deleteOutOfBand deletes an object this test made, as a user would in the
// UI: through the emulator, or through the client in a live run.
func (e *testEnv) deleteOutOfBand(kind, id string) {
	e.t.Helper()
	if e.emu != nil {
		switch kind {
		case "agent":
			e.emu.DeleteAgent(id)
		case "agent group":
			e.emu.DeleteAgentGroup(id)
		case "queue":
			e.emu.DeleteQueue(id)
		case "skill group":
			e.emu.DeleteSkillGroup(id)
		case "contact": // deleting a contact marks it INACTIVE
			e.emu.SoftDeleteContact(id)
		case "skill": // id is <skill group id>/<skill id>
			e.emu.DeleteSkill(id[strings.LastIndex(id, "/")+1:])
		default:
			e.t.Fatalf("deleteOutOfBand: unknown kind %s", kind)
		}
		return
	}
	c, ctx := e.liveClient(), e.t.Context()
	var err error
	switch kind {
	case "agent":
		err = c.Agents.Delete(ctx, id)
	case "agent group":
		err = c.AgentGroups.Delete(ctx, id)
	case "queue":
		err = c.Queues.Delete(ctx, id)
	case "skill group":
		err = c.SkillGroups.Delete(ctx, id)
	case "contact":
		err = c.Contacts.Delete(ctx, id)
	case "skill":
		group, skill, _ := strings.Cut(id, "/")
		err = c.Skills.Delete(ctx, group, skill)
	default:
		err = fmt.Errorf("unknown kind %s", kind)
	}
	if err != nil {
		e.t.Fatalf("deleting the %s %s out of band: %v", kind, id, err)
	}
}

// onEmulator is a PreConfig that changes an object through the emulator:
// in a live run it does nothing, and the step's SkipFunc (emulatorOnly)
// leaves the step out.
func (e *testEnv) onEmulator(f func()) func() {
	return func() {
		if e.emu != nil {
			f()
		}
	}
}

// queueByName is the queue with this name, or nil.
func (e *testEnv) queueByName(name string) map[string]any {
	if e.emu != nil {
		for _, q := range e.emu.Queues() {
			if q["name"] == name {
				return q
			}
		}
		return nil
	}
	c := e.liveClient()
	return liveRead(e, func() (*client.Queue, error) { return c.Queues.FindByName(e.t.Context(), name) },
		func(q *client.Queue) map[string]json.RawMessage { return q.Raw })
}

// contactRecords is every contact, as stored: the emulator's, or in a live
// run the account's list (callers keep the run's own, by name). A contact
// answer carries no raw document: the fields the tests read.
func (e *testEnv) contactRecords() []map[string]any {
	e.t.Helper()
	if e.emu != nil {
		return e.emu.Contacts()
	}
	var out []map[string]any
	if err := e.liveClient().Contacts.Walk(e.t.Context(), func(c *client.Contact) bool {
		out = append(out, map[string]any{
			"id": c.ID(), "firstName": string(c.FirstName), "lastName": string(c.LastName), "status": string(c.Status),
			"cellPhone": map[string]any{"phoneNumber": string(c.CellPhone.Value.PhoneNumber)},
		})
		return true
	}); err != nil {
		e.t.Fatalf("live reading of the contacts: %v", err)
	}
	return out
}
