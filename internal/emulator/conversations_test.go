package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// vendorSampleConversation is the sample response of the vendor page
// get-a-specific-conversation, copied verbatim into testdata.
func vendorSampleConversation(t *testing.T) map[string]any {
	t.Helper()
	data, err := os.ReadFile("testdata/vendor-sample-conversation.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("decoding the page's sample: %v", err)
	}
	return doc
}

func TestGetConversationSampleVerbatim(t *testing.T) {
	h := newHarness(t, Config{})
	got := h.do(http.MethodGet, "/conversations/"+sampleConvID, nil).object(t, http.StatusOK)
	want := vendorSampleConversation(t)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("GET /conversations/%s differs from the vendor sample", sampleConvID)
	}
	if got["_id"] != sampleConvID || got["status"] != "CLOSED" || got["waitTime"] != 3369.0 || got["surveyRequired"] != "YES" {
		t.Fatalf("fields: %v %v %v %v", got["_id"], got["status"], got["waitTime"], got["surveyRequired"])
	}
	// Numbers keep their exact text.
	res := h.do(http.MethodGet, "/conversations/"+sampleConvID, nil)
	for _, frag := range []string{`"timestampValue":1684731305351`, `"timespent":350312.351`, `"dispositionSets":null`, `"__v":0`} {
		if !strings.Contains(string(res.body), frag) {
			t.Errorf("body lacks %s", frag)
		}
	}
	if doc, ok := h.srv.Conversation(sampleConvID); !ok || !reflect.DeepEqual(doc, want) {
		t.Fatal("Conversation() differs from the sample")
	}

	msg := h.do(http.MethodGet, "/conversations/c-missing", nil).errorMsg(t, http.StatusNotFound)
	if msg != "Conversation not found: c-missing" {
		t.Fatalf("msg = %q", msg)
	}
	if _, ok := h.srv.Conversation("c-missing"); ok {
		t.Fatal("Conversation(c-missing) found something")
	}
}

// listAll pages through a conversation query and returns every item.
func listAll(t *testing.T, h *harness, query string, limit int) []map[string]any {
	t.Helper()
	var all []map[string]any
	for skip := 0; ; skip += limit {
		sep := "?"
		if query != "" {
			sep = "?" + query + "&"
		}
		body := h.do(http.MethodGet, fmt.Sprintf("/conversations%sskip=%d&limit=%d", sep, skip, limit), nil).object(t, http.StatusOK)
		for _, r := range body["results"].([]any) {
			all = append(all, r.(map[string]any))
		}
		if body["skip"] != float64(skip) || body["limit"] != float64(limit) {
			t.Fatalf("skip/limit echoed as %v/%v", body["skip"], body["limit"])
		}
		if body["hasMore"] != true {
			if int(body["totalResults"].(float64)) != len(all) {
				t.Fatalf("totalResults %v, collected %d", body["totalResults"], len(all))
			}
			return all
		}
	}
}

func TestListConversationsPagingReturnsEachOnce(t *testing.T) {
	h := newHarness(t, Config{})
	all := listAll(t, h, "", 7)
	if len(all) != seededConvCount {
		t.Fatalf("%d conversations, want %d", len(all), seededConvCount)
	}
	seen := map[string]bool{}
	var prev time.Time
	for i, c := range all {
		id := c["_id"].(string)
		if seen[id] {
			t.Fatalf("%s listed twice", id)
		}
		seen[id] = true
		created, _ := time.Parse(time.RFC3339Nano, c["createdAt"].(string))
		if i > 0 && created.After(prev) {
			t.Fatalf("not newest first at %d: %v after %v", i, created, prev)
		}
		if i > 0 && created.Equal(prev) && all[i-1]["_id"].(string) > id {
			t.Fatalf("tie at %v not ordered by _id", created)
		}
		prev = created
	}
	body := h.do(http.MethodGet, "/conversations", nil).object(t, http.StatusOK)
	if len(body["results"].([]any)) != 10 || body["limit"] != 10.0 || body["skip"] != 0.0 ||
		body["totalPages"] != 5.0 || body["totalResults"] != float64(seededConvCount) {
		t.Fatalf("defaults: %d results, limit %v skip %v totalPages %v totalResults %v",
			len(body["results"].([]any)), body["limit"], body["skip"], body["totalPages"], body["totalResults"])
	}
	body = h.do(http.MethodGet, "/conversations?limit=1000", nil).object(t, http.StatusOK)
	if body["limit"] != 100.0 || len(body["results"].([]any)) != seededConvCount || body["hasMore"] != false {
		t.Fatalf("limit over 100: limit %v, %d results", body["limit"], len(body["results"].([]any)))
	}
}

