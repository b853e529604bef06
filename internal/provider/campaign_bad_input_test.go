package provider

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
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
	env := newTestEnv(t)
	cases := []struct {
		name, body, want string
	}{
		{"name too long", campaignBody("sms_campaign", "x", smsAttrs(strings.Repeat("n", 49), nil)),
			`Attribute name string length must be between 1 and 48`},
		{"priority out of range", campaignBody("sms_campaign", "x", smsAttrs("a", map[string]string{"priority": `"6"`})),
			`Attribute priority value must be one of`},
		{"unknown day", campaignBody("sms_campaign", "x", smsAttrs("a", map[string]string{"calling_hours": hoursHCL("UTC", "MON 09:00 18:00")})),
			`calling_hours.days.*day value must be one of`},
		{"12-hour time", campaignBody("sms_campaign", "x", smsAttrs("a", map[string]string{"calling_hours": hoursHCL("UTC", "MO 9:00AM 18:00")})),
			`"9:00AM" is not a 24-hour time HH:MM`},
		{"window ends before it starts", campaignBody("sms_campaign", "x", smsAttrs("a", map[string]string{"calling_hours": hoursHCL("UTC", "MO 18:00 09:00")})),
			`The window of MO from 18:00 to 09:00 ends before it starts`},
		{"unknown time zone", campaignBody("sms_campaign", "x", smsAttrs("a", map[string]string{"calling_hours": hoursHCL("India/Kolkata", "MO 09:00 18:00")})),
			`"India/Kolkata" is not an IANA time zone name`},
		{"template without its name", campaignBody("sms_campaign", "x", smsAttrs("a", map[string]string{"format": `"template"`})),
			`A campaign with format = "template" requires template_name`},
		{"advanced with a message", campaignBody("sms_campaign", "x", smsAttrs("a", map[string]string{"format": `"advanced"`, "experience_flow_name": `"Flow"`})),
			`message has no use for a campaign with format = "advanced"`},
		{"preview without max_skips", campaignBody("voice_campaign", "x", voiceAttrs("a", `"Sales"`, map[string]string{"dialing_mode": `"Preview"`})),
			`A campaign with dialing_mode = "Preview" requires max_skips`},
		{"agentless on a queue", campaignBody("voice_campaign", "x", voiceAttrs("a", `"Sales"`, map[string]string{"dialing_mode": `"Agentless"`,
			"experience_flow_name": `"Survey"`, "enable_machine_detect": `"detect"`})),
			`queue_name has no use for a campaign with dialing_mode = "Agentless"`},
		{"ring time out of range", campaignBody("voice_campaign", "x", voiceAttrs("a", `"Sales"`, map[string]string{"max_ring_time": "121"})),
			`Attribute max_ring_time value must be between 5 and 120`},
		{"retry period out of range", campaignBody("voice_campaign", "x", voiceAttrs("a", `"Sales"`, map[string]string{"default_retry_period": "0"})),
			`Attribute default_retry_period value must be between 1 and 1440`},
		{"voice without a do-not-call list", campaignBody("voice_campaign", "x", voiceAttrs("a", `"Sales"`, map[string]string{"dnc_list": ""})),
			`The argument "dnc_list" is required`},
		{"no contact list", campaignBody("voice_campaign", "x", voiceAttrs("a", `"Sales"`, map[string]string{"contact_lists": "[]"})),
			`Attribute contact_lists set must contain at least 1 elements`},
	}
	var steps []resource.TestStep
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{
			PreConfig:   func() { t.Logf("case %q", tc.name) },
			Config:      env.config(tc.body),
			PlanOnly:    true,
			ExpectError: wrapped(tc.want),
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testProviderFactories, Steps: steps})
	env.expectNoRequests(t)
}
