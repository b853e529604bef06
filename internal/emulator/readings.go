package emulator

import (
	"fmt"
	"net/http"
)

// Readings choose how the emulator answers where the vendor's pages are
// silent. The zero value is the emulator's default reading; each field names
// another reading the real API may follow, so the provider can be tested
// under each. They are set in Config, read back with Server.Readings and
// changed at run time with Server.SetReadings or PUT /_emulator/config.
type Readings struct {
	// ListLimit is how every list reads its limit query parameter; see
	// ListLimitMode. "" means ListLimitDefault.
	ListLimit ListLimitMode `json:"listLimit"`

	// ListLimitCap is the largest page ListLimitCapped grants; 0 means
	// DefaultListLimitCap. Other modes do not read it.
	ListLimitCap int `json:"listLimitCap"`

	// HasMoreOnLastPage makes every list page, the last and an empty one
	// included, answer "hasMore": true, as some vendor samples do.
	// totalResults and totalPages stay truthful.
	HasMoreOnLastPage bool `json:"hasMoreOnLastPage"`

	// HasMoreNever makes every list page answer "hasMore": false, the
	// first included, while the other figures say more follow: a hasMore
	// that contradicts them. It cannot be set with HasMoreOnLastPage.
	HasMoreNever bool `json:"hasMoreNever"`

	// ListLimitEcho makes every list page state the limit it was asked
	// for (when one was sent) as its limit, and count its totalPages by
	// it, whatever page size it served: with ListLimitCapped, a server
	// that caps its pages below the limit it echoes.
	ListLimitEcho bool `json:"listLimitEcho"`

	// ListFigures is which of the figures hasMore, totalPages and
	// totalResults every list page gives; see ListFiguresMode. "" means
	// ListFiguresAll.
	ListFigures ListFiguresMode `json:"listFigures"`

	// ListSkip is how the lists that page by skip (contacts, agent
	// groups, conversations) read skip; see ListSkipMode. "" means
	// ListSkipHonoured.
	ListSkip ListSkipMode `json:"listSkip"`

	// ListPage is how the lists that page by page (agents, queues, skill
	// groups, skills) read page; see ListPageMode. "" means
	// ListPageHonoured.
	ListPage ListPageMode `json:"listPage"`

	// ListPagingIgnored makes every list ignore skip, page and limit:
	// each answer is the list's first 10 entries, with a truthful
	// totalResults, totalPages and hasMore.
	ListPagingIgnored bool `json:"listPagingIgnored"`

	// UnknownStreamStatus is the status of an answer to a request whose
	// path names a stream the emulator does not serve (the credentials
	// being otherwise good); 0 means 404. 401 answers "Invalid SDK
	// credentials: unknown streamId <id>", any other status "App not
	// found: <id>", both in the documented error envelope.
	UnknownStreamStatus int `json:"unknownStreamStatus"`

	// UnknownAccountStatus is the status of an answer to a request whose
	// accountId header names another account; 0 means 401. A missing
	// accountId header is always a 401.
	UnknownAccountStatus int `json:"unknownAccountStatus"`

	// MissingObjectStatus is the status of an answer to a request whose
	// path names an object that does not exist (an agent, also by custom
	// id, a queue, skill group, skill, agent group, contact, conversation
	// or organization), whatever the method; 0 means 404. The message
	// ("Queue not found: qu-…") is the same for every status.
	MissingObjectStatus int `json:"missingObjectStatus"`

	// ThrottleStatus is the status of the rate limiter's over-limit
	// answer; 0 means 429. The pages document that answer by its message
	// only (Rate Limits), so the real API may send it as a 400 or a 503:
	// whatever the status, the body is the documented message in the error
	// envelope, with the code 429, and Retry-After is set.
	ThrottleStatus int `json:"throttleStatus"`
	// DuplicateStatus is the status of the refusal of a create or update
	// whose natural key another object holds (an agent's email; a queue's,
	// skill group's or agent group's name); 0 means 409. The pages document
	// no status for it; the vendor has been seen answering a duplicate
	// agent with 400. The message is the same for every status.
	DuplicateStatus int `json:"duplicateStatus"`

	// CampaignReadings choose the readings of the Campaign Management
	// pages' contradictions (campaign_readings.go).
	CampaignReadings
}

