package provider

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// campaignBody is a campaign resource of kind ("sms_campaign",
// "voice_campaign") with the given attributes, each a line of HCL, sorted
// by name; a value "" leaves the attribute out.
func campaignBody(kind, name string, attrs map[string]string) string {
	keys := make([]string, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "resource \"smartassist_%s\" %q {\n", kind, name)
	for _, k := range keys {
		if attrs[k] != "" {
			fmt.Fprintf(&b, "  %s = %s\n", k, attrs[k])
		}
	}
	b.WriteString("}\n")
	return b.String()
}

// hoursHCL is calling_hours with the given time zone and windows ("MO
// 09:00 18:00").
func hoursHCL(tz string, windows ...string) string {
	var days []string
	for _, w := range windows {
		f := strings.Fields(w)
		days = append(days, fmt.Sprintf("{ day = %q, start = %q, end = %q }", f[0], f[1], f[2]))
	}
	return fmt.Sprintf("{\n    time_zone = %q\n    days = [%s]\n  }", tz, strings.Join(days, ", "))
}

// smsAttrs is a valid simple SMS campaign, with overrides.
func smsAttrs(name string, override map[string]string) map[string]string {
	a := map[string]string{
		"name": fmt.Sprintf("%q", name), "description": `"Event reminder"`, "contact_lists": `["CL Spring"]`,
		"priority": `"5"`, "caller_id": `"+14155550100"`, "format": `"simple"`, "message": `"See you on Friday"`,
		"calling_hours": hoursHCL("Asia/Kolkata", "MO 09:00 18:00", "TU 09:00 18:00"),
	}
	for k, v := range override {
		a[k] = v
	}
	return a
}

// voiceAttrs is a valid Progressive voice campaign on queue, with
// overrides.
func voiceAttrs(name, queue string, override map[string]string) map[string]string {
	a := map[string]string{
		"name": fmt.Sprintf("%q", name), "description": `"Renewals"`, "contact_lists": `["CL Spring"]`, "dnc_list": `"DNC"`,
		"priority": `"3"`, "caller_id": `"+14155550100"`, "dialing_mode": `"Progressive"`, "dialing_order": `"FIFO"`,
		"max_attempts_per_record": "3", "default_retry_period": "10", "max_ring_time": "30", "queue_name": queue,
		"calling_hours": hoursHCL("America/New_York", "MO 09:00 17:00"),
	}
	for k, v := range override {
		a[k] = v
	}
	return a
}

// TestCampaignBadInput: every configuration the campaign pages call
// invalid stops at plan time, with an error on the attribute, and sends
// nothing.
func TestCampaignBadInput(t *testing.T) {
	skipLive(t, liveNeedsCounts)
	runPlanTimeFailures(t, []badInput{
		{name: "name too long", body: campaignBody("sms_campaign", "x", smsAttrs(strings.Repeat("n", 49), nil)),
			want: `Attribute name string length must be between 1 and 48`},
		{name: "priority out of range", body: campaignBody("sms_campaign", "x", smsAttrs("a", map[string]string{"priority": `"6"`})),
			want: `Attribute priority value must be one of`},
		{name: "unknown day", body: campaignBody("sms_campaign", "x", smsAttrs("a", map[string]string{"calling_hours": hoursHCL("UTC", "MON 09:00 18:00")})),
			want: `calling_hours.days.*day value must be one of`},
		{name: "12-hour time", body: campaignBody("sms_campaign", "x", smsAttrs("a", map[string]string{"calling_hours": hoursHCL("UTC", "MO 9:00AM 18:00")})),
			want: `"9:00AM" is not a 24-hour time HH:MM`},
		{name: "window ends before it starts", body: campaignBody("sms_campaign", "x", smsAttrs("a", map[string]string{"calling_hours": hoursHCL("UTC", "MO 18:00 09:00")})),
			want: `The window of MO from 18:00 to 09:00 ends before it starts`},
		{name: "unknown time zone", body: campaignBody("sms_campaign", "x", smsAttrs("a", map[string]string{"calling_hours": hoursHCL("India/Kolkata", "MO 09:00 18:00")})),
			want: `"India/Kolkata" is not an IANA time zone name`},
		{name: "template without its name", body: campaignBody("sms_campaign", "x", smsAttrs("a", map[string]string{"format": `"template"`})),
			want: `A campaign with format = "template" requires template_name`},
		{name: "advanced with a message", body: campaignBody("sms_campaign", "x", smsAttrs("a", map[string]string{"format": `"advanced"`, "experience_flow_name": `"Flow"`})),
			want: `message has no use for a campaign with format = "advanced"`},
		{name: "preview without max_skips", body: campaignBody("voice_campaign", "x", voiceAttrs("a", `"Sales"`, map[string]string{"dialing_mode": `"Preview"`})),
			want: `A campaign with dialing_mode = "Preview" requires max_skips`},
		{name: "agentless on a queue", body: campaignBody("voice_campaign", "x", voiceAttrs("a", `"Sales"`, map[string]string{"dialing_mode": `"Agentless"`,
			"experience_flow_name": `"Survey"`, "enable_machine_detect": `"detect"`})),
			want: `queue_name has no use for a campaign with dialing_mode = "Agentless"`},
		{name: "ring time out of range", body: campaignBody("voice_campaign", "x", voiceAttrs("a", `"Sales"`, map[string]string{"max_ring_time": "121"})),
			want: `Attribute max_ring_time value must be between 5 and 120`},
		{name: "retry period out of range", body: campaignBody("voice_campaign", "x", voiceAttrs("a", `"Sales"`, map[string]string{"default_retry_period": "0"})),
			want: `Attribute default_retry_period value must be between 1 and 1440`},
		{name: "voice without a do-not-call list", body: campaignBody("voice_campaign", "x", voiceAttrs("a", `"Sales"`, map[string]string{"dnc_list": ""})),
			want: `The argument "dnc_list" is required`},
		{name: "no contact list", body: campaignBody("voice_campaign", "x", voiceAttrs("a", `"Sales"`, map[string]string{"contact_lists": "[]"})),
			want: `Attribute contact_lists set must contain at least 1 elements`},
	})
}
