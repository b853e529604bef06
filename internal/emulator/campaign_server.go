package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

// The Campaign Management API (contact lists, SMS and voice campaigns,
// their status, start/stop and schedules) lives below its own base path,
//
//	/campaign/api/v2/public/{streamId}/campaign/...?accountId={accountId}
//
// as the v2 pages of the section "Campaign Management APIs" of the page
// "Contact Center AI API List"
// (https://docs.kore.ai/ai-for-service/apis/contact-center/api-list#campaign-management-apis)
// print it. It is authenticated, rate limited, counted, hooked and faulted
// like every other route; its counter keys are "METHOD /campaign/…", the
// template relative to the stream, e.g. "POST /campaign/contactList/createContactList".
const campaignBasePath = "/campaign/api/v2/public/"

// campaignRoute is a route below campaignBasePath.
type campaignRoute struct {
	routeDef
	// accountQuery marks the routes whose page prints ?accountId= in the
	// endpoint: the query parameter must then be sent and name the account.
	accountQuery bool
	// altPrefix is another prefix (in place of campaignBasePath) that some
	// page prints for this route and that Readings.CampaignAltPaths serves
	// as well; "" for none.
	altPrefix string
}

// Other prefixes some pages print for a route (see campaignRoute.altPrefix).
const (
	// altPrefixV2 is what the pages "Start Voice Campaign (v2)", "Stop
	// Voice Campaign (v2)" and "Create SMS Campaign (Advanced Format (v2))"
	// print: /api/v2/public/{streamId}/campaign/...
	altPrefixV2 = "/api/v2/public/"
	// altPrefix11 is what the page "Add Contacts to a Contact List"
	// prints: /api/1.1/public/{streamId}/campaign/contactList/addContacts.
	altPrefix11 = "/api/1.1/public/"
)

// campaignRoutes are relative to the stream below campaignBasePath. The
// first template that matches names the route, so fixed segments come
// before a {param} in the same place.
var campaignRoutes = []campaignRoute{
	{routeDef{http.MethodPost, "/campaign/contactList/createContactList", (*Server).createContactList}, true, ""},
	{routeDef{http.MethodPost, "/campaign/contactList/getAllListDetails", (*Server).listContactLists}, true, ""},
	{routeDef{http.MethodPost, "/campaign/contactList/addContacts", (*Server).addContactsToList}, false, altPrefix11},
	{routeDef{http.MethodGet, "/campaign/contactList/{id}/getAllContacts", (*Server).listContactListContacts}, true, ""},
	{routeDef{http.MethodGet, "/campaign/contactList/{id}", (*Server).getContactList}, true, ""},
	{routeDef{http.MethodPut, "/campaign/contactList/{id}", (*Server).updateContactList}, true, ""},
	{routeDef{http.MethodDelete, "/campaign/contactList/{id}", (*Server).deleteContactList}, true, ""},
	{routeDef{http.MethodPost, "/campaign", (*Server).createCampaign}, true, altPrefixV2},
	{routeDef{http.MethodPost, "/campaign/getAllCampaignDetails", (*Server).listCampaigns}, true, ""},
	{routeDef{http.MethodPost, "/campaign/schedule", (*Server).scheduleCampaign}, false, ""},
	{routeDef{http.MethodPost, "/campaign/trigger/{id}", (*Server).triggerCampaign}, true, altPrefixV2},
	// view=status checks ?accountId= itself: the view=contacts page prints none.
	{routeDef{http.MethodPost, "/campaign/{id}/status", (*Server).campaignStatus}, false, ""},
	{routeDef{http.MethodPost, "/campaign/{id}", (*Server).triggerOrStart}, false, ""},
	{routeDef{http.MethodGet, "/campaign/{id}", (*Server).getCampaign}, true, ""},
	{routeDef{http.MethodPut, "/campaign/{id}", (*Server).updateCampaign}, true, ""},
	{routeDef{http.MethodDelete, "/campaign/{id}", (*Server).deleteCampaign}, true, ""},
}

// matchCampaignRoute matches a path below campaignBasePath, or below an
// alternative prefix for the routes that have one when
// Readings.CampaignAltPaths or CampaignPrintedPathsOnly is set; under the
// latter, such a route at the base path is no route.
func (s *Server) matchCampaignRoute(r *http.Request) routeMatch {
	m := routeMatch{template: unmatchedRoute}
	path := r.URL.EscapedPath()
	prefix := ""
	for _, p := range []string{campaignBasePath, altPrefixV2, altPrefix11} {
		if strings.HasPrefix(path, p) {
			prefix = p
			break
		}
	}
	if prefix == "" {
		return m
	}
	readings := s.rd()
	printedOnly := readings.CampaignPrintedPathsOnly
	if prefix != campaignBasePath && !readings.CampaignAltPaths && !printedOnly {
		return m
	}
	segs, ok := pathSegments(strings.TrimPrefix(path, prefix))
	if !ok {
		return m
	}
	m.api = true
	m.stream = segs[0]
	segs = segs[1:]
	for _, rd := range campaignRoutes {
		if prefix != campaignBasePath && rd.altPrefix != prefix {
			continue
		}
		params, ok := matchTemplate(rd.template, segs)
		if !ok {
			continue
		}
		if m.template == unmatchedRoute {
			m.template, m.params = rd.template, params
		}
		if rd.method == r.Method && rd.template == m.template {
			if printedOnly && prefix == campaignBasePath && rd.altPrefix != "" && printedElsewhere(r, rd.template) {
				return routeMatch{template: unmatchedRoute} // served at the printed prefix alone
			}
			m.handler = rd.handler
			m.accountQuery = rd.accountQuery
			return m
		}
	}
	if m.template == unmatchedRoute && prefix != campaignBasePath {
		m.api = false
	}
	return m
}

// printedElsewhere reports whether a request to the base path for the
// route template is one whose page prints another prefix: every request
// of the voice trigger and add-contacts routes, and of POST /campaign the
// advanced SMS create alone (campaignType=sms, format advanced: the page
// "Create SMS Campaign (Advanced Format (v2))",
// https://docs.kore.ai/ai-for-service/apis/contact-center/create-sms-campaign-advanced-format-v2).
// The body is read to tell, and put back for the handler.
func printedElsewhere(r *http.Request, template string) bool {
	if template != "/campaign" {
		return true
	}
	if r.URL.Query().Get("campaignType") != campaignSMS || r.Body == nil {
		return false
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	r.Body = io.NopCloser(bytes.NewReader(data))
	if err != nil {
		return false
	}
	var body struct {
		Format any `json:"format"`
	}
	return json.Unmarshal(data, &body) == nil && body.Format == "advanced"
}

// checkAccountQuery checks the accountId query parameter of a route whose
// page prints it: it must be sent, and name the account the accountId
// header names.
func (s *Server) checkAccountQuery(r *http.Request) *apiError {
	v := r.URL.Query().Get("accountId")
	if v == "" {
		return badRequest("accountId query parameter is required")
	}
	if v != s.cfg.AccountID {
		return errorf(s.rd().UnknownAccountStatus, "Invalid accountId")
	}
	return nil
}

// campaignOK is the success envelope every campaign page answers:
// {"status":"success","message":…,"data":…}.
func campaignOK(message string, data any) map[string]any {
	return map[string]any{"status": "success", "message": message, "data": data}
}
