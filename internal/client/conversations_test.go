package client

import (
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// vendorConversation is a cut of get-a-specific-conversation's sample, with
// the fields whose documented and actual types differ.
const vendorConversation = `{
  "_id": "c-3c04346-e522-4c53-9e03-c9566d859aad",
  "status": "CLOSED",
  "waitTime": 3369,
  "priority": 5,
  "surveyRequired": "YES",
  "callbackOpted": false,
  "participants": [{"queueName": "Default Queue", "startTimeStamp": "2023-05-22T04:55:07.718Z", "isTransferred": false}],
  "transferDetails": [{"priority": "HIGHEST", "transferredTo": [{"id": "qu-1", "name": "Default Queue", "type": "QUEUE"}]}],
  "dispositions": {"metaStatus": "SYSTEM_DROP_OFF", "status": "DROP-OFF", "remarks": "none", "dispositionSets": null},
  "skills": [],
  "userInfo": {"ipAddress": "106.203.156.168"}
}`

func TestConversationGetDecodesVendorSample(t *testing.T) {
	var gotPath string
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotPath = r.URL.EscapedPath()
		fmt.Fprint(w, vendorConversation)
	}))
	conv, err := c.Conversations.Get(t.Context(), "c-3c04346-e522-4c53-9e03-c9566d859aad")
	if err != nil {
		t.Fatal(err)
	}
	if want := "/agentassist/api/v1/public/" + testStream + "/conversations/c-3c04346-e522-4c53-9e03-c9566d859aad"; gotPath != want {
		t.Errorf("path = %s, want %s", gotPath, want)
	}
	if conv.ID() != "c-3c04346-e522-4c53-9e03-c9566d859aad" || conv.Status != "CLOSED" || conv.WaitTime != "3369" ||
		conv.Priority != "5" || conv.SurveyRequired != "YES" || conv.CallbackOpted == nil || bool(*conv.CallbackOpted) {
		t.Errorf("scalars decoded wrong: %+v", conv)
	}
	if len(conv.Participants) != 1 || conv.Participants[0].StartTimeStamp != "2023-05-22T04:55:07.718Z" {
		t.Errorf("participants = %+v", conv.Participants)
	}
	if len(conv.TransferDetails) != 1 || len(conv.TransferDetails[0].TransferredTo) != 1 || conv.TransferDetails[0].TransferredTo[0].Name != "Default Queue" {
		t.Errorf("transfer details = %+v", conv.TransferDetails)
	}
	if !conv.Dispositions.Set || conv.Dispositions.Value.Status != "DROP-OFF" {
		t.Errorf("dispositions = %+v", conv.Dispositions)
	}
	if !strings.Contains(string(conv.Raw), `"ipAddress"`) {
		t.Errorf("Raw lost userInfo: %s", conv.Raw)
	}
}

// TestConversationGetRefusesPathLikeIDs: "." and ".." would be cleaned out
// of the joined path and read the list or the stream root instead, which
// decodes leniently into an empty conversation.
func TestConversationGetRefusesPathLikeIDs(t *testing.T) {
	var calls int
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		fmt.Fprint(w, `{"results":[]}`)
	}))
	for _, id := range []string{"", ".", ".."} {
		if _, err := c.Conversations.Get(t.Context(), id); err == nil {
			t.Errorf("Get(%q) succeeded; want an error", id)
		}
	}
	if calls != 0 {
		t.Errorf("%d requests sent; want none", calls)
	}
}

func TestConversationGetEscapesID(t *testing.T) {
	var gotPath string
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotPath = r.URL.EscapedPath()
		fmt.Fprint(w, `{"_id":"a/b"}`)
	}))
	if _, err := c.Conversations.Get(t.Context(), "a/b"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(gotPath, "/conversations/a%2Fb") {
		t.Errorf("path = %s; the id must stay one path segment", gotPath)
	}
}

