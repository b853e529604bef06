package emulator

import (
	"net/http"
)

// Starting and stopping campaigns, and reading their status and dial
// results: "Start SMS Campaign (v2)"
// (https://docs.kore.ai/ai-for-service/apis/contact-center/start-sms-campaign-v2),
// "Stop SMS Campaign (v2)" (…/stop-sms-campaign-v2), "Start Voice
// Campaign (v2)" (…/start-voice-campaign-v2), "Stop Voice Campaign (v2)"
// (…/stop-voice-campaign-v2), "Get Campaign Status (v2)"
// (…/get-campaign-status-v2) and "Get All Contact Details - Voice
// Campaigns (v2)" (…/get-all-contact-details-voice-campaigns-v2).
//
// The pages print the trigger two ways: POST
// /campaign/trigger/{id}?campaignType=…&trigger=play|stop (the voice pages,
// below /api/v2/public/, and the SMS stop page) and POST
// /campaign/{id}?campaignType=sms&trigger=… (the SMS start page); both are
// served below the base path. A trigger answers the new status at once;
// reads see it after CampaignReadings.CampaignTransitionReads reads.

// triggerCampaign serves both trigger routes. play starts a campaign that
// is Ready, Stopped, Completed, Paused or Scheduled (a Preparing campaign,
// or one already Active, is refused with a 400); stop stops an Active or
// Paused one (anything else is refused with a 400). campaignType must name
// the campaign's kind. The answer is the page's: {status, message,
// updatedAt} with, for voice, campaignInstanceId (and totalCallsCompleted
// 0 on start) and, for an SMS stop, campaignExecutionType.
func (s *Server) triggerCampaign(r *http.Request, params map[string]string) (any, *apiError) {
	id := params["id"]
	kind, e := campaignKind(r)
	if e != nil {
		return nil, e
	}
	trigger := r.URL.Query().Get("trigger")
	if trigger != "play" && trigger != "stop" {
		return nil, badRequest("trigger query parameter must be play or stop, got %q", trigger)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.campaigns.get(id)
	if !ok {
		return nil, campaignNotFound(id)
	}
	if k := str(doc, "campaignType"); k != kind {
		return nil, badRequest("Campaign %s is a %s campaign, not %s", id, k, kind)
	}
	current := str(doc, "status")
	p := s.campaignProgress[id]
	if p != nil && p.pending != "" {
		current = p.pending // a trigger not yet visible to reads still counts
	}
	name := str(doc, "name")
	next, message := statusActive, "Campaign Started"
	switch {
	case trigger == "play" && current == statusPreparing:
		return nil, badRequest("Campaign %s cannot be started while it is Preparing", name)
	case trigger == "play" && current == statusActive:
		return nil, badRequest("Campaign %s is already Active", name)
	case trigger == "stop" && current != statusActive && current != "Paused":
		return nil, badRequest("Campaign %s cannot be stopped: it is %s, not Active", name, current)
	case trigger == "stop":
		next, message = statusStopped, "Campaign Stopped"
	}
	now := s.timestamp()
	doc["updatedAt"] = now
	if trigger == "play" {
		doc["campaignInstanceId"] = "cid-" + newUUIDish(7)
	}
	if n := s.rd().CampaignTransitionReads; n > 0 {
		if p == nil {
			p = &campaignProgress{}
			s.campaignProgress[id] = p
		}
		p.pending, p.pendingReads = next, n
	} else {
		doc["status"] = next
		delete(s.campaignProgress, id)
	}
	out := map[string]any{"status": next, "message": message, "updatedAt": now}
	switch {
	case kind == campaignVoice:
		out["campaignInstanceId"] = doc["campaignInstanceId"]
		if trigger == "play" {
			out["totalCallsCompleted"] = 0.0
		}
	case trigger == "stop":
		out["campaignExecutionType"] = "NORMAL"
	}
	return out, nil
}

// triggerOrStart serves POST /campaign/{id}: the SMS start page's route,
// which carries trigger in its query.
func (s *Server) triggerOrStart(r *http.Request, params map[string]string) (any, *apiError) {
	if r.URL.Query().Get("trigger") == "" {
		return nil, badRequest("trigger query parameter is required: play or stop")
	}
	return s.triggerCampaign(r, params)
}

// campaignStatus serves POST /campaign/{id}/status?view=status|contacts.
// view=status (or no view) answers {"status":"success","data":{id, status,
// name}} and is a read: it moves the campaign on, as GET /campaign/{id}
// does; the page prints ?accountId= for it. view=contacts is the dial
// results of a voice campaign (contactsView); its page prints no accountId.
func (s *Server) campaignStatus(r *http.Request, params map[string]string) (any, *apiError) {
	view := r.URL.Query().Get("view")
	switch view {
	case "", "status":
		if e := s.checkAccountQuery(r); e != nil {
			return nil, e
		}
	case "contacts":
		return s.contactsView(r, params["id"])
	default:
		return nil, badRequest("view must be status or contacts, got %q", view)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.campaigns.get(params["id"])
	if !ok {
		return nil, campaignNotFound(params["id"])
	}
	key := "id"
	if s.rd().CampaignIDField == CampaignIDUnderscore {
		key = "_id"
	}
	status := s.readCampaignStatusLocked(doc)
	return map[string]any{"status": "success", "data": map[string]any{key: doc["id"], "status": status, "name": doc["name"]}}, nil
}

// contactsView answers the dial results of a voice campaign, paged by the
// body's page (an integer from 1) and limit (an integer from 1 to 100; 50
// when absent): {"status":"success","data":{results, page, limit,
// totalPages, totalResults}}. Each result is {phoneNumber, uniqueId,
// dialerOutcome, numberOfAttemptsSoFar, botSessionId,
// agentDispositionCodes, botOutboundStatus, botOutboundStatusDetail}. A
// campaign never started has none; a started one has a row, not yet
// dialled, for every number on its contact lists that is not on its DNC
// list, unless a test set the rows (SetCampaignDialResults).
func (s *Server) contactsView(r *http.Request, id string) (any, *apiError) {
	body := map[string]any{}
	if r.ContentLength != 0 {
		b, e := decodeObject(r)
		if e != nil {
			return nil, e
		}
		body = b
	}
	page, limit := 1, 50
	if v, present := body["page"]; present {
		n, ok := wholeNumber(v)
		if !ok || n < 1 {
			return nil, badRequest("page must be an integer of at least 1, got %v", v)
		}
		page = n
	}
	if v, present := body["limit"]; present {
		n, ok := wholeNumber(v)
		if !ok || n < 1 || n > 100 {
			return nil, badRequest("limit must be an integer from 1 to 100, got %v", v)
		}
		limit = n
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.campaigns.get(id)
	if !ok {
		return nil, campaignNotFound(id)
	}
	if str(doc, "campaignType") != campaignVoice {
		return nil, badRequest("view=contacts is for voice campaigns; %s is an SMS campaign", id)
	}
	rows := s.dialResultsLocked(doc)
	results := []any{}
	for i := pageSkip(page, limit, len(rows)); i < len(rows) && len(results) < limit; i++ {
		results = append(results, copyDoc(rows[i]))
	}
	return map[string]any{"status": "success", "data": map[string]any{
		"results": results, "page": page, "limit": limit,
		"totalPages": (len(rows) + limit - 1) / limit, "totalResults": len(rows),
	}}, nil
}

// dialResultsLocked is the dial results of a voice campaign (see
// contactsView).
func (s *Server) dialResultsLocked(doc map[string]any) []map[string]any {
	id := str(doc, "id")
	if rows, set := s.dialResults[id]; set {
		return rows
	}
	if _, started := doc["campaignInstanceId"]; !started {
		return nil
	}
	dnc := map[string]bool{}
	for _, c := range s.listNumbers[str(doc, "dncListId")] {
		dnc[str(c, "phoneNumber")] = true
	}
	var rows []map[string]any
	for _, listID := range stringsOf(doc["contactListIds"]) {
		for _, c := range s.listNumbers[listID] {
			if dnc[str(c, "phoneNumber")] {
				continue
			}
			rows = append(rows, map[string]any{
				"phoneNumber": c["phoneNumber"], "uniqueId": "", "dialerOutcome": "", "numberOfAttemptsSoFar": 0.0,
				"botSessionId": "", "agentDispositionCodes": []any{}, "botOutboundStatus": "", "botOutboundStatusDetail": "",
			})
		}
	}
	return rows
}

// SetCampaignDialResults sets the rows the dial results view of a campaign
// answers from now on, as the dialer would have written them (each row a
// JSON object such as the page's sample rows); nil rows go back to the
// rows derived from the contact lists. It reports whether the campaign
// exists. It panics if a row cannot be encoded as JSON.
func (s *Server) SetCampaignDialResults(id string, rows []map[string]any) bool {
	var norm []map[string]any
	for _, r := range rows {
		norm = append(norm, must(normalizeDoc(r)))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.campaigns.get(id); !ok {
		return false
	}
	if rows == nil {
		delete(s.dialResults, id)
	} else {
		if norm == nil {
			norm = []map[string]any{}
		}
		s.dialResults[id] = norm
	}
	return true
}
