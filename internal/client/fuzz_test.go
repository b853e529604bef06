package client

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The decoders meet whatever the API sends. They may refuse it, but must
// never panic, and what they accept must be exactly what the body says:
// the managed fields of a decoded value, written back in the documented
// shape, decode to the same value (FuzzAgentManagedFieldsRoundTrip,
// FuzzContactManagedFieldsRoundTrip), and so does the value itself, encoded
// (FuzzAgentDecode, FuzzRoutingDecode). Each target states a property;
// not panicking is only the least of them.

var decoderSeeds = []string{
	`{"id":"a-1","emailId":"x@example.com","phoneNumber":13456782345,"queues":[{"id":"q","isPreferredAgent":"yes"}]}`,
	`{"_id":"c-1","waitTime":"12","priority":5,"surveyRequired":"YES","participants":{"not":"a list"},"dispositions":[]}`,
	`{"results":[{"id":"a-1"},7,null,"x"],"hasMore":"true","totalPages":"2"}`,
	`{"errors":[{"msg":{"nested":true},"code":"4002"}]}`,
	`{"skills":[{"skillId":1e400,"proficiencyLevel":null}],"maxChatSupport":1e30}`,
	`[]`, `null`, `"text"`, `{`, ``, `{"chatLanguageSupport":[{"language":["en"],"isActive":2}]}`,
}

// agentManaged is what the provider manages of an agent, in plain types.
type agentManaged struct {
	ID, Email, First, Last, Nick, Phone, Custom, Role, Group string
	Chat, Voice                                              *bool
	MaxChat                                                  *int64
	ChatLangs, VoiceLangs                                    []langManaged
	Queues                                                   []queueManaged
	Skills                                                   [][2]string
}

type langManaged struct {
	Language, Proficiency string
	Active                *bool
}

type queueManaged struct {
	ID        string
	Preferred *bool
}

func boolPtr(b *FlexBool) *bool {
	if b == nil {
		return nil
	}
	v := bool(*b)
	return &v
}

func managedOf(a *Agent) agentManaged {
	m := agentManaged{ID: string(a.ID), Email: string(a.EmailID), First: string(a.FirstName), Last: string(a.LastName),
		Nick: string(a.NickName), Phone: string(a.PhoneNumber), Custom: string(a.CustomID), Role: string(a.RoleID),
		Group: a.GroupID(), Chat: boolPtr(a.CanSupportChat), Voice: boolPtr(a.CanSupportVoice)}
	if a.MaxChatSupport != nil {
		v := int64(*a.MaxChatSupport)
		m.MaxChat = &v
	}
	for _, l := range a.ChatLanguageSupport {
		m.ChatLangs = append(m.ChatLangs, langManaged{string(l.Language), string(l.Proficiency), boolPtr(l.IsActive)})
	}
	for _, l := range a.VoiceLanguageSupport {
		m.VoiceLangs = append(m.VoiceLangs, langManaged{string(l.Language), string(l.Proficiency), boolPtr(l.IsActive)})
	}
	for _, q := range a.Queues {
		pref := boolPtr(q.IsPreferredAgent)
		if pref == nil && q.PreferenceKnown(string(a.UserID), string(a.ID)) {
			v := q.PreferredFor(string(a.UserID), string(a.ID))
			pref = &v
		}
		m.Queues = append(m.Queues, queueManaged{string(q.ID), pref})
	}
	for _, s := range a.Skills {
		m.Skills = append(m.Skills, [2]string{s.Skill(), string(s.ProficiencyLevel)})
	}
	return m
}

// documented writes m in the shape get-a-specific-agent documents.
func (m agentManaged) documented() []byte {
	langs := func(ls []langManaged) []map[string]any {
		out := []map[string]any{}
		for _, l := range ls {
			e := map[string]any{"language": l.Language, "proficiency": l.Proficiency}
			if l.Active != nil {
				e["isActive"] = *l.Active
			}
			out = append(out, e)
		}
		return out
	}
	doc := map[string]any{"id": m.ID, "emailId": m.Email, "firstName": m.First, "lastName": m.Last, "nickName": m.Nick,
		"phoneNumber": m.Phone, "customId": m.Custom, "roleId": m.Role, "agentGroupId": m.Group,
		"chatLanguageSupport": langs(m.ChatLangs), "voiceLanguageSupport": langs(m.VoiceLangs)}
	if m.Chat != nil {
		doc["canSupportChat"] = *m.Chat
	}
	if m.Voice != nil {
		doc["canSupportVoice"] = *m.Voice
	}
	if m.MaxChat != nil {
		doc["maxChatSupport"] = *m.MaxChat
	}
	queues := []map[string]any{}
	for _, q := range m.Queues {
		e := map[string]any{"id": q.ID}
		if q.Preferred != nil {
			e["isPreferredAgent"] = *q.Preferred
		}
		queues = append(queues, e)
	}
	doc["queues"] = queues
	skills := []map[string]any{}
	for _, s := range m.Skills {
		skills = append(skills, map[string]any{"skillId": s[0], "proficiencyLevel": s[1]})
	}
	doc["skills"] = skills
	b, _ := json.Marshal(doc)
	return b
}