func TestConversationGetNotFound(t *testing.T) {
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"errors":[{"msg":"Conversation not found: c-x","code":404}]}`)
	}))
	_, err := c.Conversations.Get(t.Context(), "c-x")
	if !IsNotFound(err) {
		t.Fatalf("err = %v; want a not-found APIError", err)
	}
}

func TestConversationListSendsFilters(t *testing.T) {
	var got map[string][]string
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.URL.Query()
		fmt.Fprint(w, `{"results":[],"hasMore":false}`)
	}))
	_, err := c.Conversations.List(t.Context(), ConversationListOptions{
		Skip: 20, Limit: 10, Status: []string{"CLOSED", "OPEN"}, Source: "rtm", Language: "en",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"skip": {"20"}, "limit": {"10"}, "status": {"CLOSED", "OPEN"}, "source": {"rtm"}, "language": {"en"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("query = %v, want %v", got, want)
	}
}

// pagedConversations is a fake list endpoint over docs. It serves at most
// pageCap per call whatever limit asks, ignores the language filter (so the
// client has to apply it), and can insert a new conversation at the head of
// the list after the first call, which shifts every later page by one.
type pagedConversations struct {
	mu          sync.Mutex
	docs        []map[string]any
	pageCap     int
	shiftAfter1 bool
	calls       []string
}

func (p *pagedConversations) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	q := r.URL.Query()
	p.calls = append(p.calls, r.URL.RawQuery)
	skip, _ := strconv.Atoi(q.Get("skip"))
	limit, _ := strconv.Atoi(q.Get("limit"))
	if limit == 0 || limit > p.pageCap {
		limit = p.pageCap
	}
	var matches []map[string]any
	for _, d := range p.docs {
		if st := q["status"]; len(st) > 0 && !containsString(st, d["status"].(string)) {
			continue
		}
		matches = append(matches, d)
	}
	results := []map[string]any{}
	for i := skip; i < len(matches) && i < skip+limit; i++ {
		results = append(results, matches[i])
	}
	json.NewEncoder(w).Encode(map[string]any{
		"results": results, "skip": skip, "limit": limit, "hasMore": skip+len(results) < len(matches), "totalResults": len(matches),
	})
	if p.shiftAfter1 && len(p.calls) == 1 {
		p.docs = append([]map[string]any{{"_id": "c-new", "status": "OPEN", "language": "en"}}, p.docs...)
	}
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func conversationDocs(n int) []map[string]any {
	statuses := []string{"CLOSED", "OPEN", "IDLE"}
	langs := []string{"en", "es"}
	docs := make([]map[string]any, 0, n)
	for i := 0; i < n; i++ {
		docs = append(docs, map[string]any{
			"_id": fmt.Sprintf("c-%03d", i), "status": statuses[i%len(statuses)], "language": langs[i%len(langs)],
		})
	}
	return docs
}

func conversationIDs(convs []Conversation) []string {
	out := make([]string, len(convs))
	for i := range convs {
		out[i] = convs[i].ID()
	}
	return out
}

func TestConversationListAllFollowsShortPagesAndRefilters(t *testing.T) {
	fake := &pagedConversations{docs: conversationDocs(25), pageCap: 4}
	c, _ := newTestClient(t, fake)
	got, err := c.Conversations.ListAll(t.Context(), ConversationListOptions{Status: []string{"CLOSED", "OPEN"}, Language: "en"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for i, d := range conversationDocs(25) {
		if i%3 != 2 && d["language"] == "en" {
			want = append(want, d["_id"].(string))
		}
	}
	if !reflect.DeepEqual(conversationIDs(got), want) {
		t.Errorf("ids = %v, want %v", conversationIDs(got), want)
	}
	// 17 CLOSED or OPEN conversations, served 4 at a time: 5 pages.
	if len(fake.calls) != 5 {
		t.Errorf("%d calls (%v), want 5", len(fake.calls), fake.calls)
	}
}

func TestConversationListAllStopsAtMax(t *testing.T) {
	fake := &pagedConversations{docs: conversationDocs(25), pageCap: 4}
	c, _ := newTestClient(t, fake)
	got, err := c.Conversations.ListAll(t.Context(), ConversationListOptions{}, 6)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"c-000", "c-001", "c-002", "c-003", "c-004", "c-005"}; !reflect.DeepEqual(conversationIDs(got), want) {
		t.Errorf("ids = %v, want %v", conversationIDs(got), want)
	}
	// The second call asks only for what is still missing.
	if len(fake.calls) != 2 || !strings.Contains(fake.calls[1], "limit=2") {
		t.Errorf("calls = %v; want two, the second with limit=2", fake.calls)
	}
}

func TestConversationListAllKeepsEachConversationOnce(t *testing.T) {
	fake := &pagedConversations{docs: conversationDocs(10), pageCap: 4, shiftAfter1: true}
	c, _ := newTestClient(t, fake)
	got, err := c.Conversations.ListAll(t.Context(), ConversationListOptions{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, id := range conversationIDs(got) {
		if seen[id] {
			t.Errorf("%s returned twice: %v", id, conversationIDs(got))
		}
		seen[id] = true
	}
	for _, d := range conversationDocs(10) {
		if !seen[d["_id"].(string)] {
			t.Errorf("%s missing: %v", d["_id"], conversationIDs(got))
		}
	}
}

func TestConversationListAllReadsEitherIDKey(t *testing.T) {
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"results":[{"_id":"c-1"},{"id":"c-2"}],"hasMore":false}`)
	}))
	got, err := c.Conversations.ListAll(t.Context(), ConversationListOptions{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"c-1", "c-2"}; !reflect.DeepEqual(conversationIDs(got), want) {
		t.Errorf("ids = %v, want %v", conversationIDs(got), want)
	}
}

// An entry without an id can be neither referred to nor told apart from
// another: the page is refused, not silently shortened.
func TestConversationListAllRefusesEntriesWithoutID(t *testing.T) {
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"results":[{"_id":"c-1"},{"status":"OPEN"}],"hasMore":false}`)
	}))
	got, err := c.Conversations.ListAll(t.Context(), ConversationListOptions{}, 0)
	if err == nil || err.Error() != "GET /conversations: entry 2 of the page has no id" {
		t.Fatalf("got %v, err %v", conversationIDs(got), err)
	}
}
