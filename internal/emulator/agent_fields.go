package emulator

import (
	"math"
	"net/http"
	"net/mail"
	"strings"
	"unicode"
)

// Field types the create and update pages document, checked on both.
var (
	agentStringFields = []string{
		"emailId", "firstName", "lastName", "nickName", "phoneNumber", "customId",
		"roleId", "agentGroupId", "fullName", "lFullName", "status", "createdBy",
		"createdByAId", "userId", "accountId", "orgId", "iId", "id", "hoursOfOperationId",
	}
	agentBoolFields = []string{
		"canSupportChat", "canSupportVoice", "canSupportCase", "canSupportVoiceMail",
		"attachmentsEnabled", "emojisEnabled", "isAccountOwner", "markedAutoAway",
		"createDefaultLayoutAndAssign",
	}
	agentCountFields = []string{
		"maxChatSupport", "maxDigitalChatSupport", "maxEmailChatSupport", "maxMessagingChatSupport",
		"maxCaseSupport", "maxTaskSupport", "maxVoiceMailSupport", "maxDigitalConvoLimit",
	}
	agentArrayFields = []string{
		"chatLanguageSupport", "voiceLanguageSupport", "caseLanguageSupport", "skills", "queues",
		"desktopLayouts", "agentGroups", "dAgentGroups", "voiceSupport",
	}
)

func badRequest(format string, args ...any) *apiError {
	return errorf(http.StatusBadRequest, format, args...)
}

// requireStrings reports the first of keys that is missing, empty or not a
// string.
func requireStrings(doc map[string]any, keys ...string) *apiError {
	for _, k := range keys {
		v, ok := doc[k]
		if !ok || v == nil {
			return badRequest("%s is required", k)
		}
		s, isStr := v.(string)
		if !isStr {
			return badRequest("%s must be a string", k)
		}
		if strings.TrimSpace(s) == "" {
			return badRequest("%s is required", k)
		}
	}
	return nil
}

// checkAgentTypes drops top-level nulls (JSON null means "not set") and
// checks the type of every documented field that is present.
func checkAgentTypes(doc map[string]any) *apiError {
	for k, v := range doc {
		if v == nil {
			delete(doc, k)
		}
	}
	for _, k := range agentStringFields {
		if v, ok := doc[k]; ok {
			if _, isStr := v.(string); !isStr {
				return badRequest("%s must be a string", k)
			}
		}
	}
	for _, k := range agentBoolFields {
		if v, ok := doc[k]; ok {
			if _, isBool := v.(bool); !isBool {
				return badRequest("%s must be a boolean", k)
			}
		}
	}
	for _, k := range agentCountFields {
		if v, ok := doc[k]; ok {
			if n, isNum := v.(float64); !isNum || n < 0 || n != math.Trunc(n) {
				return badRequest("%s must be a non-negative integer", k)
			}
		}
	}
	for _, k := range agentArrayFields {
		if v, ok := doc[k]; ok {
			if _, isArr := v.([]any); !isArr {
				return badRequest("%s must be an array", k)
			}
		}
	}
	return nil
}

// validEmail accepts a bare address with a dotted domain, e.g. a@example.com.
func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}

// objects returns doc[key] as a list of objects, or an error naming the first
// entry that is not an object.
func objects(doc map[string]any, key string) ([]map[string]any, *apiError) {
	arr, _ := doc[key].([]any)
	out := make([]map[string]any, 0, len(arr))
	for i, e := range arr {
		m, ok := e.(map[string]any)
		if !ok {
			return nil, badRequest("%s[%d] must be an object", key, i)
		}
		out = append(out, m)
	}
	return out, nil
}

// entryString reads a required, non-empty string member of an array entry.
func entryString(m map[string]any, array string, i int, key string) (string, *apiError) {
	v, present := m[key]
	s, ok := v.(string)
	if !present || v == nil || (ok && strings.TrimSpace(s) == "") {
		return "", badRequest("%s[%d].%s is required", array, i, key)
	}
	if !ok {
		return "", badRequest("%s[%d].%s must be a string", array, i, key)
	}
	return s, nil
}

// normalizeAgentLocked validates an agent document sent to create or update
// and rewrites it into its stored form. userID is the agent's user id; old
// is the stored record on update (nil on create), whose skill mapping ids are
// kept for skills the agent keeps. Duplicate emails are checked by the
// caller, after this.
func (s *Server) normalizeAgentLocked(doc map[string]any, userID string, old map[string]any) *apiError {
	if e := checkAgentTypes(doc); e != nil {
		return e
	}
	if email := str(doc, "emailId"); !validEmail(email) {
		return badRequest("emailId %q is not a valid email address", email)
	}
	if c, ok := doc["customId"].(string); ok && strings.ContainsFunc(c, unicode.IsSpace) {
		return badRequest("customId must not contain spaces")
	}
	for _, key := range []string{"chatLanguageSupport", "voiceLanguageSupport"} {
		if e := normalizeLanguages(doc, key); e != nil {
			return e
		}
	}
	if e := s.checkReferencesLocked(doc); e != nil {
		return e
	}
	if e := s.normalizeQueuesLocked(doc); e != nil {
		return e
	}
	if e := s.normalizeSkillsLocked(doc, userID, old); e != nil {
		return e
	}
	layouts, e := objects(doc, "desktopLayouts")
	if e != nil {
		return e
	}
	for i, l := range layouts {
		if _, e := entryString(l, "desktopLayouts", i, "id"); e != nil {
			return e
		}
	}
	return nil
}