func TestListConversationsFilters(t *testing.T) {
	h := newHarness(t, Config{})
	count := func(pred func(c map[string]any) bool) int {
		n := 0
		for _, c := range DefaultSeed().Conversations {
			if pred(c) {
				n++
			}
		}
		return n
	}

	closedRTM := listAll(t, h, "status=CLOSED&source=rtm", 10)
	if want := count(func(c map[string]any) bool { return c["status"] == "CLOSED" && c["source"] == "rtm" }); len(closedRTM) != want || want <= 10 {
		t.Fatalf("CLOSED rtm: %d, want %d (> 10, two pages)", len(closedRTM), want)
	}
	for _, c := range closedRTM {
		if c["status"] != "CLOSED" || c["source"] != "rtm" {
			t.Fatalf("filter leaked %v/%v", c["status"], c["source"])
		}
	}
	first := h.do(http.MethodGet, "/conversations?status=CLOSED&source=rtm", nil).object(t, http.StatusOK)
	if first["hasMore"] != true || first["totalPages"] != 2.0 {
		t.Fatalf("CLOSED rtm first page: hasMore %v totalPages %v", first["hasMore"], first["totalPages"])
	}

	openOrIdle := count(func(c map[string]any) bool { return c["status"] == "OPEN" || c["status"] == "IDLE" })
	for _, q := range []string{"status=OPEN&status=IDLE", "status=OPEN,IDLE", "status=OPEN&status=IDLE,OPEN"} {
		got := listAll(t, h, q, 100)
		if len(got) != openOrIdle || openOrIdle == 0 {
			t.Errorf("%s: %d, want %d", q, len(got), openOrIdle)
		}
	}

	for _, lang := range []string{"en", "es", "fr"} {
		got := listAll(t, h, "language="+lang, 100)
		if want := count(func(c map[string]any) bool { return c["language"] == lang }); len(got) != want || want == 0 {
			t.Errorf("language=%s: %d, want %d", lang, len(got), want)
		}
	}
	for _, st := range []string{"ACTIVE", "CLOSED", "IDLE", "OPEN", "OVERDUE", "TERMINATED"} {
		if n := len(listAll(t, h, "status="+st, 100)); n == 0 {
			t.Errorf("no %s conversations in the seed", st)
		}
	}
	got := listAll(t, h, "source=voice&language=es", 100)
	if want := count(func(c map[string]any) bool { return c["source"] == "voice" && c["language"] == "es" }); len(got) != want {
		t.Errorf("voice es: %d, want %d", len(got), want)
	}
	if none := h.do(http.MethodGet, "/conversations?source=fax", nil).object(t, 200); none["totalResults"] != 0.0 || none["totalPages"] != 0.0 {
		t.Errorf("source=fax: %v", none)
	}
}

func TestListConversationsBadParameters(t *testing.T) {
	h := newHarness(t, Config{})
	for q, want := range map[string]string{
		"status=closed":      `status "closed" is not one of ACTIVE, CLOSED, IDLE, OPEN, OVERDUE, TERMINATED`,
		"status=CLOSED,DONE": `status "DONE" is not one of ACTIVE, CLOSED, IDLE, OPEN, OVERDUE, TERMINATED`,
		"skip=-1":            `skip must be a non-negative integer, got "-1"`,
		"skip=x":             `skip must be a non-negative integer, got "x"`,
		"limit=ten":          `limit must be a non-negative integer, got "ten"`,
		"limit=-5":           `limit must be a non-negative integer, got "-5"`,
	} {
		msg := h.do(http.MethodGet, "/conversations?"+q, nil).errorMsg(t, http.StatusBadRequest)
		if msg != want {
			t.Errorf("%s: msg = %q, want %q", q, msg, want)
		}
	}
}
