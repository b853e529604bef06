package emulator

import (
	"crypto/sha1"
	"encoding/hex"
	"math"
	"strings"
	"time"
	_ "time/tzdata" // calling-hours time zones are checked against the IANA database, whatever the host has
)

// The create and update bodies of campaigns, as the v2 create pages
// describe them: "Create SMS Campaign (Without SMS Template (v2))"
// (https://docs.kore.ai/ai-for-service/apis/contact-center/create-sms-campaign-without-template-v2),
// "… (Using Template (v2))" (…/create-sms-campaign-using-template-v2),
// "… (Advanced Format(v2))" (…/create-sms-campaign-advanced-format-v2),
// "Create Voice Campaign - Agentless Mode (v2)" (…/create-voice-campaign-agentless-v2),
// "… Progressive Mode (v2)" (…/create-voice-campaign-progressive-v2) and
// "… Preview Mode (v2)" (…/create-voice-campaign-preview-v2). The update
// pages ("Update SMS Campaign (v2)", "Update Voice Campaign (v2)") take
// the same body, whole: an update replaces every member the body holds.

// Campaign kinds, the campaignType query parameter.
const (
	campaignSMS   = "sms"
	campaignVoice = "voice"
)

var (
	campaignDays        = map[string]bool{"MO": true, "TU": true, "WE": true, "TH": true, "FR": true, "SA": true, "SU": true}
	campaignFrequencies = map[string]bool{"WEEKLY": true, "DAILY": true, "CUSTOM": true}
	campaignPriorities  = map[string]bool{"1": true, "2": true, "3": true, "4": true, "5": true}
	dialingModes        = map[string]bool{"Agentless": true, "Progressive": true, "Preview": true}
	dialingOrders       = map[string]bool{"FIFO": true, "LIFO": true}
	machineDetectModes  = map[string]bool{"no": true, "detect": true, "disconnect": true}
	smsFormats          = map[string]bool{"simple": true, "advanced": true}
)

// campaignInput is a checked create or update body: fields are the
// record's members (internal ones included: contactListIds, dncListId,
// queueId, experienceFlowName, enableMachineDetect), and
// isSchedulingEnabled when the body sends schedule.
type campaignInput struct {
	fields map[string]any
}

// parseCampaignLocked checks a body for a campaign of kind and resolves
// the names it holds (contact lists, the DNC list, the queue) to ids.
func (s *Server) parseCampaignLocked(body map[string]any, kind string) (*campaignInput, *apiError) {
	f := map[string]any{}
	if v, ok := body["campaignType"]; ok && v != nil && v != kind {
		return nil, badRequest("campaignType in the body must be %q, as the campaignType query parameter says, got %v", kind, v)
	}
	name, e := requiredText(body, "name", maxCampaignNameLen)
	if e != nil {
		return nil, e
	}
	f["name"], f["lname"] = name, strings.ToLower(name)

	advanced := kind == campaignSMS && body["format"] == "advanced"
	// The advanced SMS page alone calls description and priority optional.
	if advanced {
		desc, e := optionalText(body, "description", maxCampaignDescriptionLen)
		if e != nil {
			return nil, e
		}
		f["description"] = desc
	} else {
		desc, e := requiredText(body, "description", maxCampaignDescriptionLen)
		if e != nil {
			return nil, e
		}
		f["description"] = desc
	}
	if p, present := body["priority"]; present && p != nil || !advanced {
		ps, ok := p.(string)
		if !ok || !campaignPriorities[ps] {
			return nil, badRequest(`priority is required and must be one of "1", "2", "3", "4" or "5" (a string), got %v`, p)
		}
		f["priority"] = ps
	}

	ids, e := s.campaignContactListsLocked(body["contactLists"])
	if e != nil {
		return nil, e
	}
	f["contactListIds"] = ids
	dnc, e := s.campaignDNCListLocked(body["dncLists"], kind == campaignVoice)
	if e != nil {
		return nil, e
	}
	f["dncListId"] = dnc

	strategy, e := campaignStrategy(body["dialingStrategy"], kind == campaignVoice)
	if e != nil {
		return nil, e
	}
	f["dialingStrategy"] = strategy

	if v, present := body["schedule"]; present && v != nil {
		sched, e := campaignScheduleFlag(v)
		if e != nil {
			return nil, e
		}
		f["isSchedulingEnabled"] = sched
	}

	if kind == campaignVoice {
		e = s.parseVoiceLocked(body, f)
	} else {
		e = parseSMS(body, f)
	}
	if e != nil {
		return nil, e
	}
	return &campaignInput{fields: f}, nil
}

