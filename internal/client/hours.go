package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/hashicorp/go-retryablehttp"
)

// HoursOfOperationService reads hours of operation. The vendor documents
// one endpoint for them, the read of a queue's hours of operation (Hours of
// Operation, https://docs.kore.ai/ai-for-service/apis/contact-center/hours-of-operation):
//
//	GET /agentassist/api/public/organizations/{orgId}/operationshours/{queueId}
//
// Unlike every other endpoint it is not below the stream's base path: the
// path has no /v1/ and no stream id, and the stream is named by the iId
// header instead. The account's orgId is on every queue the API answers.
type HoursOfOperationService service

// hoursRootPath is the documented prefix of the hours-of-operation read,
// relative to the host's root.
const hoursRootPath = "agentassist/api/public/organizations"

// HoursOfOperation is a queue's hours of operation as the API returns them.
// The fields a caller shows or compares are Flex; the others are Loose and
// never fail a read.
type HoursOfOperation struct {
	ID        FlexString `json:"id"`
	Name      FlexString `json:"name"`
	Status    FlexString `json:"status"`
	Timezone  FlexString `json:"timezone"`
	IsDefault *FlexBool  `json:"isDefault"`

	// StandardDays are the weekly hours: frequency "WEEKLY", one entry per
	// open day ("SU", "MO", …) with its start and end ("9:00 AM").
	StandardDays FlexObject[HoursSchedule] `json:"standardDays"`
	// SpecialDays are the exceptions, frequency "YEARLY" in the sample.
	SpecialDays FlexObject[HoursSchedule] `json:"specialDays"`

	LName                   LooseString `json:"lname"`
	OrgID                   LooseString `json:"orgId"`
	IID                     LooseString `json:"iId"`
	CreatedBy               LooseString `json:"createdBy"`
	CreatedByAID            LooseString `json:"createdByAId"`
	IsHoursOfOperationValid LooseBool   `json:"isHoursOfOperationValid"`
}

// HoursSchedule is one set of days of an hours of operation.
type HoursSchedule struct {
	Frequency FlexString         `json:"frequency"`
	Days      FlexList[HoursDay] `json:"days"`
}

// HoursDay is one day's opening, as the sample writes it: {start:"9:00 AM",
// end:"11:00 PM", day:"SU"}. The times are kept as the API spells them.
type HoursDay struct {
	Day   FlexString `json:"day"`
	Start FlexString `json:"start"`
	End   FlexString `json:"end"`
}

// missing names the fields every answer carries, when they are absent.
func (h *HoursOfOperation) missing() []string {
	return absent("id", string(h.ID), "name", string(h.Name))
}

// GetForQueue reads the hours of operation of the queue queueID in the
// organization orgID (a queue's orgId). An unknown org or queue is an
// *APIError for which IsNotFound holds when the API answers 404.
func (s *HoursOfOperationService) GetForQueue(ctx context.Context, orgID, queueID string) (*HoursOfOperation, error) {
	org, err := segment("organization", orgID)
	if err != nil {
		return nil, err
	}
	queue, err := segment("queue", queueID)
	if err != nil {
		return nil, err
	}
	req, err := s.client.newRootRequest(ctx, http.MethodGet, hoursRootPath, org, "operationshours", queue)
	if err != nil {
		return nil, err
	}
	var h HoursOfOperation
	if err := s.client.send(req, &h); err != nil {
		return nil, err
	}
	if err := checkComplete(http.MethodGet, req.URL.EscapedPath(), &h); err != nil {
		return nil, err
	}
	return &h, nil
}

// newRootRequest builds a request for a path below the host's root rather
// than the stream's base path (escaped segments, joined). It carries the
// headers of newRequest and the stream in the iId header; auth, the rate
// limit and retries are the transport's, as for every request.
func (c *Client) newRootRequest(ctx context.Context, method string, segments ...string) (*retryablehttp.Request, error) {
	req, err := c.newRequest(ctx, method, "", nil, nil)
	if err != nil {
		return nil, err
	}
	req.URL = c.rootURL().JoinPath(segments...)
	req.Header.Set("iId", c.stream)
	return req, nil
}

// rootURL is the configured host with its own path, if any: the stream's
// base URL without the base path.
func (c *Client) rootURL() *url.URL {
	u := *c.base
	u.Path = strings.TrimSuffix(u.Path, fmt.Sprintf(basePathFormat, c.stream))
	u.RawPath, u.RawQuery = "", ""
	if !strings.HasPrefix(u.Path, "/") {
		u.Path = "/" + u.Path
	}
	return &u
}
