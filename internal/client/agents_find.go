package client

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// AgentListOptions are the query parameters of list-all-agents.
type AgentListOptions struct {
	// Page is 1-based.
	Page int
	// Skip, when not 0, is sent instead of page: a walk tries it when
	// the server answers the same page whatever page it is asked for.
	Skip          int
	IncludeQueues bool
}

// AgentList is one page of agents.
type AgentList = ListPage[Agent]

// List reads one page of agents through the legacy list path
// (…/agents?page=&includeQueues=), which needs no org id. list-all-agents
// documents page and includeQueues only; limit=ListPageSize is sent too, so
// a server that honours it answers in fewer pages, and the walks below go
// by what each answer says, so one that ignores it is walked as well.
func (s *AgentsService) List(ctx context.Context, opts AgentListOptions) (*AgentList, error) {
	q := url.Values{}
	page := opts.Page
	if page < 1 {
		page = 1
	}
	at := "page=" + strconv.Itoa(page)
	if opts.Skip > 0 {
		q.Set("skip", strconv.Itoa(opts.Skip))
		at = "skip=" + strconv.Itoa(opts.Skip)
	} else {
		q.Set("page", strconv.Itoa(page))
	}
	q.Set("limit", strconv.Itoa(ListPageSize))
	if opts.IncludeQueues {
		q.Set("includeQueues", "true")
	}
	var l AgentList
	if err := s.client.do(ctx, http.MethodGet, "agents", q, nil, &l); err != nil {
		return nil, err
	}
	for i := range l.Results {
		if err := checkComplete(http.MethodGet, "/agents?"+at, &l.Results[i]); err != nil {
			return nil, err
		}
	}
	return &l, nil
}

// ListAll reads every page. visit is called for each page as it arrives and
// may stop the walk by returning false.
func (s *AgentsService) ListAll(ctx context.Context, includeQueues bool, visit func(page int, l *AgentList) bool) error {
	return s.ListPages(ctx, AgentListOptions{Page: 1, IncludeQueues: includeQueues}, visit)
}

// Walk hands visit each agent of the list, page by page as it is read, and
// stops reading when visit returns false. An agent that a page repeats
// (a server that ignores the paging parameters) is handed over once.
func (s *AgentsService) Walk(ctx context.Context, includeQueues bool, visit func(*Agent) bool) error {
	seen := map[string]bool{}
	return s.ListAll(ctx, includeQueues, func(_ int, l *AgentList) bool {
		for i := range l.Results {
			a := &l.Results[i]
			if seen[string(a.ID)] {
				continue
			}
			seen[string(a.ID)] = true
			if !visit(a) {
				return false
			}
		}
		return true
	})
}

// ListPages reads the pages from opts.Page on, like ListAll. The pages
// before opts.Page are taken to have been full pages of the server's page
// size, as the first answer shows it (see pageCursor.learnSize). visit gets each page's agents not met before (page is the
// page asked for, 0 once the walk goes by skip); a walk that ends before the
// answers say it should is an *IncompleteListError (see walkList).
func (s *AgentsService) ListPages(ctx context.Context, opts AgentListOptions, visit func(page int, l *AgentList) bool) error {
	start := pageCursor{opts: ListOptions{Limit: ListPageSize}}
	start.jumpTo(max(opts.Page, 1))
	var last *AgentList
	page := 0
	fetch := func(ctx context.Context, o ListOptions) (*AgentList, error) {
		l, err := s.List(ctx, AgentListOptions{Page: o.Page, Skip: o.Skip, IncludeQueues: opts.IncludeQueues})
		last, page = l, o.Page
		return l, err
	}
	return walkList(ctx, start, fetch, func(a *Agent) string { return string(a.ID) }, "/agents", func(fresh []Agent) bool {
		return visit(page, &AgentList{Results: fresh, PageMeta: last.PageMeta})
	})
}

// FindByEmail finds an agent by email, case-insensitively, through the list.
// It answers a *NotListedError when no agent has that email.
func (s *AgentsService) FindByEmail(ctx context.Context, email string) (*Agent, error) {
	found, _, err := s.FindByEmails(ctx, []string{email}, 0)
	if err != nil {
		return nil, err
	}
	if a := found[strings.ToLower(email)]; a != nil {
		return a, nil
	}
	return nil, &NotListedError{Kind: "agent", Path: "/agents", By: "email", Value: email}
}