// parseVoiceLocked reads what a voice campaign adds: dialingMode and what
// it requires (Agentless: experienceFlowName and enableMachineDetect;
// Progressive: queue_name; Preview: queue_name and maxSkips). The v2
// pages removed enableMachineDetect from Progressive and Preview, so it is
// refused there.
func (s *Server) parseVoiceLocked(body, f map[string]any) *apiError {
	mode, _ := body["dialingMode"].(string)
	if !dialingModes[mode] {
		return badRequest("dialingMode is required and must be one of Agentless, Progressive or Preview, got %v", body["dialingMode"])
	}
	f["dialingMode"] = mode
	if mode == "Agentless" {
		flow, e := requiredText(body, "experienceFlowName", 0)
		if e != nil {
			return e
		}
		f["experienceFlowName"] = flow
		amd, _ := body["enableMachineDetect"].(string)
		if !machineDetectModes[amd] {
			return badRequest("enableMachineDetect is required in Agentless mode and must be one of no, detect or disconnect, got %v", body["enableMachineDetect"])
		}
		f["enableMachineDetect"] = amd
		return nil
	}
	if v, ok := body["enableMachineDetect"]; ok && v != nil {
		return badRequest("enableMachineDetect is supported in Agentless mode only, not in %s mode", mode)
	}
	queue, e := requiredText(body, "queue_name", 0)
	if e != nil {
		return e
	}
	q := s.queues.byName(queue, "")
	if q == nil {
		return badRequest("Queue not found: %s", queue)
	}
	f["queueId"] = q["id"]
	if mode == "Preview" {
		n, ok := wholeNumber(body["maxSkips"])
		if !ok || n < 0 {
			return badRequest("maxSkips is required in Preview mode and must be a non-negative integer, got %v", body["maxSkips"])
		}
		f["maxSkips"] = float64(n)
	}
	return nil
}

// parseSMS reads what an SMS campaign adds: format, and message.message
// (with an optional message.template_name, answered with a templateId) for
// simple, experienceFlowName for advanced.
func parseSMS(body, f map[string]any) *apiError {
	format, _ := body["format"].(string)
	if !smsFormats[format] {
		return badRequest("format is required and must be simple or advanced, got %v", body["format"])
	}
	f["format"] = format
	if format == "advanced" {
		flow, e := requiredText(body, "experienceFlowName", 0)
		if e != nil {
			return e
		}
		f["experienceFlowName"] = flow
		return nil
	}
	msg, ok := body["message"].(map[string]any)
	if !ok {
		return badRequest("message is required for the simple format and must be an object")
	}
	text, e := requiredText(msg, "message", 0)
	if e != nil {
		return badRequest("message.message is required and must be a string")
	}
	out := map[string]any{"message": text}
	if tn, present := msg["template_name"]; present && tn != nil {
		name, ok := tn.(string)
		if !ok || strings.TrimSpace(name) == "" {
			return badRequest("message.template_name must be a non-empty string")
		}
		out["template_name"] = name
		out["templateId"] = derivedID("cmt-", "template:"+name)
	}
	f["message"] = out
	return nil
}

// campaignContactListsLocked resolves contactLists, a non-empty array of
// names of existing lists, to ids.
func (s *Server) campaignContactListsLocked(v any) ([]any, *apiError) {
	names, ok := v.([]any)
	if !ok || len(names) == 0 {
		return nil, badRequest("contactLists is required and must be a non-empty array of contact list names")
	}
	ids := make([]any, 0, len(names))
	for i, n := range names {
		name, ok := n.(string)
		if !ok || strings.TrimSpace(name) == "" {
			return nil, badRequest("contactLists[%d] must be a contact list name", i)
		}
		list := s.contactLists.byName(name, "")
		if list == nil {
			return nil, badRequest("Contact list not found: %s", name)
		}
		ids = append(ids, list["id"])
	}
	return ids, nil
}

// campaignDNCListLocked resolves dncLists.name to a list id; "" when the
// (SMS) body leaves it out.
func (s *Server) campaignDNCListLocked(v any, required bool) (string, *apiError) {
	if v == nil {
		if required {
			return "", badRequest("dncLists is required and must be an object with the name of a contact list")
		}
		return "", nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return "", badRequest("dncLists must be an object with the name of a contact list")
	}
	name, ok := m["name"].(string)
	if !ok || strings.TrimSpace(name) == "" {
		return "", badRequest("dncLists.name is required and must be a contact list name")
	}
	list := s.contactLists.byName(name, "")
	if list == nil {
		return "", badRequest("DNC list not found: %s", name)
	}
	return str(list, "id"), nil
}

