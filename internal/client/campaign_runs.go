package client

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// CampaignRunsService starts campaigns and reads their status: Start Voice
// Campaign (v2), Start SMS Campaign (v2) and Get Campaign Status (v2)
// (https://docs.kore.ai/ai-for-service/apis/contact-center/start-voice-campaign-v2,
// …/start-sms-campaign-v2, …/get-campaign-status-v2). A campaign is
// stopped through Campaigns.Stop.
//
// The Campaign Management pages print their endpoints below
//
//	/campaign/api/v2/public/{streamId}/campaign/…?accountId={accountId}
//
// (B2), though the voice start and stop pages print /api/v2/public/… for
// the same tail. The client sends every campaign call below B2, the prefix
// of every other page of the family, with the tail and query each page
// prints; the voice start and stop go once to the printed prefix when B2
// answers 404 (campaign_prefix.go).
type CampaignRunsService service

// The statuses Get Campaign Status (v2) names besides the four of
// campaigns.go.
const (
	CampaignStatusCompleted   = "Completed"
	CampaignStatusPaused      = "Paused"
	CampaignStatusScheduled   = "Scheduled"
	CampaignStatusRescheduled = "Rescheduled"
)

// CampaignStatuses are every status a campaign is documented to have.
var CampaignStatuses = []string{CampaignStatusActive, CampaignStatusCompleted, CampaignStatusReady, CampaignStatusPaused,
	CampaignStatusPreparing, CampaignStatusStopped, CampaignStatusScheduled, CampaignStatusRescheduled}

// campaignCall sends one Campaign Management request for the tail
// segments (escaped here) below the campaign base path, with query (and
// accountId, see campaignRequest), and body as JSON: {} when a POST has
// none, as every sample sends one. out receives the whole answer.
func (c *Client) campaignCall(ctx context.Context, method string, query url.Values, body, out any, tail ...string) error {
	return c.campaignCallAt(ctx, campaignRootPath, method, query, body, out, tail...)
}

// campaignCallAt is campaignCall below root in place of the campaign base
// path (campaign_prefix.go).
func (c *Client) campaignCallAt(ctx context.Context, root, method string, query url.Values, body, out any, tail ...string) error {
	segs := make([]string, len(tail))
	for i, s := range tail {
		segs[i] = url.PathEscape(s)
	}
	if body == nil && method == http.MethodPost {
		body = struct{}{}
	}
	req, err := c.campaignRequest(ctx, method, root, query, body, segs...)
	if err != nil {
		return err
	}
	return c.send(req, out)
}

// CampaignRun is what a start answers: the campaign's status (Active), the
// API's message, and, for a voice campaign, the instance started.
type CampaignRun struct {
	Status             FlexString  `json:"status"`
	Message            LooseString `json:"message"`
	UpdatedAt          LooseString `json:"updatedAt"`
	CampaignInstanceID LooseString `json:"campaignInstanceId"`
}

// Start sends the play trigger for the campaign id of kind. The voice
// page posts to campaign/trigger/{id}, the SMS page to campaign/{id}; each
// is sent as its page prints it, below the campaign base path (as Stop
// does). The voice page prints the prefix /api/v2/public/…: a 404 at the
// base path is followed by one POST there (campaign_prefix.go). A 404 may
// also mean that the campaign does not exist: the printed prefix then
// answers 404 too, and the base path's error is answered, at the cost of
// that one extra call. A campaign starts asynchronously: the answer's
// status is where it stands now, and Status says where it goes.
func (s *CampaignRunsService) Start(ctx context.Context, kind CampaignKind, id string) (*CampaignRun, error) {
	if _, err := segment("campaign", id); err != nil {
		return nil, err
	}
	q, err := kindQuery(kind)
	if err != nil {
		return nil, err
	}
	q.Set("trigger", "play")
	var run CampaignRun
	if kind != CampaignVoice {
		err = s.client.campaignCall(ctx, http.MethodPost, q, nil, &run, "campaign", id)
	} else {
		err = s.client.campaignAtEither(ctx, routeVoiceTrigger, func(ctx context.Context, root string) error {
			run = CampaignRun{}
			return s.client.campaignCallAt(ctx, root, http.MethodPost, q, nil, &run, "campaign", "trigger", id)
		})
	}
	if err != nil {
		return nil, err
	}
	return &run, nil
}

// CampaignState is a campaign's status as Get Campaign Status (v2) answers
// it.
type CampaignState struct {
	ID     FlexString `json:"id"`
	Status FlexString `json:"status"`
	Name   FlexString `json:"name"`
}

func (st *CampaignState) missing() []string { return absent("data.status", string(st.Status)) }

// campaignFailed is a *DecodeError for an answer whose envelope says
// "failure" (under a 2xx status), or that carries no data (hasData false).
func campaignFailed(method, path string, status, message LooseString, hasData bool) error {
	if strings.EqualFold(string(status), "failure") {
		msg := string(message)
		if msg == "" {
			msg = "no message"
		}
		return &DecodeError{Method: method, Path: path, Reason: "the API answered status failure: " + msg}
	}
	if !hasData {
		return &DecodeError{Method: method, Path: path, Reason: "the answer has no data"}
	}
	return nil
}

// Status reads the campaign's current status (view=status).
func (s *CampaignRunsService) Status(ctx context.Context, id string) (*CampaignState, error) {
	if _, err := segment("campaign", id); err != nil {
		return nil, err
	}
	var env campaignEnvelope[CampaignState]
	if err := s.client.campaignCall(ctx, http.MethodPost, url.Values{"view": {"status"}}, nil, &env, "campaign", id, "status"); err != nil {
		return nil, err
	}
	path := "/campaign/" + url.PathEscape(id) + "/status"
	if err := campaignFailed(http.MethodPost, path, env.Status, env.Message, env.Data != nil); err != nil {
		return nil, err
	}
	if err := checkComplete(http.MethodPost, path, env.Data); err != nil {
		return nil, err
	}
	if env.Data.ID == "" {
		env.Data.ID = FlexString(id)
	}
	return env.Data, nil
}

// CampaignCanBecome reports whether a campaign in status from can still
// reach status to (Active after a start, Stopped after a stop). The pages
// say nothing of the transitions, and a trigger is taken up
// asynchronously, so only the one status the pages call final is a dead
// end: a Completed campaign has dialled its lists, and neither a start nor
// a stop moves it. Every other status may still be on its way.
func CampaignCanBecome(from, to string) bool {
	return strings.EqualFold(from, to) || !strings.EqualFold(from, CampaignStatusCompleted)
}
