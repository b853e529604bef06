package emulator

import (
	"net/http"
	"time"
)

// Campaign schedules, keyed by campaign name: "Enable Daily Scheduling of
// Voice or SMS Campaign"
// (https://docs.kore.ai/ai-for-service/apis/contact-center/enable-voice-or-sms-campaign-schedule-daily),
// "Enable Weekly Scheduling of Voice or SMS Campaign"
// (…/enable-voice-or-sms-campaign-schedule-weekly) and "Disable a Scheduled
// Voice or SMS Campaign API" (…/disable-voice-or-sms-campaign-schedule).
//
// A campaign's schedule member answers isSchedulingEnabled and
// isRecurrenceEnabled only, as the read samples do; the schedule itself
// (startDateTime, endDateTime, recurrenceObject) is kept on the stored
// record's schedule for tests to assert on (Server.Campaign).

// scheduleLayout is the pages' "YYYY-MM-DD HH:mm:ss"; month and day may be
// one digit, as a sample's "2026-01-1 18:29:00" is.
const scheduleLayout = "2006-1-2 15:04:05"

var scheduleWeekdays = map[string]bool{"Mon": true, "Tue": true, "Wed": true, "Thu": true, "Fri": true, "Sat": true, "Sun": true}

// scheduleCampaign serves POST
// /campaign/schedule?enableSchedule=true|false&campaignName=…. The campaign
// is found by name, ignoring case (an unknown name is a missing object).
// true takes startDateTime and endDateTime (endDateTime after both
// startDateTime and now, read as UTC) and recurrenceObject: recurType Daily
// with dailyDetails.onceEveryNdays (an integer of at least 1), or Weekly
// with weeklyDetails {onceEveryNweeks, whichDays (Mon … Sun, no repeats)};
// the weekly page's table names that object dailyDetails while its sample
// sends weeklyDetails, so both are read. It answers {"status":"success",
// "message":…,"id":…} and sets schedule.isSchedulingEnabled and
// isRecurrenceEnabled; false clears them (the body is ignored), also when
// no schedule was enabled.
func (s *Server) scheduleCampaign(r *http.Request, _ map[string]string) (any, *apiError) {
	q := r.URL.Query()
	name := q.Get("campaignName")
	if name == "" {
		return nil, badRequest("campaignName query parameter is required")
	}
	enable := q.Get("enableSchedule")
	if enable != "true" && enable != "false" {
		return nil, badRequest("enableSchedule query parameter must be true or false, got %q", enable)
	}
	var sched map[string]any
	if enable == "true" {
		body, e := decodeObject(r)
		if e != nil {
			return nil, e
		}
		if sched, e = s.parseSchedule(body); e != nil {
			return nil, e
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	doc := s.campaigns.byName(name, "")
	if doc == nil {
		return nil, missing("Campaign not found: %s", name)
	}
	message := "Campaign " + str(doc, "name") + " scheduled successfully"
	if sched == nil {
		sched = map[string]any{"isSchedulingEnabled": false, "isRecurrenceEnabled": false}
		message = "Campaign " + str(doc, "name") + " schedule has been disabled successfully"
	}
	doc["schedule"] = sched
	doc["updatedAt"] = s.timestamp()
	return map[string]any{"status": "success", "message": message, "id": doc["id"]}, nil
}

// parseSchedule checks an enable-schedule body and returns the stored
// schedule.
func (s *Server) parseSchedule(body map[string]any) (map[string]any, *apiError) {
	var times [2]time.Time
	for i, k := range []string{"startDateTime", "endDateTime"} {
		v, _ := body[k].(string)
		t, err := time.Parse(scheduleLayout, v)
		if err != nil {
			return nil, badRequest(`%s is required in the format YYYY-MM-DD HH:mm:ss, such as "2026-01-27 18:29:00", got %v`, k, body[k])
		}
		times[i] = t
	}
	if !times[1].After(times[0]) || !times[1].After(s.now().UTC()) {
		return nil, badRequest("endDateTime must be later than startDateTime and than now")
	}
	rec, ok := body["recurrenceObject"].(map[string]any)
	if !ok {
		return nil, badRequest("recurrenceObject is required and must be an object")
	}
	out := map[string]any{"recurType": rec["recurType"]}
	switch rec["recurType"] {
	case "Daily":
		d, _ := rec["dailyDetails"].(map[string]any)
		n, ok := wholeNumber(d["onceEveryNdays"])
		if !ok || n < 1 {
			return nil, badRequest("recurrenceObject.dailyDetails.onceEveryNdays is required for Daily and must be an integer of at least 1, got %v", d["onceEveryNdays"])
		}
		out["dailyDetails"] = map[string]any{"onceEveryNdays": float64(n)}
	case "Weekly":
		w, ok := rec["weeklyDetails"].(map[string]any)
		if !ok {
			w, _ = rec["dailyDetails"].(map[string]any)
		}
		n, ok := wholeNumber(w["onceEveryNweeks"])
		if !ok || n < 1 {
			return nil, badRequest("recurrenceObject.weeklyDetails.onceEveryNweeks is required for Weekly and must be an integer of at least 1, got %v", w["onceEveryNweeks"])
		}
		days, _ := w["whichDays"].([]any)
		if len(days) == 0 {
			return nil, badRequest("recurrenceObject.weeklyDetails.whichDays is required for Weekly and must be a non-empty array of Mon, Tue, Wed, Thu, Fri, Sat or Sun")
		}
		seen := map[string]bool{}
		for i, d := range days {
			day, _ := d.(string)
			if !scheduleWeekdays[day] || seen[day] {
				return nil, badRequest("recurrenceObject.weeklyDetails.whichDays[%d] must be one of Mon, Tue, Wed, Thu, Fri, Sat or Sun, each once, got %v", i, d)
			}
			seen[day] = true
		}
		out["weeklyDetails"] = map[string]any{"onceEveryNweeks": float64(n), "whichDays": deepCopy(days)}
	default:
		return nil, badRequest("recurrenceObject.recurType must be Daily or Weekly, got %v", rec["recurType"])
	}
	return map[string]any{
		"isSchedulingEnabled": true, "isRecurrenceEnabled": true,
		"startDateTime": body["startDateTime"], "endDateTime": body["endDateTime"], "recurrenceObject": out,
	}, nil
}
