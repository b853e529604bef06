package client

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// pagingReading is how a server reads the paging parameters it is sent.
type pagingReading int

const (
	pagingHonoured          pagingReading = iota // skip and page both read
	skipIgnoredPageHonoured                      // answers from the start whatever skip says, but reads page
	skipIgnored                                  // reads neither skip nor page (limit still read)
	pageIgnoredSkipHonoured                      // answers the first page whatever page says, but reads skip
	everyParamIgnored                            // 10 a page from the start, whatever is sent
)

// pagingServer serves n entries on every list path under one paging
// reading, with a truthful totalResults and hasMore, and records each
// call's query.
type pagingServer struct {
	n       int
	reading pagingReading
	mu      sync.Mutex
	queries []string
}

func (p *pagingServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path[strings.Index(r.URL.Path, testStream)+len(testStream):]
	q := r.URL.Query()
	p.mu.Lock()
	p.queries = append(p.queries, path+"?"+r.URL.RawQuery)
	p.mu.Unlock()
	if strings.Count(path, "/") > 1 { // one object: a read that fails
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"errors":[{"msg":"no such thing","code":400}]}`)
		return
	}
	size, _ := strconv.Atoi(q.Get("limit"))
	size = min(max(size, 10), 100)
	skip, _ := strconv.Atoi(q.Get("skip"))
	page, _ := strconv.Atoi(q.Get("page"))
	start := 0
	switch p.reading {
	case pagingHonoured:
		if q.Has("page") {
			start = (page - 1) * size
		} else {
			start = skip
		}
	case skipIgnoredPageHonoured:
		if q.Has("page") {
			start = (page - 1) * size
		}
	case pageIgnoredSkipHonoured:
		start = skip
	case everyParamIgnored:
		size = 10
	}
	var results []string
	for i := start; i < p.n && i < start+size; i++ {
		results = append(results, entry(path, i))
	}
	fmt.Fprintf(w, `{"results":[%s],"skip":%d,"limit":%d,"hasMore":%v,"totalPages":%d,"totalResults":%d}`,
		strings.Join(results, ","), start, size, start+len(results) < p.n, (p.n+size-1)/size, p.n)
}

func (p *pagingServer) calls() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.queries...)
}

// Under each reading, a walk either reads the whole list (through the
// other paging parameter when the first is ignored, for one extra call) or
// ends with an *IncompleteListError that says what it read; a server that
// honours the first way costs no extra call.
func TestWalksUnderPagingReadings(t *testing.T) {
	const n = 120
	ctx := t.Context()
	lists := map[string]func(c *Client) (int, error){
		"contacts":     func(c *Client) (int, error) { l, err := c.Contacts.ListAll(ctx); return len(l), err },
		"agent groups": func(c *Client) (int, error) { l, err := c.AgentGroups.ListAll(ctx); return len(l), err },
		"skill groups": func(c *Client) (int, error) { l, err := c.SkillGroups.ListAll(ctx); return len(l), err },
		"agents": func(c *Client) (int, error) {
			count := 0
			err := c.Agents.ListAll(ctx, false, func(_ int, l *AgentList) bool { count += len(l.Results); return true })
			return count, err
		},
		"conversations": func(c *Client) (int, error) {
			l, err := c.Conversations.ListAll(ctx, ConversationListOptions{}, 0)
			return len(l), err
		},
	}
	type outcome struct {
		calls []string // the queries, in order
		read  int      // entries read, or read before the error
		err   bool     // an *IncompleteListError
	}
	skipList := func(path, extra string) map[pagingReading]outcome {
		return map[pagingReading]outcome{
			pagingHonoured:          {calls: []string{path + "?limit=100&skip=0" + extra, path + "?limit=100&skip=100" + extra}, read: n},
			skipIgnoredPageHonoured: {calls: []string{path + "?limit=100&skip=0" + extra, path + "?limit=100&skip=100" + extra, path + "?limit=100&page=2" + extra}, read: n},
			skipIgnored:             {calls: []string{path + "?limit=100&skip=0" + extra, path + "?limit=100&skip=100" + extra, path + "?limit=100&page=2" + extra}, read: 100, err: true},
			pageIgnoredSkipHonoured: {calls: []string{path + "?limit=100&skip=0" + extra, path + "?limit=100&skip=100" + extra}, read: n},
			everyParamIgnored:       {calls: []string{path + "?limit=100&skip=0" + extra, path + "?limit=100&skip=10" + extra, path + "?limit=100&page=2" + extra}, read: 10, err: true},
		}
	}
	pageList := func(path, extra string) map[pagingReading]outcome {
		return map[pagingReading]outcome{
			pagingHonoured:          {calls: []string{path + "?limit=100&page=1" + extra, path + "?limit=100&page=2" + extra}, read: n},
			skipIgnoredPageHonoured: {calls: []string{path + "?limit=100&page=1" + extra, path + "?limit=100&page=2" + extra}, read: n},
			skipIgnored:             {calls: []string{path + "?limit=100&page=1" + extra, path + "?limit=100&page=2" + extra, path + "?limit=100&skip=100" + extra}, read: 100, err: true},
			pageIgnoredSkipHonoured: {calls: []string{path + "?limit=100&page=1" + extra, path + "?limit=100&page=2" + extra, path + "?limit=100&skip=100" + extra}, read: n},
			everyParamIgnored:       {calls: []string{path + "?limit=100&page=1" + extra, path + "?limit=100&page=2" + extra, path + "?limit=100&skip=10" + extra}, read: 10, err: true},
		}
	}
	want := map[string]map[pagingReading]outcome{
		"contacts":      skipList("/contacts", ""),
		"agent groups":  skipList("/agent-groups", ""),
		"conversations": skipList("/conversations", ""),
		"skill groups":  pageList("/skill-groups", ""),
		"agents":        pageList("/agents", ""),
	}
	// The conversations list sends skip first whatever its value.
	for r, o := range want["conversations"] {
		for i, c := range o.calls {
			o.calls[i] = strings.Replace(strings.Replace(c, "limit=100&skip=", "skip=", 1), "?skip=", "?limit=100&skip=", 1)
		}
		want["conversations"][r] = o
	}
	names := map[pagingReading]string{pagingHonoured: "honoured", skipIgnoredPageHonoured: "skip ignored, page honoured",
		skipIgnored: "skip and page ignored", pageIgnoredSkipHonoured: "page ignored, skip honoured", everyParamIgnored: "every parameter ignored"}
	for reading, rname := range names {
		for name, walk := range lists {
			t.Run(rname+"/"+name, func(t *testing.T) {
				srv := &pagingServer{n: n, reading: reading}
				c, _ := newTestClient(t, srv)
				got, err := walk(c)
				w := want[name][reading]
				il := AsIncompleteList(err)
				if w.err != (il != nil) || (err != nil && il == nil) {
					t.Fatalf("err %v, want an *IncompleteListError: %v", err, w.err)
				}
				if il != nil {
					got = il.Read
					if il.Total != n || il.Pages != len(w.calls) || !strings.Contains(err.Error(), fmt.Sprintf("holds %d (totalResults)", n)) {
						t.Errorf("error %+v: %v", il, err)
					}
				}
				if calls := srv.calls(); got != w.read || fmt.Sprint(calls) != fmt.Sprint(w.calls) {
					t.Fatalf("read %d in calls %v, want %d in %v", got, calls, w.read, w.calls)
				}
			})
		}
	}
}

// An object absent from a list that cannot be read completely is not gone,
// nor proof that a create made nothing, nor an agent that does not exist.
func TestAbsentFromAnIncompleteListIsUnknown(t *testing.T) {
	ctx := t.Context()
	t.Run("gone", func(t *testing.T) {
		srv := &pagingServer{n: 30, reading: everyParamIgnored}
		c, _ := newTestClient(t, srv, func(cfg *Config) { cfg.MaxRetries = 0 })
		_, err := c.Queues.Get(ctx, "x-25")
		gone, goneErr := c.Queues.Gone(ctx, "x-25", err)
		if gone || !IsIncompleteList(goneErr) || IsStreamError(goneErr) || len(srv.calls()) != 4 {
			t.Fatalf("gone %v, err %v, after %v", gone, goneErr, srv.calls())
		}
	})
	t.Run("agent gone", func(t *testing.T) {
		srv := &pagingServer{n: 30, reading: everyParamIgnored}
		c, _ := newTestClient(t, srv, func(cfg *Config) { cfg.MaxRetries = 0 })
		_, err := c.Agents.Get(ctx, "a-25")
		gone, goneErr := c.Agents.Gone(ctx, "a-25", err)
		if gone || !IsIncompleteList(goneErr) || len(srv.calls()) != 4 {
			t.Fatalf("gone %v, err %v, after %v", gone, goneErr, srv.calls())
		}
	})
	t.Run("find by email", func(t *testing.T) {
		srv := &pagingServer{n: 30, reading: everyParamIgnored}
		c, _ := newTestClient(t, srv)
		_, err := c.Agents.FindByEmail(ctx, "agent25@example.com")
		il := AsIncompleteList(err)
		if il == nil || IsNotListed(err) || il.Read != 10 || il.Total != 30 {
			t.Fatalf("err %v (%+v), after %v", err, il, srv.calls())
		}
	})
	t.Run("find by name", func(t *testing.T) {
		srv := &pagingServer{n: 30, reading: everyParamIgnored}
		c, _ := newTestClient(t, srv)
		_, err := c.SkillGroups.FindByName(ctx, "name 25")
		if !IsIncompleteList(err) || IsNotFound(err) {
			t.Fatalf("err %v, after %v", err, srv.calls())
		}
	})
	t.Run("create lookup", func(t *testing.T) {
		srv := &pagingServer{n: 30, reading: everyParamIgnored}
		c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodPost {
				fmt.Fprint(w, `{"name":"name 25"}`) // created, without its id
				return
			}
			srv.ServeHTTP(w, r)
		}))
		_, err := c.Queues.Create(ctx, QueueRequest{Name: "name 25"})
		var u *UnconfirmedCreateError
		if !errors.As(err, &u) || !u.Created || !IsIncompleteList(u.LookupErr) {
			t.Fatalf("err %v, want an unconfirmed create whose lookup was incomplete", err)
		}
	})
}
