package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// createKind is one kind the client creates, as the table below drives it.
type createKind struct {
	kind   string
	unique bool
	post   string // the create's path below the stream
	// entry is a list entry with the key, the id and createdAt ("" for
	// none); answer is the create's 2xx answer, with the id when id is set.
	entry  func(id, createdAt string) string
	answer func(id string) string
	create func(ctx context.Context, c *Client) (string, error)
}

func namedKind(kind, post string, create func(ctx context.Context, c *Client) (string, error)) createKind {
	return createKind{kind: kind, post: post, create: create,
		entry: func(id, at string) string {
			if at == "" {
				return fmt.Sprintf(`{"id":%q,"name":"K"}`, id)
			}
			return fmt.Sprintf(`{"id":%q,"name":"K","createdAt":%q}`, id, at)
		},
		answer: func(id string) string {
			if id == "" {
				return `{"name":"K","description":"d"}`
			}
			return fmt.Sprintf(`{"id":%q,"name":"K","description":"d"}`, id)
		}}
}

var createKinds = []createKind{
	namedKind("skill group", "/skill-groups", func(ctx context.Context, c *Client) (string, error) {
		g, err := c.SkillGroups.Create(ctx, SkillGroupRequest{Name: "K"})
		if err != nil {
			return "", err
		}
		return string(g.ID), nil
	}),
	namedKind("skill", "/skill-groups/sg-1/skills", func(ctx context.Context, c *Client) (string, error) {
		sk, err := c.Skills.Create(ctx, "sg-1", SkillRequest{Name: "K"})
		if err != nil {
			return "", err
		}
		return string(sk.ID), nil
	}),
	namedKind("queue", "/queues", func(ctx context.Context, c *Client) (string, error) {
		q, err := c.Queues.Create(ctx, QueueRequest{Name: "K", HoursOfOperationID: "h-1"})
		if err != nil {
			return "", err
		}
		return string(q.ID), nil
	}),
	namedKind("agent group", "/agent-groups", func(ctx context.Context, c *Client) (string, error) {
		g, err := c.AgentGroups.Create(ctx, AgentGroupRequest{Name: "K", Description: "d"})
		if err != nil {
			return "", err
		}
		return string(g.ID), nil
	}),
	{kind: "agent", unique: true, post: "/agents",
		entry: func(id, at string) string {
			if at == "" {
				return fmt.Sprintf(`{"id":%q,"emailId":"k@example.com"}`, id)
			}
			return fmt.Sprintf(`{"id":%q,"emailId":"k@example.com","createdAt":%q}`, id, at)
		},
		answer: func(id string) string {
			if id == "" {
				return `{"emailId":"k@example.com"}`
			}
			return fmt.Sprintf(`{"id":%q,"emailId":"k@example.com"}`, id)
		},
		create: func(ctx context.Context, c *Client) (string, error) {
			a, err := c.Agents.Create(ctx, &AgentRequest{EmailID: String("k@example.com")})
			if err != nil {
				return "", err
			}
			return string(a.ID), nil
		}},
}

const (
	before = "2020-01-01T00:00:00.000Z" // before any create of the test
	since  = "2999-01-01T00:00:00.000Z" // after it
)

// The account states: the objects with the create's key when the lookup
// runs (older: made before the create began; newer: after).
var createStates = []struct {
	name    string
	entries [][2]string // id, createdAt
}{
	{"no object with the key", nil},
	{"one older", [][2]string{{"old", before}}},
	{"one newer", [][2]string{{"new", since}}},
	{"one of unknown age", [][2]string{{"undated", ""}}},
	{"several: one older, one newer", [][2]string{{"old", before}, {"new", since}}},
	{"several newer", [][2]string{{"new1", since}, {"new2", since}}},
}

// What each kind × answer × account state gives: the id taken, or the
// error's kind and the ids it names.
//
//	id X           the object X is taken
//	unconfirmed X  an *UnconfirmedCreateError listing the ids X ("" none)
//	none created   the POST's error, saying none was created
//	exists X       the refusal, as an *ExistsError naming X
//	refused        the refusal, nothing found to explain it
func TestWhatACreateAnswerGives(t *testing.T) {
	answers := []CreateAnswer{AnswerWithID, AnswerWithoutID, AnswerRefused, AnswerThrottled4xx, AnswerThrottled5xx, AnswerServerError, AnswerLost}
	want := func(k createKind, a CreateAnswer, state string) (string, int) {
		// The second value is the number of POSTs.
		mayHave := map[string]string{
			"no object with the key":        "none created",
			"one older":                     "unconfirmed old",
			"one newer":                     "id new",
			"one of unknown age":            "unconfirmed undated",
			"several: one older, one newer": "id new",
			"several newer":                 "unconfirmed new1,new2",
		}
		switch a {
		case AnswerWithID:
			return "id answered", 1
		case AnswerThrottled4xx:
			return "id answered", 2 // refused unprocessed, sent again
		case AnswerWithoutID:
			switch state {
			case "no object with the key":
				return "unconfirmed ", 1
			case "one of unknown age":
				return "id undated", 1 // confirmed, and the only one with the key
			}
		case AnswerRefused:
			switch state {
			case "no object with the key":
				return "refused", 1
			case "several: one older, one newer":
				if !k.unique {
					return "refused", 1 // the name is ambiguous: the error says so
				}
				return "exists old", 1 // the email's first holder in the list
			case "several newer":
				if !k.unique {
					return "refused", 1
				}
				return "exists new1", 1
			}
			// The refusal's lookup takes whatever has the key: it only
			// explains the refusal, and adopts nothing.
			return "exists " + map[string]string{"one older": "old", "one newer": "new", "one of unknown age": "undated"}[state], 1
		}
		if k.unique && state == "several newer" {
			// The email is unique: the lookup takes the first holder.
			return "id new1", 1
		}
		if k.unique && state == "several: one older, one newer" {
			return "unconfirmed old", 1
		}
		return mayHave[state], 1
	}
	for _, k := range createKinds {
		for _, a := range answers {
			for _, st := range createStates {
				t.Run(k.kind+"/"+a.String()+"/"+st.name, func(t *testing.T) {
					got, posts := runCreate(t, k, a, st.entries)
					wantGot, wantPosts := want(k, a, st.name)
					if got != wantGot || posts != wantPosts {
						t.Fatalf("got %q after %d POSTs, want %q after %d", got, posts, wantGot, wantPosts)
					}
				})
			}
		}
	}
}

