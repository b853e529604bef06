package client

import (
	"context"
	"net/http"
	"strconv"
)

// The list of campaigns is Get All Campaigns (v2)
// (https://docs.kore.ai/ai-for-service/apis/contact-center/get-all-campaigns-v2):
// a POST of paging and filters to .../campaign/getAllCampaignDetails, for
// one kind at a time (type, required), answering {results, skip, limit,
// hasMore, totalPages, totalResults} in the envelope's data. It is walked
// by the shared walker (walker.go), by skip, as its answers count.

// CampaignFilter chooses campaigns. The API filters by kind, status,
// priority and dialing mode; Name is matched here, exactly.
type CampaignFilter struct {
	// Kind is required by the API; "" walks both kinds, SMS first.
	Kind         CampaignKind
	Statuses     []string
	Priorities   []int
	DialingModes []string // voice only
	Name         string
}

type campaignListBody struct {
	Limit   int                  `json:"limit,omitempty"`
	Skip    *int                 `json:"skip,omitempty"`
	Page    int                  `json:"page,omitempty"`
	Type    string               `json:"type"`
	Filters *campaignListFilters `json:"filters,omitempty"`
}

type campaignListFilters struct {
	Status      []string `json:"status,omitempty"`
	Priority    []int    `json:"priority,omitempty"`
	DialingMode []string `json:"dialingMode,omitempty"`
}

// CampaignList is one page of campaigns.
type CampaignList = ListPage[Campaign]

// List reads one page of the campaigns of f.Kind that pass the API's
// filters (f.Name is not sent).
func (s *CampaignsService) List(ctx context.Context, f CampaignFilter, opts ListOptions) (*CampaignList, error) {
	if _, err := kindQuery(f.Kind); err != nil {
		return nil, err
	}
	b := campaignListBody{Limit: opts.Limit, Page: opts.Page, Type: string(f.Kind)}
	if opts.Skip != 0 || opts.bySkip {
		skip := opts.Skip
		b.Skip = &skip
	}
	if len(f.Statuses)+len(f.Priorities)+len(f.DialingModes) > 0 {
		b.Filters = &campaignListFilters{Status: f.Statuses, Priority: f.Priorities}
		if f.Kind == CampaignVoice {
			b.Filters.DialingMode = f.DialingModes
		}
	}
	var l CampaignList
	if _, err := campaignDo(ctx, s.client, http.MethodPost, nil, b, &l, "campaign", "getAllCampaignDetails"); err != nil {
		return nil, err
	}
	return &l, nil
}

// lister walks the list of f's kind (one kind).
func (s *CampaignsService) lister(f CampaignFilter) lister[Campaign] {
	kind := "campaign"
	if f.Kind != "" {
		kind = string(f.Kind) + " campaign"
		if f.Kind == CampaignSMS {
			kind = "SMS campaign"
		}
	}
	return lister[Campaign]{
		kind: kind, path: "/campaign/getAllCampaignDetails?type=" + string(f.Kind), bySkip: true,
		list: func(ctx context.Context, o ListOptions) (*ListPage[Campaign], error) { return s.List(ctx, f, o) },
		get:  s.Get,
		id:   func(c *Campaign) string { return string(c.ID) },
		name: func(c *Campaign) string { return string(c.Name) },
	}
}

func kindsOf(k CampaignKind) []CampaignKind {
	if k == "" {
		return CampaignKinds
	}
	return []CampaignKind{k}
}

// Walk hands visit each campaign that f chooses, page by page as the list
// is read (both kinds when f.Kind is ""), and stops reading when visit
// returns false. A campaign read from a list of one kind whose answer does
// not say its kind is given that kind in CampaignType.
func (s *CampaignsService) Walk(ctx context.Context, f CampaignFilter, visit func(*Campaign) bool) error {
	for _, k := range kindsOf(f.Kind) {
		kf := f
		kf.Kind = k
		more := true
		err := s.lister(kf).walk(ctx, func(c *Campaign) bool {
			if f.Name != "" && string(c.Name) != f.Name {
				return true
			}
			if c.CampaignType == "" {
				c.CampaignType = LooseString(k)
			}
			more = visit(c)
			return more
		})
		if err != nil || !more {
			return err
		}
	}
	return nil
}

// ListAll reads every campaign f chooses.
func (s *CampaignsService) ListAll(ctx context.Context, f CampaignFilter) ([]Campaign, error) {
	var out []Campaign
	err := s.Walk(ctx, f, func(c *Campaign) bool {
		out = append(out, *c)
		return true
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// FindByName reads the lists (of kind, or both when kind is "") for the
// one campaign named exactly name: a *NotListedError (IsNotFound) when
// none is, an *AmbiguousNameError when several are.
func (s *CampaignsService) FindByName(ctx context.Context, kind CampaignKind, name string) (*Campaign, error) {
	matches, err := s.ListAll(ctx, CampaignFilter{Kind: kind, Name: name})
	if err != nil {
		return nil, err
	}
	l := s.lister(CampaignFilter{Kind: kind})
	return l.withPath(OneNamed(l.kind, "", name, matches, l.id))
}

// PriorityNumber reads a priority ("5") as the list filter takes it.
func PriorityNumber(p string) (int, bool) {
	n, err := strconv.Atoi(p)
	return n, err == nil && n >= 1 && n <= 5
}
