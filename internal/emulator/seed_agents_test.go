package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// Seeded agents are there before the first request; their list entries
// lack customId, and a GET of one has none either.
func TestSeedAgentsMakesAnAccountBeforeTheFirstRequest(t *testing.T) {
	seed := DefaultSeed()
	seed.Agents = append(seed.Agents, SeedAgents(25, "bulk")...)
	seed.Agents[2]["customId"] = "EMP-BULK"
	h := newHarness(t, Config{Seed: seed})
	var page struct {
		Results []map[string]any `json:"results"`
		Total   int              `json:"totalResults"`
	}
	res := h.do(http.MethodGet, "/agents?page=3&limit=10", nil)
	if err := json.Unmarshal(res.body, &page); err != nil {
		t.Fatal(err)
	}
	if page.Total != 27 || len(page.Results) != 7 {
		t.Fatalf("page 3: %d of %d agents, want 7 of 27", len(page.Results), page.Total)
	}
	for _, a := range page.Results {
		if _, ok := a["customId"]; ok {
			t.Fatalf("a list entry carries customId: %v", a)
		}
	}
	res = h.do(http.MethodGet, "/agents/a-bulk-00000", nil)
	if body := string(res.body); !strings.Contains(body, `"customId":"EMP-BULK"`) || !strings.Contains(body, `"emailId":"bulk.00000@example.com"`) {
		t.Fatalf("GET of a seeded agent: %d %s", res.status, body)
	}
}