// runCreate creates one k against a server that answers the POST with a
// and lists entries, and says what came of it and how many POSTs were sent.
func runCreate(t *testing.T, k createKind, a CreateAnswer, entries [][2]string) (string, int) {
	var mu sync.Mutex
	posts := 0
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			if !strings.HasSuffix(r.URL.Path, k.post) {
				t.Errorf("POST %s, want %s", r.URL.Path, k.post)
			}
			mu.Lock()
			posts++
			n := posts
			mu.Unlock()
			switch {
			case a == AnswerWithID, a == AnswerThrottled4xx && n > 1:
				fmt.Fprint(w, k.answer("answered"))
			case a == AnswerWithoutID:
				fmt.Fprint(w, k.answer(""))
			case a == AnswerRefused:
				w.WriteHeader(http.StatusBadRequest)
				fmt.Fprint(w, `{"errors":[{"msg":"invalid","code":400}]}`)
			case a == AnswerThrottled4xx:
				w.Header().Set("Retry-After", "0")
				w.WriteHeader(http.StatusBadRequest)
				fmt.Fprint(w, documentedThrottle)
			case a == AnswerThrottled5xx:
				w.WriteHeader(http.StatusServiceUnavailable)
				fmt.Fprint(w, documentedThrottle)
			case a == AnswerServerError:
				w.WriteHeader(http.StatusBadGateway)
				fmt.Fprint(w, `{"errors":[{"msg":"bad gateway","code":502}]}`)
			default:
				hangUp(w)
			}
			return
		}
		list := make([]string, len(entries))
		for i, e := range entries {
			list[i] = k.entry(e[0], e[1])
		}
		fmt.Fprintf(w, `{"results":[%s],"hasMore":false}`, strings.Join(list, ","))
	}))
	id, err := k.create(t.Context(), c)
	var u *UnconfirmedCreateError
	var exists *ExistsError
	switch {
	case err == nil:
		return "id " + id, posts
	case errors.As(err, &u):
		if k.kind != u.Kind || (u.Err == nil) != (a == AnswerWithoutID) {
			t.Errorf("the error's kind %q and create error %v, for a %s answer", u.Kind, u.Err, a)
		}
		return "unconfirmed " + strings.Join(u.FoundIDs, ","), posts
	case errors.As(err, &exists):
		return "exists " + exists.ID, posts
	case strings.Contains(err.Error(), "exists afterwards, so none was created"):
		return "none created", posts
	case IsRefusal(err):
		return "refused", posts
	}
	return "error " + err.Error(), posts
}

