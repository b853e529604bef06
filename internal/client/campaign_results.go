package client

import (
	"context"
	"net/http"
	"net/url"
)

// CampaignResultsService reads a campaign's dial results: Get All Contact
// Details Voice Campaigns v2
// (https://docs.kore.ai/ai-for-service/apis/contact-center/get-all-contact-details-voice-campaigns-v2),
// POST B2/campaign/{id}/status?view=contacts with the paging in the body,
// {page, limit}, limit 1 to 100. The answer is {status, data: {results,
// page, limit, totalPages, totalResults}}.
type CampaignResultsService service

// CampaignResultPageSize is the most results one page may hold, as the
// page documents it.
const CampaignResultPageSize = 100

// CampaignResult is one number a campaign dialled (or will dial), decoded
// leniently: every field is only shown.
type CampaignResult struct {
	PhoneNumber             FlexString        `json:"phoneNumber"`
	UniqueID                LooseString       `json:"uniqueId"`
	DialerOutcome           LooseString       `json:"dialerOutcome"`
	NumberOfAttemptsSoFar   *FlexInt          `json:"numberOfAttemptsSoFar"`
	BotSessionID            LooseString       `json:"botSessionId"`
	AgentDispositionCodes   LooseList[string] `json:"agentDispositionCodes"`
	BotOutboundStatus       LooseString       `json:"botOutboundStatus"`
	BotOutboundStatusDetail LooseString       `json:"botOutboundStatusDetail"`
}

// key tells results apart in a walk. The page gives them no id: a result
// is its number, with its uniqueId and bot session when it has them. One
// without a number names nothing, and fails the walk.
func (r *CampaignResult) key() string {
	if r.PhoneNumber == "" {
		return ""
	}
	return string(r.PhoneNumber) + "\x00" + string(r.UniqueID) + "\x00" + string(r.BotSessionID)
}

// resultsBody is the paging of a request, in the body.
type resultsBody struct {
	Page  int `json:"page,omitempty"`
	Skip  int `json:"skip,omitempty"`
	Limit int `json:"limit,omitempty"`
}

// List reads one page of the campaign's results. opts.Page (from 1) and
// opts.Limit go in the body; a walk that finds page ignored tries skip
// (see walker.go), sent in the body too.
func (s *CampaignResultsService) List(ctx context.Context, campaignID string, opts ListOptions) (*ListPage[CampaignResult], error) {
	if _, err := segment("campaign", campaignID); err != nil {
		return nil, err
	}
	var env campaignEnvelope[ListPage[CampaignResult]]
	err := s.client.campaignCall(ctx, http.MethodPost, url.Values{"view": {"contacts"}},
		resultsBody{Page: opts.Page, Skip: opts.Skip, Limit: opts.Limit}, &env, "campaign", campaignID, "status")
	if err != nil {
		return nil, err
	}
	path := "/campaign/" + url.PathEscape(campaignID) + "/status?view=contacts"
	if err := campaignFailed(http.MethodPost, path, env.Status, env.Message, env.Data != nil); err != nil {
		return nil, err
	}
	return env.Data, nil
}

// ListAll follows the pages of the campaign's results until max results
// (0: no bound) or the end of the list, by what each answer says of itself
// (walker.go). Each page asks for min(max, 100): a page number stands for
// a fixed page size, so the size stays the same across the walk.
func (s *CampaignResultsService) ListAll(ctx context.Context, campaignID string, max int) ([]CampaignResult, error) {
	limit := CampaignResultPageSize
	if max > 0 && max < limit {
		limit = max
	}
	fetch := func(ctx context.Context, o ListOptions) (*ListPage[CampaignResult], error) {
		return s.List(ctx, campaignID, o)
	}
	var out []CampaignResult
	start := pageCursor{opts: ListOptions{Page: 1, Limit: limit}, moving: true}
	err := walkList(ctx, start, fetch, (*CampaignResult).key, "/campaign/"+url.PathEscape(campaignID)+"/status?view=contacts",
		func(page []CampaignResult) bool {
			for i := range page {
				out = append(out, page[i])
				if max > 0 && len(out) >= max {
					return false
				}
			}
			return true
		})
	if err != nil {
		return nil, err
	}
	return out, nil
}
