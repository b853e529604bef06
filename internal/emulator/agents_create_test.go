package emulator

import (
	"encoding/json"
	"net/http"
	"reflect"
	"regexp"
	"sort"
	"testing"
)

var (
	agentIDPattern  = regexp.MustCompile(`^a-[0-9a-f]{7}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	userIDPattern   = regexp.MustCompile(`^u-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	layoutIDPattern = regexp.MustCompile(`^ly-[0-9a-f]{7}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	hex24Pattern    = regexp.MustCompile(`^[0-9a-f]{24}$`)
)

// sampleCreateBody is the create page's sample request, with seeded ids.
func sampleCreateBody() map[string]any {
	return map[string]any{
		"emailId":         "nov5uat@mailinator.com",
		"firstName":       "nov05",
		"lastName":        "agent3",
		"nickName":        "agent three",
		"phoneNumber":     "13456782345",
		"agentGroupId":    tier1GroupID,
		"canSupportChat":  true,
		"maxChatSupport":  5,
		"canSupportVoice": true,
		"customId":        "A..Zxyz09!'''()*+,-./:;<=>?@[]^_`{|}",
		"roleId":          agentRoleID,
		"chatLanguageSupport": []any{
			map[string]any{"language": "en", "proficiency": "expert", "isActive": true},
		},
		"voiceLanguageSupport": []any{
			map[string]any{"language": "es", "proficiency": "expert"},
		},
		"skills":                       []any{map[string]any{"skillId": spanishSkillID, "proficiencyLevel": "expert"}},
		"desktopLayouts":               []any{},
		"queues":                       []any{map[string]any{"id": defaultQueueID, "isPreferredAgent": true}},
		"createDefaultLayoutAndAssign": true,
	}
}

func keysOf(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestCreateAgentResponseHasSampleShape(t *testing.T) {
	h := newHarness(t, Config{})
	res := h.do(http.MethodPost, "/agents", sampleCreateBody())
	if res.status != http.StatusOK {
		t.Fatalf("status = %d; body %s", res.status, res.body)
	}
	var got map[string]any
	dec := json.NewDecoder(jsonReader(res.body))
	dec.UseNumber()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}

	wantKeys := []string{
		"agentGroupId", "attachmentsEnabled", "callRegion", "canSupportChat", "canSupportVoice",
		"chatLanguageSupport", "createDefaultLayoutAndAssign", "desktopLayouts", "emailId", "emojisEnabled",
		"firstName", "lastName", "maxChatSupport", "maxDigitalChatSupport", "maxEmailChatSupport",
		"maxMessagingChatSupport", "nickName", "orgId", "phoneNumber", "profImage", "queues", "roleId",
		"skills", "userId", "voiceLanguageSupport",
	}
	if keys := keysOf(got); !reflect.DeepEqual(keys, wantKeys) {
		t.Fatalf("response keys =\n%v\nwant\n%v", keys, wantKeys)
	}
	if n, ok := got["phoneNumber"].(json.Number); !ok || n.String() != "13456782345" {
		t.Fatalf("phoneNumber = %#v, want the JSON number 13456782345", got["phoneNumber"])
	}
	if got["agentGroupId"] != tier1GroupID || got["createDefaultLayoutAndAssign"] != true {
		t.Fatalf("agentGroupId %v, createDefaultLayoutAndAssign %v", got["agentGroupId"], got["createDefaultLayoutAndAssign"])
	}
	stored, _ := h.srv.AgentByEmail("nov5uat@mailinator.com")
	if got["userId"] != stored["userId"] || got["orgId"] != DefaultSeed().OrgID {
		t.Fatalf("userId %v (stored %v), orgId %v", got["userId"], stored["userId"], got["orgId"])
	}
	skills := got["skills"].([]any)
	wantSkill := map[string]any{
		"skillId": spanishSkillID, "proficiencyLevel": "expert", "userId": stored["userId"],
		"name": "Spanish", "skillGroupName": "Languages", "skillGroupColor": "#1F77B4",
	}
	if len(skills) != 1 || !reflect.DeepEqual(skills[0], wantSkill) {
		t.Fatalf("skills = %v, want [%v]", skills, wantSkill)
	}
	if q := got["queues"].([]any); !reflect.DeepEqual(q, []any{map[string]any{"id": defaultQueueID, "isPreferredAgent": true}}) {
		t.Fatalf("queues = %v", q)
	}
	layouts := got["desktopLayouts"].([]any)
	if len(layouts) != 1 || layouts[0].(map[string]any)["isDefault"] != true ||
		!layoutIDPattern.MatchString(layouts[0].(map[string]any)["id"].(string)) {
		t.Fatalf("desktopLayouts = %v", layouts)
	}
}

func TestCreateAgentStoresFullRecord(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	h.do(http.MethodPost, "/agents", sampleCreateBody()).object(t, http.StatusOK)
	doc, ok := h.srv.AgentByEmail("NOV5UAT@mailinator.com")
	if !ok {
		t.Fatal("agent not stored (lookup is case-insensitive)")
	}
	id, _ := doc["id"].(string)
	if !agentIDPattern.MatchString(id) || !userIDPattern.MatchString(doc["userId"].(string)) {
		t.Fatalf("id %q / userId %q do not look like the samples", id, doc["userId"])
	}
	want := map[string]any{
		"orgId": DefaultSeed().OrgID, "accountId": DefaultAccountID, "iId": DefaultStreamID,
		"status": "ACTIVE", "createdAt": "2025-08-05T06:42:06.414Z", "updatedAt": "2025-08-05T06:42:06.414Z",
		"createdBy": "u-e454bed4-1f28-5a19-83bb-b29cc2370a11", "fullName": "nov05 agent3", "lFullName": "nov05 agent3",
		"attachmentsEnabled": true, "emojisEnabled": true, "maxDigitalChatSupport": 5.0, "maxEmailChatSupport": 5.0,
		"maxMessagingChatSupport": 5.0, "callRegion": "US", "isAccountOwner": false, "onlineStatus": "Offline",
		"onlineStatusType": "OFFLINE", "nickName": "agent three", "phoneNumber": "13456782345",
		"customId": "A..Zxyz09!'''()*+,-./:;<=>?@[]^_`{|}", "canSupportChat": true, "maxChatSupport": 5.0,
		"canSupportVoice": true, "roleId": agentRoleID,
		"agentGroups": []any{map[string]any{"groupId": tier1GroupID, "role": "agent"}},
		"queues": []any{map[string]any{"id": defaultQueueID, "name": "Default Queue",
			"description": "queue description", "isPreferredAgent": true}},
		"chatLanguageSupport":  []any{map[string]any{"language": "en", "proficiency": "expert", "isActive": true}},
		"voiceLanguageSupport": []any{map[string]any{"language": "es", "proficiency": "expert", "isActive": true}},
	}
	for k, v := range want {
		if !reflect.DeepEqual(doc[k], v) {
			t.Errorf("%s = %#v, want %#v", k, doc[k], v)
		}
	}
	for _, k := range []string{"agentGroupId", "createDefaultLayoutAndAssign"} {
		if _, present := doc[k]; present {
			t.Errorf("%s is stored at top level", k)
		}
	}
	skill := doc["skills"].([]any)[0].(map[string]any)
	if !hex24Pattern.MatchString(skill["id"].(string)) || skill["skillGroupId"] != "633ffac608f3a07459939a20" ||
		skill["userId"] != doc["userId"] || skill["name"] != "Spanish" || skill["skillId"] != spanishSkillID {
		t.Errorf("stored skill = %v", skill)
	}
	layout := doc["desktopLayouts"].([]any)[0].(map[string]any)
	if layout["name"] != "Default Layout" || layout["isDefault"] != true {
		t.Errorf("stored layout = %v", layout)
	}
}

func TestCreateAgentReturnsIDSwitch(t *testing.T) {
	h := newHarness(t, Config{CreateAgentReturnsID: true})
	got := h.do(http.MethodPost, "/agents", newAgentBody("with.id@example.com")).object(t, http.StatusOK)
	stored, _ := h.srv.AgentByEmail("with.id@example.com")
	if got["id"] == nil || got["id"] != stored["id"] {
		t.Fatalf("response id = %v, stored id = %v", got["id"], stored["id"])
	}
	// Defaults when little is sent: the default agent group, a default layout.
	if got["agentGroupId"] != defaultGroupID {
		t.Fatalf("agentGroupId = %v, want the default group", got["agentGroupId"])
	}
	if _, echoed := got["createDefaultLayoutAndAssign"]; echoed {
		t.Fatal("createDefaultLayoutAndAssign echoed although not sent")
	}
	if !reflect.DeepEqual(stored["agentGroups"], []any{map[string]any{"groupId": defaultGroupID, "role": "agent"}}) {
		t.Fatalf("agentGroups = %v", stored["agentGroups"])
	}
	if l := stored["desktopLayouts"].([]any); len(l) != 1 {
		t.Fatalf("desktopLayouts = %v", l)
	}
}

func TestCreateAgentPhoneNumberTypes(t *testing.T) {
	h := newHarness(t, Config{})
	for _, c := range []struct {
		sent string
		want string // raw JSON
	}{
		{"13456782345", `13456782345`},
		{"+14155550100", `"+14155550100"`},
		{"0123", `123`},
		{"555-0100", `"555-0100"`},
	} {
		body := newAgentBody("phone" + c.sent + "@example.com")
		body["phoneNumber"] = c.sent
		res := h.do(http.MethodPost, "/agents", body)
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(res.body, &raw); err != nil || res.status != 200 {
			t.Fatalf("%s: status %d, %v", c.sent, res.status, err)
		}
		if string(raw["phoneNumber"]) != c.want {
			t.Errorf("phoneNumber %q answered as %s, want %s", c.sent, raw["phoneNumber"], c.want)
		}
		stored, _ := h.srv.AgentByEmail("phone" + c.sent + "@example.com")
		if stored["phoneNumber"] != c.sent {
			t.Errorf("stored phoneNumber = %v, want the string %q", stored["phoneNumber"], c.sent)
		}
	}
}

func TestCreateAgentSkillByID(t *testing.T) {
	h := newHarness(t, Config{})
	body := newAgentBody("skill.by.id@example.com")
	body["skills"] = []any{map[string]any{"id": defaultSkillID, "proficiencyLevel": "novice"}}
	doc := h.createAgent(body)
	skill := doc["skills"].([]any)[0].(map[string]any)
	if skill["skillId"] != defaultSkillID || skill["name"] != "Default Skill" ||
		skill["skillGroupName"] != "Default SkillGroup" || skill["skillGroupColor"] != "#D2000D" ||
		skill["proficiencyLevel"] != "novice" || skill["id"] == defaultSkillID {
		t.Fatalf("skill = %v", skill)
	}
}

func TestCreateAgentValidation(t *testing.T) {
	with := func(mut func(b map[string]any)) map[string]any {
		b := newAgentBody("valid@example.com")
		mut(b)
		return b
	}
	tests := []struct {
		name   string
		body   any
		status int
		msg    string
	}{
		{"missing emailId", with(func(b map[string]any) { delete(b, "emailId") }), 400, "emailId is required"},
		{"missing firstName", with(func(b map[string]any) { delete(b, "firstName") }), 400, "firstName is required"},
		{"empty lastName", with(func(b map[string]any) { b["lastName"] = " " }), 400, "lastName is required"},
		{"missing roleId", with(func(b map[string]any) { delete(b, "roleId") }), 400, "roleId is required"},
		{"bad email", with(func(b map[string]any) { b["emailId"] = "not-an-email" }), 400, `emailId "not-an-email" is not a valid email address`},
		{"email without domain dot", with(func(b map[string]any) { b["emailId"] = "a@localhost" }), 400, `emailId "a@localhost" is not a valid email address`},
		{"duplicate email, other case", with(func(b map[string]any) { b["emailId"] = "Maria.Lopez@Example.com" }), 409, "Agent with emailId Maria.Lopez@Example.com already exists"},
		{"unknown role", with(func(b map[string]any) { b["roleId"] = "000000000000000000000000" }), 400, "roleId 000000000000000000000000 does not exist"},
		{"unknown agent group", with(func(b map[string]any) { b["agentGroupId"] = "ag-nope" }), 400, "agentGroupId ag-nope does not exist"},
		{"unknown queue", with(func(b map[string]any) { b["queues"] = []any{map[string]any{"id": "qu-nope"}} }), 400, "queue qu-nope does not exist"},
		{"queue without id", with(func(b map[string]any) { b["queues"] = []any{map[string]any{"isPreferredAgent": true}} }), 400, "queues[0].id is required"},
		{"unknown skill", with(func(b map[string]any) { b["skills"] = []any{map[string]any{"skillId": "5f0000000000000000000000"}} }), 400, "skill 5f0000000000000000000000 does not exist"},
		{"skill without id", with(func(b map[string]any) { b["skills"] = []any{map[string]any{"proficiencyLevel": "expert"}} }), 400, "skills[0].skillId is required"},
		{"customId with space", with(func(b map[string]any) { b["customId"] = "EMP 1" }), 400, "customId must not contain spaces"},
		{"language without proficiency", with(func(b map[string]any) {
			b["chatLanguageSupport"] = []any{map[string]any{"language": "en"}}
		}), 400, "chatLanguageSupport[0].proficiency is required"},
		{"language without language", with(func(b map[string]any) {
			b["voiceLanguageSupport"] = []any{map[string]any{"proficiency": "expert"}}
		}), 400, "voiceLanguageSupport[0].language is required"},
		{"maxChatSupport as string", with(func(b map[string]any) { b["maxChatSupport"] = "5" }), 400, "maxChatSupport must be a non-negative integer"},
		{"phoneNumber as number", with(func(b map[string]any) { b["phoneNumber"] = 123 }), 400, "phoneNumber must be a string"},
		{"canSupportChat as string", with(func(b map[string]any) { b["canSupportChat"] = "yes" }), 400, "canSupportChat must be a boolean"},
		{"not JSON", "{", 400, "request body must be a JSON object: unexpected end of JSON input"},
		{"JSON array", "[]", 400, "request body must be a JSON object: json: cannot unmarshal array into Go value of type map[string]interface {}"},
	}
	h := newHarness(t, Config{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := h.do(http.MethodPost, "/agents", tc.body).errorMsg(t, tc.status)
			if msg != tc.msg {
				t.Errorf("msg = %q, want %q", msg, tc.msg)
			}
		})
	}
	if n := len(h.srv.Agents()); n != seededAgents {
		t.Fatalf("%d agents stored after only invalid creates, want %d", n, seededAgents)
	}
}

// Under the DuplicateStatus reading, a duplicate email or name is refused
// with that status and the same message.
func TestDuplicateStatusReading(t *testing.T) {
	h := newHarness(t, Config{Readings: Readings{DuplicateStatus: http.StatusBadRequest}})
	body := map[string]any{"emailId": "maria.lopez@example.com", "firstName": "M", "lastName": "L", "roleId": "67654be356840f366e79aaaa"}
	if msg := h.do(http.MethodPost, "/agents", body).errorMsg(t, http.StatusBadRequest); msg != "Agent with emailId maria.lopez@example.com already exists" {
		t.Errorf("agent: msg = %q", msg)
	}
	if msg := h.do(http.MethodPost, "/agent-groups", map[string]any{"name": "Tier 1", "description": "d"}).errorMsg(t, http.StatusBadRequest); msg != "Agent group with name Tier 1 already exists" {
		t.Errorf("agent group: msg = %q", msg)
	}
}