// normal makes empty and nil lists alike, for comparison.
func (m agentManaged) normal() agentManaged {
	if len(m.ChatLangs) == 0 {
		m.ChatLangs = nil
	}
	if len(m.VoiceLangs) == 0 {
		m.VoiceLangs = nil
	}
	if len(m.Queues) == 0 {
		m.Queues = nil
	}
	if len(m.Skills) == 0 {
		m.Skills = nil
	}
	return m
}

func FuzzAgentManagedFieldsRoundTrip(f *testing.F) {
	for _, s := range decoderSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte(`{"id":"a-1","emailId":"x@example.com","canSupportChat":"YES","maxChatSupport":"4","phoneNumber":1234,` +
		`"queues":[{"id":"q-1","agents":[{"aId":"a-1","isPreferredAgent":"1"}]}],"skills":[{"id":"s-1","proficiencyLevel":"high"}],` +
		`"agentGroups":[{"groupId":"ag-1"}],"voiceLanguageSupport":[{"language":"en","proficiency":"expert","isActive":0}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var a Agent
		if json.Unmarshal(body, &a) != nil {
			return
		}
		m := managedOf(&a).normal()
		var back Agent
		if err := json.Unmarshal(m.documented(), &back); err != nil {
			t.Fatalf("%s decoded, but its managed fields written back do not: %v", body, err)
		}
		if got := managedOf(&back).normal(); !reflect.DeepEqual(got, m) {
			t.Fatalf("%s: managed fields %+v read back as %+v", body, m, got)
		}
	})
}

func FuzzContactManagedFieldsRoundTrip(f *testing.F) {
	for _, s := range decoderSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte(`{"_id":"c1","firstName":"A","cellPhone":{"phoneNumber":919876500000,"countryCode":91},"status":null}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var c Contact
		if json.Unmarshal(body, &c) != nil {
			return
		}
		p := c.CellPhone.Value
		doc, _ := json.Marshal(map[string]any{"id": c.ID(), "firstName": string(c.FirstName), "lastName": string(c.LastName),
			"salutation": string(c.Salutation), "status": string(c.Status),
			"cellPhone": map[string]any{"phoneNumber": string(p.PhoneNumber), "countryCode": string(p.CountryCode), "extension": string(p.Extension)}})
		var back Contact
		if err := json.Unmarshal(doc, &back); err != nil {
			t.Fatalf("%s decoded, but its managed fields written back do not: %v", body, err)
		}
		if back.ID() != c.ID() || back.FirstName != c.FirstName || back.LastName != c.LastName || back.Salutation != c.Salutation ||
			back.Active() != c.Active() || back.CellPhone.Value != p {
			t.Fatalf("%s: read back as %+v", body, back)
		}
	})
}

func FuzzAgentDecode(f *testing.F) {
	for _, s := range decoderSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		refs := decodeAgentRefs(body)
		for _, r := range refs {
			if r.ID == "" {
				t.Fatalf("%s: a create answer's agent without an id was taken: %+v", body, refs)
			}
		}
		var a Agent
		if err := json.Unmarshal(body, &a); err != nil {
			return
		}
		if a.ID != "" && (len(refs) != 1 || refs[0].ID != a.ID) {
			t.Fatalf("%s: the agent %q read from a create answer as %+v", body, a.ID, refs)
		}
		// Decoded, encoded and decoded again, the agent is the same, and so
		// is everything the provider reads from it.
		back := reencoded(t, body, &a)
		a.Raw, back.Raw = nil, nil
		if !reflect.DeepEqual(a, *back) {
			t.Fatalf("%s: decoded as %+v, encoded and decoded again as %+v", body, a, *back)
		}
		if a.GroupID() != back.GroupID() {
			t.Fatalf("%s: agent group %q, after a round trip %q", body, a.GroupID(), back.GroupID())
		}
		for i, q := range a.Queues {
			if q.PreferredFor(string(a.UserID), string(a.ID)) != back.Queues[i].PreferredFor(string(a.UserID), string(a.ID)) {
				t.Fatalf("%s: queue %d's preference changed in a round trip", body, i)
			}
		}
	})
}