// normalizeLanguages checks language entries and defaults isActive to true.
func normalizeLanguages(doc map[string]any, key string) *apiError {
	entries, e := objects(doc, key)
	if e != nil {
		return e
	}
	for i, l := range entries {
		for _, f := range []string{"language", "proficiency"} {
			if _, e := entryString(l, key, i, f); e != nil {
				return e
			}
		}
		switch l["isActive"].(type) {
		case nil:
			l["isActive"] = true
		case bool:
		default:
			return badRequest("%s[%d].isActive must be a boolean", key, i)
		}
	}
	return nil
}

// checkReferencesLocked checks that roleId and hoursOfOperationId name
// seeded objects, and agentGroupId and agentGroups stored agent groups.
func (s *Server) checkReferencesLocked(doc map[string]any) *apiError {
	if id, ok := doc["roleId"].(string); ok {
		if _, known := s.ref.roles[id]; !known {
			return badRequest("roleId %s does not exist", id)
		}
	}
	if id, ok := doc["agentGroupId"].(string); ok {
		if _, known := s.agentGroups.get(id); !known {
			return badRequest("agentGroupId %s does not exist", id)
		}
	}
	if id, ok := doc["hoursOfOperationId"].(string); ok {
		if _, known := s.ref.hours[id]; !known {
			return badRequest("hoursOfOperationId %s does not exist", id)
		}
	}
	groups, e := objects(doc, "agentGroups")
	if e != nil {
		return e
	}
	for i, g := range groups {
		id, e := entryString(g, "agentGroups", i, "groupId")
		if e != nil {
			return e
		}
		if _, e := entryString(g, "agentGroups", i, "role"); e != nil {
			return e
		}
		if _, known := s.agentGroups.get(id); !known {
			return badRequest("agentGroups[%d].groupId %s does not exist", i, id)
		}
	}
	return nil
}

// normalizeQueuesLocked rewrites queue entries to the stored shape
// {id, name, description, isPreferredAgent}.
func (s *Server) normalizeQueuesLocked(doc map[string]any) *apiError {
	if _, present := doc["queues"]; !present {
		return nil
	}
	entries, e := objects(doc, "queues")
	if e != nil {
		return e
	}
	out := make([]any, 0, len(entries))
	seen := map[string]bool{}
	for i, q := range entries {
		id, e := entryString(q, "queues", i, "id")
		if e != nil {
			return e
		}
		queue, known := s.queues.get(id)
		if !known {
			return badRequest("queue %s does not exist", id)
		}
		if seen[id] {
			return badRequest("queue %s is listed more than once", id)
		}
		seen[id] = true
		preferred := false
		switch v := q["isPreferredAgent"].(type) {
		case nil:
		case bool:
			preferred = v
		default:
			return badRequest("queues[%d].isPreferredAgent must be a boolean", i)
		}
		out = append(out, queueEntry(queue, preferred))
	}
	doc["queues"] = out
	return nil
}

// normalizeSkillsLocked rewrites skill entries to the stored shape. The skill
// is named by skillId or, failing that, id (the create page documents
// neither; the GET sample uses skillId, with id holding the mapping id).
func (s *Server) normalizeSkillsLocked(doc map[string]any, userID string, old map[string]any) *apiError {
	if _, present := doc["skills"]; !present {
		return nil
	}
	entries, e := objects(doc, "skills")
	if e != nil {
		return e
	}
	mappings := map[string]string{}
	oldSkills, _ := old["skills"].([]any)
	for _, o := range oldSkills {
		if m, ok := o.(map[string]any); ok && str(m, "skillId") != "" && str(m, "id") != "" {
			mappings[str(m, "skillId")] = str(m, "id")
		}
	}
	out := make([]any, 0, len(entries))
	seen := map[string]bool{}
	for i, sk := range entries {
		key := "skillId"
		if _, ok := sk["skillId"]; !ok {
			key = "id"
		}
		if _, ok := sk[key]; !ok {
			return badRequest("skills[%d].skillId is required", i)
		}
		id, e := entryString(sk, "skills", i, key)
		if e != nil {
			return e
		}
		skill, known := s.skills.get(id)
		if !known {
			return badRequest("skill %s does not exist", id)
		}
		if seen[id] {
			return badRequest("skill %s is listed more than once", id)
		}
		seen[id] = true
		mapping := mappings[id]
		if mapping == "" {
			mapping = newMappingID()
		}
		entry := s.skillEntryLocked(skill, userID, mapping)
		switch v := sk["proficiencyLevel"].(type) {
		case nil:
		case string:
			entry["proficiencyLevel"] = v
		default:
			return badRequest("skills[%d].proficiencyLevel must be a string", i)
		}
		out = append(out, entry)
	}
	doc["skills"] = out
	return nil
}

// skillEntryLocked builds the entry an agent record holds for one of its
// skills, with the skill's and its group's names as they are now. mapping
// is the entry's own id.
func (s *Server) skillEntryLocked(skill map[string]any, userID, mapping string) map[string]any {
	group, _ := s.skillGroups.get(str(skill, "skillGroupId"))
	return map[string]any{
		"skillId":         skill["id"],
		"userId":          userID,
		"id":              mapping,
		"name":            skill["name"],
		"skillGroupId":    skill["skillGroupId"],
		"skillGroupName":  group["name"],
		"skillGroupColor": group["color"],
	}
}

// queueEntry builds the entry an agent record holds for one of its queues.
func queueEntry(queue map[string]any, preferred bool) map[string]any {
	return map[string]any{
		"id":               queue["id"],
		"name":             queue["name"],
		"description":      queue["description"],
		"isPreferredAgent": preferred,
	}
}
