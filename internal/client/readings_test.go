package client

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// listReading is one way a server may read the list pages' silence on
// paging.
type listReading struct {
	name string
	// size is the page size the server uses when asked for limit.
	size func(limit int) int
	// echoAsked makes the answer's limit the one asked for, whatever size
	// the page has (a server that states what it was told, not what it
	// did), and its totalPages follow from that limit.
	echoAsked bool
	// hasMoreAlways says hasMore: true on every page, the last included;
	// hasMoreNever says hasMore: false on every page.
	hasMoreAlways, hasMoreNever bool
	// noTotal leaves totalResults out; hasMoreOnly leaves out totalResults
	// and totalPages; noFigures leaves out every figure and the limit.
	noTotal, hasMoreOnly, noFigures bool
	// extraCall: the walk asks for one page past the last (the last
	// page's figures do not say the list is over), which comes back
	// empty.
	extraCall bool
}

func capAt(n int) func(int) int { return func(l int) int { return min(max(l, 10), n) } }

var listReadings = []listReading{
	{name: "honours limit", size: capAt(100)},
	{name: "ignores limit", size: func(int) int { return 10 }},
	{name: "caps limit at 25", size: capAt(25)},
	{name: "hasMore on the last page", size: capAt(100), hasMoreAlways: true},
	{name: "caps at 25 and echoes the limit asked", size: capAt(25), echoAsked: true},
	{name: "caps at 25, echoes the limit asked, no totalResults", size: capAt(25), echoAsked: true, noTotal: true},
	{name: "caps at 25, echoes the limit asked, hasMore alone", size: capAt(25), echoAsked: true, hasMoreOnly: true},
	{name: "caps at 25, no figures at all", size: capAt(25), noFigures: true, extraCall: true},
	// The queue sample's contradiction: hasMore true on a page that
	// totalPages calls the last; hasMore wins, for one empty page more.
	{name: "caps at 25, echoes the limit asked, hasMore on the last page, no totalResults", size: capAt(25), echoAsked: true,
		hasMoreAlways: true, noTotal: true, extraCall: true},
	// hasMore false while the other figures say more follow: they win.
	{name: "hasMore false on every page, with totalResults", size: capAt(25), hasMoreNever: true},
	{name: "hasMore false on every page, totalPages alone", size: capAt(25), hasMoreNever: true, noTotal: true},
}

// pagedServer serves n entries on every list path, by page or by skip as
// each list's answers count, under one reading.
type pagedServer struct {
	n       int
	reading listReading
	mu      sync.Mutex
	calls   int
}

func (p *pagedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	p.calls++
	p.mu.Unlock()
	path := r.URL.Path[strings.Index(r.URL.Path, testStream)+len(testStream):]
	q := r.URL.Query()
	asked, _ := strconv.Atoi(q.Get("limit"))
	size := p.reading.size(asked)
	skip, _ := strconv.Atoi(q.Get("skip"))
	page, _ := strconv.Atoi(q.Get("page"))
	bySkip := q.Has("skip") || !q.Has("page")
	if !bySkip {
		skip = (max(page, 1) - 1) * size
	}
	var results []string
	for i := skip; i < p.n && i < skip+size; i++ {
		results = append(results, entry(path, i))
	}
	stated := size
	if p.reading.echoAsked && asked > 0 {
		stated = asked
	}
	more := (skip+len(results) < p.n || p.reading.hasMoreAlways) && !p.reading.hasMoreNever
	fields := []string{fmt.Sprintf(`"results":[%s]`, strings.Join(results, ","))}
	if bySkip {
		fields = append(fields, fmt.Sprintf(`"skip":%d`, skip))
	} else {
		fields = append(fields, fmt.Sprintf(`"page":%d`, max(page, 1)))
	}
	if !p.reading.noFigures {
		fields = append(fields, fmt.Sprintf(`"limit":%d`, stated), fmt.Sprintf(`"hasMore":%v`, more))
		if !p.reading.hasMoreOnly {
			fields = append(fields, fmt.Sprintf(`"totalPages":%d`, (p.n+stated-1)/stated))
		}
		if !p.reading.noTotal && !p.reading.hasMoreOnly {
			fields = append(fields, fmt.Sprintf(`"totalResults":%d`, p.n))
		}
	}
	fmt.Fprintf(w, "{%s}", strings.Join(fields, ","))
}

// entry is the i-th object of the list at path, with the fields the client
// requires of it.
func entry(path string, i int) string {
	switch {
	case path == "/agents":
		return fmt.Sprintf(`{"id":"a-%d","emailId":"agent%d@example.com"}`, i, i)
	case path == "/contacts":
		return fmt.Sprintf(`{"id":"c-%d","cellPhone":{"phoneNumber":"+1555%07d","countryCode":"+1"}}`, i, i)
	case path == "/conversations":
		return fmt.Sprintf(`{"_id":"c-%d"}`, i)
	}
	return fmt.Sprintf(`{"id":"x-%d","name":"name %d"}`, i, i)
}