// The decision itself, for every kind's key (unique or a name) and every
// answer that may have created an object, contacts included (whose store
// calls it once per contact of a batch). began is compared to the
// millisecond: an object stamped in the millisecond the create began is
// new.
func TestDecideCreated(t *testing.T) {
	began := time.Date(2024, 3, 3, 0, 0, 0, 700_000, time.UTC) // 0.7 ms past
	const (
		older = "2024-03-02T00:00:00.000Z"
		same  = "2024-03-03T00:00:00.000Z"
		later = "1709424000001" // epoch milliseconds, 1 ms later
	)
	postErr := &APIError{Method: "POST", Path: "/x", StatusCode: 502}
	states := []struct {
		name  string
		found []Candidate
	}{
		{"none", nil},
		{"older", []Candidate{{"o", older}}},
		{"newer", []Candidate{{"n", same}}},
		{"undated", []Candidate{{"u", ""}}},
		{"older and newer", []Candidate{{"o", older}, {"n", later}}},
		{"newer and undated", []Candidate{{"n", same}, {"u", "yesterday"}}},
		{"two newer", []Candidate{{"n1", same}, {"n2", later}}},
	}
	// What each state gives after a 2xx without id, and after an answer
	// that may have created the object (a 5xx, a throttle in a 5xx, a lost
	// answer): the same for a unique key and a name.
	confirmed := []string{"unconfirmed created", "unconfirmed o", "adopt n", "adopt u", "adopt n", "unconfirmed n,u", "unconfirmed n1,n2"}
	uncertain := []string{"none created", "unconfirmed o", "adopt n", "unconfirmed u", "adopt n", "unconfirmed n,u", "unconfirmed n1,n2"}
	keys := []CreateKey{
		{Kind: "skill group", By: "name", Value: "K"},
		{Kind: "skill", Where: " in the skill group sg-1", By: "name", Value: "K"},
		{Kind: "queue", By: "name", Value: "K"},
		{Kind: "agent group", By: "name", Value: "K"},
		{Kind: "agent", By: "email", Value: "k@example.com", Unique: true},
		{Kind: "contact", By: "phone number", Value: "+15550100", Unique: true},
	}
	for _, key := range keys {
		for _, a := range []CreateAnswer{AnswerWithoutID, AnswerThrottled5xx, AnswerServerError, AnswerLost} {
			for i, st := range states {
				var err error
				if a != AnswerWithoutID {
					err = postErr
				}
				idx, got := DecideCreated(key, a, err, began, st.found, nil)
				var desc string
				var u *UnconfirmedCreateError
				switch {
				case got == nil:
					desc = "adopt " + st.found[idx].ID
				case errors.As(got, &u) && u.Created && len(u.FoundIDs) == 0:
					desc = "unconfirmed created"
				case errors.As(got, &u):
					desc = "unconfirmed " + strings.Join(u.FoundIDs, ",")
				case errors.Is(got, postErr) && strings.HasSuffix(got.Error(), fmt.Sprintf("(no %s%s with the %s %s exists afterwards, so none was created)", key.Kind, key.Where, key.By, key.Value)):
					desc = "none created"
				default:
					desc = "error " + got.Error()
				}
				want := uncertain[i]
				if a == AnswerWithoutID {
					want = confirmed[i]
				}
				if desc != want {
					t.Errorf("%s, %s, %s: %s, want %s", key.Kind, a, st.name, desc, want)
				}
			}
		}
	}
}

// The error after a 502 names the objects with the key and why none was
// taken; a failed lookup is said as such.
func TestDecideCreatedErrors(t *testing.T) {
	key := CreateKey{Kind: "agent group", By: "name", Value: "Tier 1"}
	postErr := &APIError{Method: "POST", Path: "/agent-groups", StatusCode: 502, Message: "down"}
	_, err := DecideCreated(key, AnswerServerError, postErr, time.Now(), []Candidate{{"ag-1", before}}, nil)
	want := `creating the agent group Tier 1 failed in a way that may still have created it: POST /agent-groups: HTTP 502 Bad Gateway: down; ` +
		`one agent group with the name Tier 1 exists now, with the id ag-1; each was created before the create began (by createdAt), so none is from this create`
	if err == nil || err.Error() != want {
		t.Fatalf("err =\n%v\nwant\n%s", err, want)
	}
	_, err = DecideCreated(key, AnswerLost, postErr, time.Now(), nil, errors.New("GET /agent-groups: HTTP 500"))
	want = `creating the agent group Tier 1 failed in a way that may still have created it: POST /agent-groups: HTTP 502 Bad Gateway: down; ` +
		`looking it up by name failed: GET /agent-groups: HTTP 500`
	if err == nil || err.Error() != want {
		t.Fatalf("err =\n%v\nwant\n%s", err, want)
	}
}

// AnswerOf reads the POST's outcome: the status, whether it is a throttle,
// and whether the request left at all.
func TestAnswerOf(t *testing.T) {
	throttle := "You've exceeded the per-minute rate limit. Please wait for sometime before retrying."
	for _, tc := range []struct {
		err  error
		id   string
		want CreateAnswer
	}{
		{nil, "x", AnswerWithID},
		{nil, "", AnswerWithoutID},
		{&APIError{StatusCode: 400}, "", AnswerRefused},
		{&APIError{StatusCode: 409}, "", AnswerRefused},
		{&APIError{StatusCode: 429}, "", AnswerThrottled4xx},
		{&rateLimitedError{last: &APIError{StatusCode: 400, Message: throttle}}, "", AnswerThrottled4xx},
		{fmt.Errorf("w: %w", &APIError{StatusCode: 503, Message: throttle}), "", AnswerThrottled5xx},
		{&APIError{StatusCode: 502, Code: 429}, "", AnswerThrottled5xx},
		{&APIError{StatusCode: 500}, "", AnswerServerError},
		{&APIError{StatusCode: 501}, "", AnswerServerError},
		{errors.New("EOF"), "", AnswerLost},
		{&DecodeError{Method: "POST", Reason: "not JSON"}, "", AnswerLost},
		{NotSent(errors.New("interrupted")), "", AnswerUnsent},
	} {
		if got := AnswerOf(tc.err, tc.id); got != tc.want {
			t.Errorf("AnswerOf(%v, %q) = %s, want %s", tc.err, tc.id, got, tc.want)
		}
	}
}
