package emulator

import (
	"encoding/json"
	"testing"
)

// campaignReadingsDefaultJSON is the JSON of the default campaign readings,
// without braces: the admin member names are part of the emulator's
// interface for tests that drive a separate process.
const campaignReadingsDefaultJSON = `"campaignIdField":"documented","campaignPreparingReads":1,"campaignTransitionReads":0,` +
	`"campaignAltPaths":false,"campaignVoiceUpdateAsSms":false,"campaignMachineDetectEcho":false`

// campaignReadingsCount is the number of CampaignReadings members.
func campaignReadingsCount(t *testing.T) int {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(must(json.Marshal(CampaignReadings{}.withDefaults())), &m); err != nil {
		t.Fatal(err)
	}
	return len(m)
}

func TestCampaignReadingsJSONNames(t *testing.T) {
	data := must(json.Marshal(CampaignReadings{}.withDefaults()))
	if string(data) != "{"+campaignReadingsDefaultJSON+"}" {
		t.Fatalf("JSON = %s, want {%s}", data, campaignReadingsDefaultJSON)
	}
}