func FuzzConversationDecode(f *testing.F) {
	for _, s := range decoderSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var c Conversation
		if err := json.Unmarshal(body, &c); err != nil {
			return
		}
		if c.ID() != string(c.MongoID) && (c.MongoID != "" || c.ID() != string(c.IDField)) {
			t.Fatalf("%s: id %q, from _id %q and id %q", body, c.ID(), c.MongoID, c.IDField)
		}
		// The filters the API may ignore are applied again by the client:
		// a conversation matches no filter, and its own values in any case,
		// and never a status it does not have.
		if !(ConversationListOptions{}).matches(&c) {
			t.Fatalf("%s: a conversation does not match the empty filter", body)
		}
		own := ConversationListOptions{Status: []string{"x", strings.ToUpper(string(c.Status))},
			Source: strings.ToLower(string(c.Source)), Language: strings.ToUpper(string(c.Language))}
		if !own.matches(&c) {
			t.Fatalf("%s: a conversation does not match its own status, source and language %+v", body, own)
		}
		other := own
		other.Status = []string{string(c.Status) + "-not"}
		if other.matches(&c) {
			t.Fatalf("%s: a conversation with status %q matches the status %q", body, c.Status, other.Status[0])
		}
	})
}

func FuzzContactDecode(f *testing.F) {
	for _, s := range decoderSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte(`{"_id":"c1","cellPhone":{"phoneNumber":919876500000,"countryCode":91},"status":null}`))
	f.Add([]byte(`{"successfulRecords":[{"id":"c1","contact":"x"}],"failedRecords":[{"id":["c2"],"reason":{"x":1}}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var c Contact
		if json.Unmarshal(body, &c) == nil {
			if (c.ID() == "") != (c.IDField == "" && c.MongoID == "") {
				t.Fatalf("%s: id %q from id %q and _id %q", body, c.ID(), c.IDField, c.MongoID)
			}
			if c.Active() == strings.EqualFold(string(c.Status), "INACTIVE") {
				t.Fatalf("%s: status %q read as active=%v", body, c.Status, c.Active())
			}
			// The local number is the stored one, less the country code
			// prefixed when there is one.
			p := c.CellPhone.Value
			local := p.LocalNumber()
			if local != string(p.PhoneNumber) && string(p.CountryCode)+local != string(p.PhoneNumber) {
				t.Fatalf("%s: number %q with country code %q read as local %q", body, p.PhoneNumber, p.CountryCode, local)
			}
		}
		var list []Contact
		if json.Unmarshal(body, &list) == nil {
			var items []json.RawMessage
			_ = json.Unmarshal(body, &items)
			if len(items) != len(list) {
				t.Fatalf("%s: %d contacts read from %d entries", body, len(list), len(items))
			}
		}
		var bulk BulkResult
		if json.Unmarshal(body, &bulk) == nil {
			for _, f := range bulk.FailedRecords {
				// A failure always says why, and the API's reason when it gave one.
				if why := f.Why(); why == "" || (f.Reason != "" && why != string(f.Reason)) {
					t.Fatalf("%s: failure %+v explained as %q", body, f, why)
				}
			}
		}
	})
}

func FuzzListEnvelopes(f *testing.F) {
	for _, s := range decoderSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var agents AgentList
		if json.Unmarshal(body, &agents) == nil {
			cur := pageCursor{opts: ListOptions{Page: 1, Limit: ListPageSize}}
			if cur.advance(agents.PageMeta, len(agents.Results), len(agents.Results)) == stepNext && cur.opts.Page < 2 {
				t.Fatalf("a walk that goes on must ask for a later page, asked for %d", cur.opts.Page)
			}
		}
		var convs ConversationList
		_ = json.Unmarshal(body, &convs)
	})
}

func FuzzErrorEnvelope(f *testing.F) {
	for _, s := range decoderSeeds {
		f.Add([]byte(s), 400)
	}
	// A body whose cut falls inside a character.
	f.Add([]byte(strings.Repeat("a", maxErrorText-1)+"é and more"), 502)
	f.Fuzz(func(t *testing.T, body []byte, status int) {
		e := newAPIError("GET", "/agents/a-1", status, body)
		if utf8.Valid(body) && !utf8.ValidString(e.Error()) {
			t.Fatalf("%q: the error is not valid UTF-8: %q", body, e.Error())
		}
		var env errorEnvelope
		if json.Unmarshal(body, &env) != nil || len(env.Errors) == 0 {
			// Any other body is quoted from its start, cut on a character
			// boundary and marked when cut.
			text := strings.TrimSpace(string(body))
			if len(text) <= maxErrorText && e.Message != text {
				t.Fatalf("%q quoted as %q", body, e.Message)
			}
			quoted, marked := strings.CutSuffix(e.Message, "…")
			if len(text) > maxErrorText && (!marked || !strings.HasPrefix(text, quoted) ||
				len(quoted) > maxErrorText || len(quoted) <= maxErrorText-utf8.UTFMax) {
				t.Fatalf("%q quoted as %q", body, e.Message)
			}
		}
		if IsNotFound(e) != (status == 404) || IsConflict(e) != (status == 409) || IsUnauthorized(e) != (status == 401 || status == 403) {
			t.Fatalf("status %d classified as not found %v, conflict %v, unauthorized %v", status, IsNotFound(e), IsConflict(e), IsUnauthorized(e))
		}
	})
}

func FuzzRoutingDecode(f *testing.F) {
	for _, s := range decoderSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte(skillCreateSample))
	f.Add([]byte(skillGetSample))
	f.Add([]byte(queueSample))
	f.Add([]byte(`{"agentGroups":["ag-1",{"id":["x"]},"",null],"skills":[{"expireTime":{"min":"1e3","sec":-5}}],"advancedSettings":"x"}`))
	f.Add([]byte(`{"results":[{"id":"ag-1","name":"A","createdAt":"2024-03-01T10:00:00Z"},{"id":"ag-2","name":"A","createdAt":99}],"skip":"0"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var q Queue
		if json.Unmarshal(body, &q) == nil {
			for _, s := range q.Skills {
				_ = s.ExpireTime.Value.Duration()
			}
			_ = q.AdvancedSettings.Value.PreferredAgentTimeout.Value.Duration()
			_ = membersIn(q.Raw["agents"])
			_ = entriesByID(q.Raw["skills"])
			_ = objectIn(q.Raw["advancedSettings"])
		}
		var sk Skill
		if json.Unmarshal(body, &sk) == nil {
			back := reencoded(t, body, &sk)
			sk.Raw, back.Raw = nil, nil
			if len(sk.Agents) == 0 && len(back.Agents) == 0 {
				sk.Agents, back.Agents = nil, nil // a count, null and [] all read as none
			}
			if !reflect.DeepEqual(sk, *back) {
				t.Fatalf("%s: skill %+v after a round trip %+v", body, sk, *back)
			}
		}
		var sg SkillGroup
		if json.Unmarshal(body, &sg) == nil {
			back := reencoded(t, body, &sg)
			sg.Raw, back.Raw = nil, nil
			if !reflect.DeepEqual(sg, *back) {
				t.Fatalf("%s: skill group %+v after a round trip %+v", body, sg, *back)
			}
		}
		for id, entry := range entriesByID(body) {
			var got FlexString
			if id == "" || json.Unmarshal(entry["id"], &got) != nil || string(got) != id {
				t.Fatalf("%s: entry %q indexed by %q", body, entry["id"], id)
			}
		}
		var groups AgentGroupList
		if json.Unmarshal(body, &groups) == nil {
			var found []Candidate
			for i := range groups.Results {
				found = append(found, Candidate{ID: string(groups.Results[i].ID), CreatedAt: createdAt(&groups.Results[i])})
			}
			_, _ = DecideCreated(CreateKey{Kind: "agent group", By: "name", Value: "A"}, AnswerServerError, errors.New("502"), time.Unix(0, 0), found, nil)
		}
		var queues QueueList
		if json.Unmarshal(body, &queues) == nil {
			var found []Candidate
			for i := range queues.Results {
				found = append(found, Candidate{ID: string(queues.Results[i].ID), CreatedAt: createdAt(&queues.Results[i])})
			}
			_, _ = DecideCreated(CreateKey{Kind: "queue", By: "name", Value: "A"}, AnswerWithoutID, nil, time.Unix(0, 0), found, nil)
		}
	})
}

// reencoded encodes v, decoded from body, and decodes the result again.
func reencoded[T any](t *testing.T, body []byte, v *T) *T {
	t.Helper()
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%s: decoded, but does not encode: %v", body, err)
	}
	back := new(T)
	if err := json.Unmarshal(out, back); err != nil {
		t.Fatalf("%s: decoded and encoded as %s, which does not decode: %v", body, out, err)
	}
	return back
}
