package client

import (
	"encoding/json"
	"testing"
)

// The decoders meet whatever the API sends. They may refuse a body that is
// not a JSON object, but must never panic, and an odd field must never fail
// the read of the rest.

var decoderSeeds = []string{
	`{"id":"a-1","emailId":"x@example.com","phoneNumber":13456782345,"queues":[{"id":"q","isPreferredAgent":"yes"}]}`,
	`{"_id":"c-1","waitTime":"12","priority":5,"surveyRequired":"YES","participants":{"not":"a list"},"dispositions":[]}`,
	`{"results":[{"id":"a-1"},7,null,"x"],"hasMore":"true","totalPages":"2"}`,
	`{"errors":[{"msg":{"nested":true},"code":"4002"}]}`,
	`{"skills":[{"skillId":1e400,"proficiencyLevel":null}],"maxChatSupport":1e30}`,
	`[]`, `null`, `"text"`, `{`, ``, `{"chatLanguageSupport":[{"language":["en"],"isActive":2}]}`,
}

func FuzzAgentDecode(f *testing.F) {
	for _, s := range decoderSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var a Agent
		if err := json.Unmarshal(body, &a); err != nil {
			return
		}
		// Everything the provider calls on an agent must be safe.
		_ = a.GroupID()
		for _, q := range a.Queues {
			_ = q.PreferredFor(string(a.UserID), string(a.ID))
		}
		for _, s := range a.Skills {
			_ = s.Skill()
		}
		_ = decodeAgentRefs(body)
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
		_ = c.ID()
		opts := ConversationListOptions{Status: []string{"CLOSED"}, Source: "rtm", Language: "en"}
		_ = opts.matches(&c)
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
			_, _ = c.ID(), c.Active()
			_ = c.CellPhone.Value.LocalNumber()
		}
		var list []Contact
		_ = json.Unmarshal(body, &list)
		var bulk BulkResult
		if json.Unmarshal(body, &bulk) == nil {
			for _, f := range bulk.FailedRecords {
				_ = f.Why()
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
			if cur.advance(agents.PageMeta, len(agents.Results), len(agents.Results)) && cur.opts.Page < 2 {
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
	f.Fuzz(func(t *testing.T, body []byte, status int) {
		e := newAPIError("GET", "/agents/a-1", status, body)
		if len(e.Message) > maxErrorText+len("…") && !json.Valid(body) {
			t.Fatalf("a non-JSON body was quoted at %d bytes", len(e.Message))
		}
		_ = e.Error()
		_ = IsNotFound(e) || IsRateLimited(e) || IsConflict(e) || IsUnauthorized(e)
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
		_ = json.Unmarshal(body, &sk)
		var sg SkillGroup
		_ = json.Unmarshal(body, &sg)
		var groups AgentGroupList
		if json.Unmarshal(body, &groups) == nil {
			_, _ = newestByCreatedAt(groups.Results)
		}
		var queues QueueList
		_ = json.Unmarshal(body, &queues)
	})
}