// campaignStrategy checks dialingStrategy: callerId.phoneNumber and
// callingHours (frequency, an IANA timezone, days of {day MO..SU, start,
// end as "9:00 AM"}) always; dialingOrder (FIFO or LIFO),
// maxAttemptsPerRecord (1 to 100), defaultRetryPeriod (1 to 1440 minutes)
// and maxRingTime (5 to 120 seconds) for voice. It answers the members it
// knows, as the API stores them; voice adds useSystemMappings false.
func campaignStrategy(v any, voice bool) (map[string]any, *apiError) {
	ds, ok := v.(map[string]any)
	if !ok {
		return nil, badRequest("dialingStrategy is required and must be an object")
	}
	caller, _ := ds["callerId"].(map[string]any)
	phone, _ := caller["phoneNumber"].(string)
	if strings.TrimSpace(phone) == "" {
		return nil, badRequest("dialingStrategy.callerId.phoneNumber is required and must be a string")
	}
	hours, ok := ds["callingHours"].(map[string]any)
	if !ok {
		return nil, badRequest("dialingStrategy.callingHours is required and must be an object")
	}
	freq, _ := hours["frequency"].(string)
	if !campaignFrequencies[freq] {
		return nil, badRequest("dialingStrategy.callingHours.frequency must be one of WEEKLY, DAILY or CUSTOM, got %v", hours["frequency"])
	}
	tz, _ := hours["timezone"].(string)
	if e := checkTimeZone(tz, "dialingStrategy.callingHours.timezone"); e != nil {
		return nil, e
	}
	days, e := campaignDayWindows(hours["days"], "dialingStrategy.callingHours.days")
	if e != nil {
		return nil, e
	}
	out := map[string]any{
		"callerId":     map[string]any{"phoneNumber": phone},
		"callingHours": map[string]any{"frequency": freq, "timezone": tz, "days": days},
	}
	if !voice {
		return out, nil
	}
	order, _ := ds["dialingOrder"].(string)
	if !dialingOrders[order] {
		return nil, badRequest("dialingStrategy.dialingOrder is required and must be FIFO or LIFO, got %v", ds["dialingOrder"])
	}
	out["dialingOrder"] = order
	for _, r := range []struct {
		key      string
		min, max int
	}{{"maxAttemptsPerRecord", 1, 100}, {"defaultRetryPeriod", 1, 1440}, {"maxRingTime", 5, 120}} {
		n, ok := wholeNumber(ds[r.key])
		if !ok || n < r.min || n > r.max {
			return nil, badRequest("dialingStrategy.%s is required and must be an integer from %d to %d, got %v", r.key, r.min, r.max, ds[r.key])
		}
		out[r.key] = float64(n)
	}
	out["useSystemMappings"] = false
	return out, nil
}

// campaignDayWindows checks a non-empty array of {day, start, end}.
func campaignDayWindows(v any, label string) ([]any, *apiError) {
	raw, ok := v.([]any)
	if !ok || len(raw) == 0 {
		return nil, badRequest("%s is required and must be a non-empty array", label)
	}
	out := make([]any, 0, len(raw))
	for i, d := range raw {
		m, ok := d.(map[string]any)
		if !ok {
			return nil, badRequest("%s[%d] must be an object with day, start and end", label, i)
		}
		day, _ := m["day"].(string)
		if !campaignDays[day] {
			return nil, badRequest("%s[%d].day must be one of MO, TU, WE, TH, FR, SA or SU, got %v", label, i, m["day"])
		}
		w := map[string]any{"day": day}
		for _, k := range []string{"start", "end"} {
			t, _ := m[k].(string)
			if _, err := time.Parse("3:04 PM", t); err != nil {
				return nil, badRequest(`%s[%d].%s must be a time such as "9:00 AM", got %v`, label, i, k, m[k])
			}
			w[k] = t
		}
		out = append(out, w)
	}
	return out, nil
}

// checkTimeZone accepts an IANA time zone name such as "Asia/Kolkata".
func checkTimeZone(tz, label string) *apiError {
	if tz == "" || tz == "Local" {
		return badRequest("%s is required and must be an IANA time zone such as Asia/Kolkata", label)
	}
	if _, err := time.LoadLocation(tz); err != nil {
		return badRequest("%s %q is not an IANA time zone", label, tz)
	}
	return nil
}

// campaignScheduleFlag reads the optional schedule.isSchedulingEnabled of
// a create or update body (false when absent).
func campaignScheduleFlag(v any) (bool, *apiError) {
	if v == nil {
		return false, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return false, badRequest("schedule must be an object")
	}
	return optionalBool(m, "isSchedulingEnabled", "schedule.isSchedulingEnabled", false)
}

// wholeNumber reads a JSON number that is an integer.
func wholeNumber(v any) (int, bool) {
	f, ok := v.(float64)
	if !ok || f != math.Trunc(f) || math.Abs(f) > 1e9 {
		return 0, false
	}
	return int(f), true
}

// derivedID is an id the emulator derives from a name it has no object
// for (an experience flow, an SMS template): the same name always gives
// the same id, shaped like the samples' "cf-…" and "cmt-…" ids.
func derivedID(prefix, name string) string {
	sum := sha1.Sum([]byte(name))
	h := hex.EncodeToString(sum[:])
	return prefix + h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}
