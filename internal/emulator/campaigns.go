package emulator

import (
	"net/http"
)

// SMS and voice campaigns share one id space ("cd-…") and one route:
// create POST /campaign?campaignType=sms|voice, read GET /campaign/{id},
// update PUT /campaign/{id}?campaignType=…, delete DELETE
// /campaign/{id}?campaignType=… (the v2 pages "Get SMS Campaign by ID",
// https://docs.kore.ai/ai-for-service/apis/contact-center/get-sms-campaign-by-id-v2,
// "Get Voice Campaign by ID" (…/get-voice-campaign-by-id-v2), "Update SMS
// Campaign" (…/update-sms-campaign-v2), "Update Voice Campaign"
// (…/update-voice-campaign-v2), "Delete SMS Campaign"
// (…/delete-sms-campaign-v2) and "Delete Voice Campaign"
// (…/delete-voice-campaign-v2); the create pages are cited in
// campaign_input.go). Names are unique across both kinds, ignoring case:
// the schedule endpoints name a campaign by its name.
//
// Creation is asynchronous: the create answers "creation in progress" and
// the campaign is "Preparing" for CampaignReadings.CampaignPreparingReads
// reads, then "Ready". The emulator counts reads instead of time, so a
// test needs no sleep.

// Campaign statuses the emulator sets.
const (
	statusPreparing = "Preparing"
	statusReady     = "Ready"
	statusActive    = "Active"
	statusStopped   = "Stopped"
)

// campaignProgress is what a campaign's next reads will see: how many more
// answer Preparing, and a start or stop not yet visible.
type campaignProgress struct {
	preparing    int
	pending      string // the status a start or stop leads to, or ""
	pendingReads int
}

// newCampaignID is shaped like the samples: voice ids have 7 hex digits in
// their first group, SMS ids 8.
func newCampaignID(kind string) string {
	if kind == campaignVoice {
		return "cd-" + newUUIDish(7)
	}
	return "cd-" + newUUIDish(8)
}

func campaignNotFound(id string) *apiError {
	return missing("Campaign not found: %s", id)
}

// campaignKind reads the campaignType query parameter: sms or voice.
func campaignKind(r *http.Request) (string, *apiError) {
	switch k := r.URL.Query().Get("campaignType"); k {
	case campaignSMS, campaignVoice:
		return k, nil
	case "":
		return "", badRequest("campaignType query parameter is required: sms or voice")
	default:
		return "", badRequest("campaignType must be sms or voice, got %q", k)
	}
}

func (s *Server) uniqueCampaignNameLocked(name, except string) *apiError {
	if s.campaigns.byName(name, except) != nil {
		return duplicateKey("Campaign with name %s already exists", name)
	}
	return nil
}

// createCampaign serves POST /campaign?campaignType=sms|voice. The answer
// is the campaign in the create shape with the status it starts in.
func (s *Server) createCampaign(r *http.Request, _ map[string]string) (any, *apiError) {
	kind, e := campaignKind(r)
	if e != nil {
		return nil, e
	}
	body, e := decodeObject(r)
	if e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	in, e := s.parseCampaignLocked(body, kind)
	if e != nil {
		return nil, e
	}
	if e := s.uniqueCampaignNameLocked(str(in.fields, "name"), ""); e != nil {
		return nil, e
	}
	now := s.timestamp()
	sched, _ := in.fields["isSchedulingEnabled"].(bool)
	delete(in.fields, "isSchedulingEnabled")
	doc := map[string]any{
		"id":           newCampaignID(kind),
		"campaignType": kind,
		"status":       statusReady,
		"createdAt":    now,
		"updatedAt":    now,
		"schedule":     map[string]any{"isSchedulingEnabled": sched, "isRecurrenceEnabled": false},
	}
	for k, v := range in.fields {
		doc[k] = v
	}
	if n := s.rd().preparingReads(); n > 0 {
		doc["status"] = statusPreparing
		s.campaignProgress[str(doc, "id")] = &campaignProgress{preparing: n}
	}
	s.campaigns.put(doc)
	return campaignOK("Campaign "+str(doc, "name")+" creation in progress",
		s.campaignViewLocked(doc, shapeCreate, str(doc, "status"))), nil
}