// Every list the client walks reads every entry once, under every reading,
// in about as many calls as the pages the server serves.
func TestEveryListIsWalkedWholeUnderEveryReading(t *testing.T) {
	const n = 237
	ctx := t.Context()
	lists := map[string]func(c *Client) (int, error){
		"agents": func(c *Client) (int, error) {
			count := 0
			err := c.Agents.ListAll(ctx, true, func(_ int, l *AgentList) bool { count += len(l.Results); return true })
			return count, err
		},
		"queues":       func(c *Client) (int, error) { l, err := c.Queues.ListAll(ctx); return len(l), err },
		"skill groups": func(c *Client) (int, error) { l, err := c.SkillGroups.ListAll(ctx); return len(l), err },
		"skills":       func(c *Client) (int, error) { l, err := c.Skills.ListAll(ctx, "sg-1"); return len(l), err },
		"agent groups": func(c *Client) (int, error) { l, err := c.AgentGroups.ListAll(ctx); return len(l), err },
		"contacts":     func(c *Client) (int, error) { l, err := c.Contacts.ListAll(ctx); return len(l), err },
		"conversations": func(c *Client) (int, error) {
			l, err := c.Conversations.ListAll(ctx, ConversationListOptions{}, 0)
			return len(l), err
		},
	}
	for _, reading := range listReadings {
		for name, walk := range lists {
			t.Run(reading.name+"/"+name, func(t *testing.T) {
				srv := &pagedServer{n: n, reading: reading}
				c, _ := newTestClient(t, srv)
				got, err := walk(c)
				if err != nil {
					t.Fatal(err)
				}
				size := reading.size(ListPageSize)
				pages := (n + size - 1) / size
				if reading.extraCall {
					pages++
				}
				if got != n || srv.calls != pages {
					t.Fatalf("read %d entries in %d calls, want %d in %d", got, srv.calls, n, pages)
				}
			})
		}
	}
}

// The id-less create lookups find an object on any page, under every
// reading.
func TestCreateLookupsFindTheNewObjectOnALaterPage(t *testing.T) {
	for _, reading := range listReadings {
		t.Run(reading.name, func(t *testing.T) {
			srv := &pagedServer{n: 137, reading: reading}
			c, _ := newTestClient(t, srv)
			a, err := c.Agents.FindByEmail(t.Context(), "AGENT131@example.com")
			if err != nil || a.ID != "a-131" {
				t.Fatalf("agent %+v, err %v", a, err)
			}
			g, err := c.AgentGroups.FindByName(t.Context(), "name 131")
			if err != nil || g.ID != "x-131" {
				t.Fatalf("agent group %+v, err %v", g, err)
			}
			if _, err := c.AgentGroups.FindByName(t.Context(), "name 999"); !IsNotListed(err) {
				t.Fatalf("a name on no page: err %v, want a *NotListedError", err)
			}
		})
	}
}

// goneServer answers the object's read with objStatus, and the list with
// listStatus (200 listing listed).
type goneServer struct {
	objStatus, listStatus int
	listed                []string
	calls                 []string
	mu                    sync.Mutex
}

func (g *goneServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path[strings.Index(r.URL.Path, testStream)+len(testStream):]
	g.mu.Lock()
	g.calls = append(g.calls, r.Method+" "+path)
	g.mu.Unlock()
	if strings.Count(path, "/") > 1 {
		w.WriteHeader(g.objStatus)
		fmt.Fprintf(w, `{"errors":[{"msg":"no such thing","code":%d}]}`, g.objStatus)
		return
	}
	if g.listStatus != 0 {
		w.WriteHeader(g.listStatus)
		fmt.Fprintf(w, `{"errors":[{"msg":"App not found","code":%d}]}`, g.listStatus)
		return
	}
	var results []string
	for _, id := range g.listed {
		results = append(results, fmt.Sprintf(`{"id":%q,"name":"n"}`, id))
	}
	fmt.Fprintf(w, `{"results":[%s],"page":1,"limit":100,"hasMore":false,"totalResults":%d}`, strings.Join(results, ","), len(results))
}