// FindByEmails finds several agents by email, case-insensitively, in one
// walk through the list, and stops as soon as all are found. The answer maps
// each lower-cased email found to its agent, and says what the walk learnt
// of the list's size, so that the next walk can start where the agents it
// looks for are likely to be.
//
// The walk starts at startPage and goes forward while the answers say more
// follow, then backwards from startPage. With no startPage it reads the
// first page, then the last, then the rest from the end: a new agent is on
// the first page of a small account and, when the list is in creation
// order, on the last page of a large one, so a walk for agents just created
// usually reads one or two pages. Page numbers are the server's own: the
// page size is whatever its answers say, the same for every page.
func (s *AgentsService) FindByEmails(ctx context.Context, emails []string, startPage int) (map[string]*Agent, ListSize, error) {
	want := make(map[string]bool, len(emails))
	for _, e := range emails {
		want[strings.ToLower(e)] = true
	}
	found := make(map[string]*Agent, len(emails))
	read := map[int]bool{}
	seen := map[string]bool{}
	var size ListSize
	// One cursor for the whole lookup, jumped to each page it reads: the
	// walker's tables say whether a page follows each one, the pages
	// before it taken as full ones (see pageCursor.jumpTo).
	cur := pageCursor{opts: ListOptions{Limit: ListPageSize}}
	var stuck *IncompleteListError // a page brought nothing new while the answers said more follow
	visit := func(page int) (more bool, err error) {
		cur.jumpTo(page)
		l, err := s.List(ctx, AgentListOptions{Page: page, IncludeQueues: true})
		if err != nil {
			return false, err
		}
		read[page] = true
		cur.pages++
		size.observe(l, page)
		fresh := 0
		for i := range l.Results {
			if id := string(l.Results[i].ID); !seen[id] {
				seen[id] = true
				fresh++
			}
			key := strings.ToLower(string(l.Results[i].EmailID))
			if want[key] && found[key] == nil {
				found[key] = &l.Results[i]
			}
		}
		switch cur.advance(l.PageMeta, len(l.Results), fresh) {
		case stepNext:
			return true, nil
		case stepStuck:
			cur.tried = append(cur.tried, "page="+strconv.Itoa(page))
			stuck = cur.incomplete("/agents", "a page brought no agent not read before")
		}
		return false, nil
	}
	done := func() bool { return len(found) == len(want) }
	// incomplete is the walk's error when it did not find every agent and
	// cannot say that the list holds no more: the answers count more agents
	// than it met, or a page repeated entries while saying more follow.
	incomplete := func() error {
		switch {
		case done():
			return nil
		case stuck != nil:
			stuck.Read, stuck.Pages = len(seen), len(read)
			return stuck
		case size.Results > len(seen):
			return &IncompleteListError{Path: "/agents", Read: len(seen), Pages: len(read), Total: size.Results,
				Reason: "the pages read brought fewer distinct agents than the answers count"}
		}
		return nil
	}

	if startPage < 1 {
		more, err := visit(1)
		if err != nil || done() {
			return found, size, err
		}
		if !more {
			return found, size, incomplete()
		}
		startPage = max(size.Pages, 2)
	}
	page := startPage
	for ; page <= maxPages && !done(); page++ {
		more, err := visit(page)
		if err != nil {
			return found, size, err
		}
		if !more {
			break
		}
	}
	for page = startPage - 1; page >= 1 && !done(); page-- {
		if read[page] {
			continue
		}
		if _, err := visit(page); err != nil {
			return found, size, err
		}
	}
	return found, size, incomplete()
}

// ListSize is what a walk through the agents list learnt of its size. Zero
// fields are unknown.
type ListSize struct {
	Pages, Results, PageSize int
}

// observe learns from the answer for page. The page size is the count of
// a page that others follow, a full one, rather than the limit an answer
// states (a server may cap its pages below the limit it echoes); failing
// that, the larger of the two. The page count is the larger of totalPages
// and totalResults over the page size.
func (z *ListSize) observe(l *AgentList, page int) {
	if t := l.Total(); t > 0 {
		z.Results = t
	}
	if got := len(l.Results); got > 0 && l.followed(page) {
		z.PageSize = got
	} else if z.PageSize == 0 {
		z.PageSize = max(got, l.pageSize())
	}
	if l.TotalPages != nil && *l.TotalPages > 0 {
		z.Pages = max(z.Pages, int(*l.TotalPages))
	}
	if z.Results > 0 && z.PageSize > 0 {
		z.Pages = max(z.Pages, (z.Results+z.PageSize-1)/z.PageSize)
	}
}

// PageOf is the page that holds the n-th agent (1-based), or 0 when the
// page size is unknown.
func (z ListSize) PageOf(n int) int {
	if z.PageSize <= 0 || n <= 0 {
		return 0
	}
	return (n + z.PageSize - 1) / z.PageSize
}

// Gone reports whether err, the failure of a request about the agent id,
// proves that the agent no longer exists (see gone.go). Otherwise it
// answers err, or a *StreamError.
func (s *AgentsService) Gone(ctx context.Context, id string, err error) (bool, error) {
	return s.client.gone(ctx, err, "agents", func(ctx context.Context) (bool, error) {
		found := false
		listErr := s.ListAll(ctx, false, func(_ int, l *AgentList) bool {
			for i := range l.Results {
				found = found || string(l.Results[i].ID) == id
			}
			return !found
		})
		return found, listErr
	})
}