// getCampaign serves GET /campaign/{id}, for either kind. It is a read:
// it moves the campaign on (see readCampaignStatusLocked).
func (s *Server) getCampaign(_ *http.Request, params map[string]string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.campaigns.get(params["id"])
	if !ok {
		return nil, campaignNotFound(params["id"])
	}
	status := s.readCampaignStatusLocked(doc)
	return campaignOK("Campaign "+str(doc, "name")+" retrieved successfully", s.campaignViewLocked(doc, shapeRead, status)), nil
}

// readCampaignStatusLocked is the status a read answers. A new campaign
// answers Preparing for as many reads as it has left, and is Ready after
// the last; a start or stop answers the old status for as many reads as
// CampaignTransitionReads gave it, and its new status after the last.
func (s *Server) readCampaignStatusLocked(doc map[string]any) string {
	id := str(doc, "id")
	status := str(doc, "status")
	p := s.campaignProgress[id]
	switch {
	case p == nil:
	case p.preparing > 0:
		p.preparing--
		if p.preparing == 0 {
			doc["status"] = statusReady
			delete(s.campaignProgress, id)
		}
		return statusPreparing
	case p.pending != "":
		if p.pendingReads > 0 {
			p.pendingReads--
		}
		if p.pendingReads == 0 {
			doc["status"] = p.pending
			delete(s.campaignProgress, id)
		}
	}
	return status
}

// updateCampaign serves PUT /campaign/{id}?campaignType=…: the body is the
// whole campaign, checked as the create's, and replaces every member but
// the id, kind, status, createdAt, campaignInstanceId and schedule: the
// schedule endpoints own the schedule, so the schedule.isSchedulingEnabled
// the samples send with every update changes nothing. campaignType must name
// the campaign's kind (see CampaignReadings.CampaignVoiceUpdateAsSMS). The
// answer is the read shape; a voice campaign's also carries the id at the
// top level, as its sample does.
func (s *Server) updateCampaign(r *http.Request, params map[string]string) (any, *apiError) {
	id := params["id"]
	queryKind, e := campaignKind(r)
	if e != nil {
		return nil, e
	}
	body, e := decodeObject(r)
	if e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.campaigns.get(id)
	if !ok {
		return nil, campaignNotFound(id)
	}
	kind := str(doc, "campaignType")
	if queryKind != kind && !(kind == campaignVoice && queryKind == campaignSMS && s.rd().CampaignVoiceUpdateAsSMS) {
		return nil, badRequest("Campaign %s is a %s campaign, not %s", id, kind, queryKind)
	}
	in, e := s.parseCampaignLocked(body, kind)
	if e != nil {
		return nil, e
	}
	if e := s.uniqueCampaignNameLocked(str(in.fields, "name"), id); e != nil {
		return nil, e
	}
	next := map[string]any{}
	for _, k := range []string{"id", "campaignType", "status", "createdAt", "schedule", "campaignInstanceId"} {
		if v, ok := doc[k]; ok {
			next[k] = v
		}
	}
	delete(in.fields, "isSchedulingEnabled")
	for k, v := range in.fields {
		next[k] = v
	}
	next["updatedAt"] = s.timestamp()
	s.campaigns.put(next)
	out := campaignOK("Campaign "+str(next, "name")+" details updated successfully",
		s.campaignViewLocked(next, shapeRead, str(next, "status")))
	if kind == campaignVoice {
		out["id"] = id
	}
	return out, nil
}

// deleteCampaign serves DELETE /campaign/{id}?campaignType=…, whatever
// the campaign's status; campaignType must name its kind. The answer is
// the campaign as it was, in the read shape.
func (s *Server) deleteCampaign(r *http.Request, params map[string]string) (any, *apiError) {
	id := params["id"]
	queryKind, e := campaignKind(r)
	if e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.campaigns.get(id)
	if !ok {
		return nil, campaignNotFound(id)
	}
	if kind := str(doc, "campaignType"); queryKind != kind {
		return nil, badRequest("Campaign %s is a %s campaign, not %s", id, kind, queryKind)
	}
	out := s.campaignViewLocked(doc, shapeRead, str(doc, "status"))
	s.campaigns.remove(id)
	delete(s.campaignProgress, id)
	delete(s.dialResults, id)
	return campaignOK("Campaign "+str(doc, "name")+" deleted successfully", out), nil
}