func TestGoneOnlyWhenTheStreamIsKnownToAnswer(t *testing.T) {
	ctx := t.Context()
	cases := []struct {
		name                  string
		objStatus, listStatus int
		listed                []string
		gone, streamErr       bool
		calls                 int
	}{
		{"404, the list answers without it", 404, 0, []string{"qu-2"}, true, false, 2},
		{"404, the list holds it", 404, 0, []string{"qu-1"}, false, false, 2},
		{"404, the list is 404 too (a mistyped stream)", 404, 404, nil, false, true, 2},
		{"400, the list is 400 too", 400, 400, nil, false, true, 2},
		{"401 is never gone", 401, 0, nil, false, false, 1},
		{"400 for a missing object, the list answers without it", 400, 0, nil, true, false, 2},
		{"500 is never gone", 500, 0, nil, false, false, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := &goneServer{objStatus: tc.objStatus, listStatus: tc.listStatus, listed: tc.listed}
			c, _ := newTestClient(t, srv, func(cfg *Config) { cfg.MaxRetries = 0 })
			_, err := c.Queues.Get(ctx, "qu-1")
			gone, goneErr := c.Queues.Gone(ctx, "qu-1", err)
			if gone != tc.gone || IsStreamError(goneErr) != tc.streamErr || len(srv.calls) != tc.calls {
				t.Fatalf("gone %v, err %v after %v", gone, goneErr, srv.calls)
			}
			if tc.streamErr && !strings.Contains(goneErr.Error(), "does not answer for the stream "+testStream+" and the account "+testAccount) {
				t.Fatalf("the error does not name the stream and account: %v", goneErr)
			}
			if !gone && goneErr == nil {
				t.Fatal("not gone, and no error to show")
			}
		})
	}
}

// Once the collection has answered in this process, a 404 is enough: no
// list is read.
func TestGoneAfterTheCollectionAnsweredCostsNoCall(t *testing.T) {
	srv := &goneServer{objStatus: 404, listed: []string{"qu-2"}}
	c, _ := newTestClient(t, srv)
	if _, err := c.Queues.ListAll(t.Context()); err != nil {
		t.Fatal(err)
	}
	_, err := c.Queues.Get(t.Context(), "qu-1")
	gone, goneErr := c.Queues.Gone(t.Context(), "qu-1", err)
	if !gone || goneErr != nil || len(srv.calls) != 2 {
		t.Fatalf("gone %v, err %v after %v", gone, goneErr, srv.calls)
	}
}

// A skill whose group is gone is gone.
func TestSkillGoneWithItsGroup(t *testing.T) {
	c, _ := newFakeAPI(t, func(r apiCall) (int, string) {
		switch r.Path {
		case "/skill-groups":
			return 0, `{"results":[{"id":"sg-2","name":"other"}],"page":1,"limit":100,"totalResults":1}`
		}
		return 404, `{"errors":[{"msg":"Skill group not found","code":404}]}`
	})
	_, err := c.Skills.Get(t.Context(), "sg-1", "sk-1")
	gone, goneErr := c.Skills.Gone(t.Context(), "sg-1", "sk-1", err)
	if !gone || goneErr != nil {
		t.Fatalf("gone %v, err %v", gone, goneErr)
	}
}

func TestIsNoAnswer(t *testing.T) {
	c, err := New(Config{Host: "http://127.0.0.1:1", StreamID: "st", AccountID: "ac", JWT: "t", MaxRetries: 0})
	if err != nil {
		t.Fatal(err)
	}
	_, getErr := c.Queues.Get(t.Context(), "qu-1")
	if !IsNoAnswer(getErr) || IsNotFound(getErr) {
		t.Fatalf("%v (%T): want no answer", getErr, getErr)
	}
	if IsNoAnswer(&APIError{StatusCode: 404}) || IsNoAnswer(context.Canceled) {
		t.Fatal("an answer, or a cancellation, is not 'no answer'")
	}
}

func TestNeverSentOnlyWhenTheRequestNeverLeft(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { t.Error("a cancelled request was sent") }))
	_, err := c.Queues.Get(ctx, "qu-1")
	if !NeverSent(err) {
		t.Fatalf("a request cancelled before it left: NeverSent(%v) = false", err)
	}
	for _, err := range []error{nil, &APIError{StatusCode: 500}, &DecodeError{Reason: "truncated"}} {
		if NeverSent(err) {
			t.Errorf("NeverSent(%v) = true", err)
		}
	}
}

// Plain http:// carries the token unencrypted: only loopback may use it.
func TestInsecureRemoteHostsAreRefused(t *testing.T) {
	for host, insecure := range map[string]bool{
		"http://127.0.0.1:8080":        false,
		"http://localhost:9999":        false,
		"http://[::1]:80":              false,
		"https://platform.kore.ai":     false,
		"http://platform.kore.ai":      true,
		"http://10.0.0.5":              true,
		"http://127.0.0.1.example.com": true,
	} {
		if IsInsecureRemote(host) != insecure {
			t.Errorf("IsInsecureRemote(%q) = %v", host, !insecure)
		}
		_, err := New(Config{Host: host, StreamID: "st", AccountID: "ac", JWT: "t"})
		if (err != nil) != insecure {
			t.Errorf("New with host %q: err %v", host, err)
		}
	}
}
