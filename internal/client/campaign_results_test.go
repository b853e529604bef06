package client

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// resultsServer answers the dial results of total numbers, size a page
// whatever limit is asked (a server that caps its pages), by the body's page.
func resultsServer(total, size int) func(apiCall) (int, string) {
	return func(c apiCall) (int, string) {
		body, _ := c.Body.(map[string]any)
		page := 1
		if p, ok := body["page"].(float64); ok {
			page = int(p)
		}
		var results []map[string]any
		for i := (page - 1) * size; i < page*size && i < total; i++ {
			results = append(results, map[string]any{"phoneNumber": fmt.Sprintf("9198765%05d", i), "uniqueId": "",
				"dialerOutcome": "completed", "numberOfAttemptsSoFar": 1, "agentDispositionCodes": []string{"System Generated"},
				"botOutboundStatus": "userHangUp"})
		}
		b, _ := json.Marshal(map[string]any{"status": "success", "data": map[string]any{"results": results, "page": page,
			"limit": body["limit"], "totalPages": (total + size - 1) / size, "totalResults": total}})
		return 0, string(b)
	}
}

func TestCampaignResultsWalkThePagesTheServerGives(t *testing.T) {
	c, f := newFakeAPI(t, resultsServer(25, 10))
	got, err := c.CampaignResults.ListAll(t.Context(), "cd-1", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 25 || got[24].PhoneNumber != "919876500024" || got[0].DialerOutcome != "completed" ||
		len(got[0].AgentDispositionCodes) != 1 || got[0].NumberOfAttemptsSoFar == nil || *got[0].NumberOfAttemptsSoFar != 1 {
		t.Fatalf("got %d results, first %+v", len(got), got[0])
	}
	q := "?accountId=" + testAccount + "&view=contacts"
	p := campaignPath("/campaign/cd-1/status")
	f.expectCalls(t,
		call(t, "POST", p+q, `{"page":1,"limit":100}`),
		call(t, "POST", p+q, `{"page":2,"limit":100}`),
		call(t, "POST", p+q, `{"page":3,"limit":100}`),
	)
}

func TestCampaignResultsStopAtTheLimit(t *testing.T) {
	c, f := newFakeAPI(t, resultsServer(25, 10))
	got, err := c.CampaignResults.ListAll(t.Context(), "cd-1", 12)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 12 {
		t.Fatalf("got %d results, want 12", len(got))
	}
	q := "?accountId=" + testAccount + "&view=contacts"
	p := campaignPath("/campaign/cd-1/status")
	f.expectCalls(t, call(t, "POST", p+q, `{"page":1,"limit":12}`), call(t, "POST", p+q, `{"page":2,"limit":12}`))
}

func TestCampaignResultsWithoutANumberFailTheWalk(t *testing.T) {
	c, _ := newFakeAPI(t, answer(`{"status":"success","data":{"results":[{"uniqueId":"u"}],"page":1,"totalResults":1}}`))
	_, err := c.CampaignResults.ListAll(t.Context(), "cd-1", 0)
	if err == nil || !strings.Contains(err.Error(), "entry 1 of the page has no id") {
		t.Errorf("err = %v", err)
	}
}