// Defaults of the Readings fields whose zero value means "default".
const (
	DefaultListLimitCap         = 25
	DefaultUnknownStreamStatus  = http.StatusNotFound
	DefaultUnknownAccountStatus = http.StatusUnauthorized
	DefaultMissingObjectStatus  = http.StatusNotFound
	DefaultThrottleStatus       = http.StatusTooManyRequests
	DefaultDuplicateStatus      = http.StatusConflict
)

// withDefaults returns r with its zero values replaced by the defaults.
func (r Readings) withDefaults() Readings {
	if r.ListLimit == "" {
		r.ListLimit = ListLimitDefault
	}
	if r.ListLimitCap == 0 {
		r.ListLimitCap = DefaultListLimitCap
	}
	if r.ListSkip == "" {
		r.ListSkip = ListSkipHonoured
	}
	if r.ListFigures == "" {
		r.ListFigures = ListFiguresAll
	}
	if r.ListPage == "" {
		r.ListPage = ListPageHonoured
	}
	if r.UnknownStreamStatus == 0 {
		r.UnknownStreamStatus = DefaultUnknownStreamStatus
	}
	if r.UnknownAccountStatus == 0 {
		r.UnknownAccountStatus = DefaultUnknownAccountStatus
	}
	if r.MissingObjectStatus == 0 {
		r.MissingObjectStatus = DefaultMissingObjectStatus
	}
	if r.ThrottleStatus == 0 {
		r.ThrottleStatus = DefaultThrottleStatus
	}
	if r.DuplicateStatus == 0 {
		r.DuplicateStatus = DefaultDuplicateStatus
	}
	r.CampaignReadings = r.CampaignReadings.withDefaults()
	return r
}

// Validate reports the first field that no reading can use: an unknown
// ListLimit, ListFigures, ListSkip or ListPage, HasMoreOnLastPage with
// HasMoreNever, a negative ListLimitCap, or a status
// that is not 0 or an error status (400 to 599).
func (r Readings) Validate() error {
	if _, ok := listLimitModes[r.ListLimit]; !ok && r.ListLimit != "" {
		return fmt.Errorf("list limit mode %q is not one of %s", r.ListLimit, listLimitModeNames())
	}
	if _, ok := listSkipModes[r.ListSkip]; !ok && r.ListSkip != "" {
		return fmt.Errorf("list skip mode %q is not one of honour, page or ignore", r.ListSkip)
	}
	if _, ok := listPageModes[r.ListPage]; !ok && r.ListPage != "" {
		return fmt.Errorf("list page mode %q is not one of honour, skip or ignore", r.ListPage)
	}
	if _, ok := listFiguresModes[r.ListFigures]; !ok && r.ListFigures != "" {
		return fmt.Errorf("list figures mode %q is not one of %s", r.ListFigures, listFiguresModeNames)
	}
	if r.HasMoreOnLastPage && r.HasMoreNever {
		return fmt.Errorf("hasMore cannot be true on the last page and false on every page: set one of hasMoreOnLastPage and hasMoreNever")
	}
	if r.ListLimitCap < 0 {
		return fmt.Errorf("list limit cap %d must not be negative", r.ListLimitCap)
	}
	for _, st := range []struct {
		name  string
		value int
	}{
		{"unknown stream status", r.UnknownStreamStatus},
		{"unknown account status", r.UnknownAccountStatus},
		{"missing object status", r.MissingObjectStatus},
		{"throttle status", r.ThrottleStatus},
		{"duplicate status", r.DuplicateStatus},
	} {
		if st.value != 0 && (st.value < 400 || st.value > 599) {
			return fmt.Errorf("%s %d must be 0 (the default) or an error status from 400 to 599", st.name, st.value)
		}
	}
	return r.CampaignReadings.validate()
}

// Readings returns the readings in force, with defaults filled in.
func (s *Server) Readings() Readings { return *s.readings.Load() }

// SetReadings replaces the readings in force, for requests that arrive
// from now on. It returns Validate's error and changes nothing then.
func (s *Server) SetReadings(r Readings) error {
	if err := r.Validate(); err != nil {
		return err
	}
	r = r.withDefaults()
	s.readings.Store(&r)
	return nil
}

// rd returns the readings in force.
func (s *Server) rd() *Readings { return s.readings.Load() }
