package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// CampaignsService manages SMS and voice campaigns, the Campaign
// Management APIs of the Contact Center AI API list
// (https://docs.kore.ai/ai-for-service/apis/contact-center/api-list):
// Create SMS Campaign (without template, using template, advanced format),
// Create Voice Campaign (Agentless, Progressive, Preview), Get SMS / Voice
// Campaign, Update, Delete and Get All Campaigns, each in its v2 form
// (https://docs.kore.ai/ai-for-service/apis/contact-center/<page>-v2).
//
// They live below their own base path, not the stream's:
//
//	/campaign/api/v2/public/{streamId}/campaign...?accountId={accountId}
//
// SMS and voice campaigns share one id space ("cd-…"): a read by id takes
// no kind, while a create, an update, a delete and the list name it
// (campaignType, or the list's type).
type CampaignsService service

// CampaignKind is the kind of a campaign, as campaignType names it.
type CampaignKind string

const (
	CampaignSMS   CampaignKind = "sms"
	CampaignVoice CampaignKind = "voice"
)

// CampaignKinds are the kinds, in the order a list of both reads them.
var CampaignKinds = []CampaignKind{CampaignSMS, CampaignVoice}

// The statuses the list page's filter documents. A create answers
// Preparing (voice) or Ready (SMS); a campaign leaves Preparing on its own.
const (
	CampaignStatusPreparing = "Preparing"
	CampaignStatusReady     = "Ready"
	CampaignStatusActive    = "Active"
	CampaignStatusStopped   = "Stopped"
)

// campaignRootPath is the Campaign Management base path, relative to the
// host's root; the stream id follows it.
const campaignRootPath = "campaign/api/v2/public"

// Campaign is a campaign as the API answers it (the "data" of the
// envelope), decoded leniently. Raw keeps the whole document, which Update
// sends back.
type Campaign struct {
	// ID is "_id" (SMS answers, every read) or "id" (voice creates, list
	// entries): each page uses one, so either is read.
	ID          FlexString `json:"-"`
	Name        FlexString `json:"name"`
	Description FlexString `json:"description"`
	Status      FlexString `json:"status"`
	// Priority is a string "1".."5"; a number is read too.
	Priority     FlexString           `json:"priority"`
	ContactLists FlexList[FlexString] `json:"contactLists"`
	DNCLists     CampaignListRef      `json:"dncLists"`
	// Format is an SMS campaign's: simple or advanced.
	Format FlexString `json:"format"`
	// DialingMode is a voice campaign's: Agentless, Progressive, Preview.
	DialingMode     FlexString                          `json:"dialingMode"`
	DialingStrategy FlexObject[CampaignDialingStrategy] `json:"dialingStrategy"`
	Message         LooseObject[CampaignMessage]        `json:"message"`
	// ExperienceFlow is the flow's id ("cf-…"); the create names it by
	// experienceFlowName, which the reads do not answer.
	ExperienceFlow     FlexString `json:"experienceFlow"`
	ExperienceFlowName FlexString `json:"experienceFlowName"`
	// QueueName is never answered by a read (the pages' samples); the list
	// shows the queue's name as Connection.
	QueueName  FlexString  `json:"queue_name"`
	Connection LooseString `json:"connection"`
	MaxSkips   *FlexInt    `json:"maxSkips"`
	// EnableMachineDetect is no/detect/disconnect in a v2 create, a
	// boolean in the create's answer; reads do not give it.
	EnableMachineDetect LooseString                   `json:"enableMachineDetect"`
	Schedule            LooseObject[CampaignSchedule] `json:"schedule"`
	CampaignType        LooseString                   `json:"campaignType"`
	CreatedAt           LooseString                   `json:"createdAt"`
	UpdatedAt           LooseString                   `json:"updatedAt"`

	// Raw is the document as the API sent it.
	Raw map[string]json.RawMessage `json:"-"`
}

// CampaignListRef names a do-not-call list: {id, name} in the voice
// answers, {name} in the SMS ones. A list of such entries, or a bare name,
// is read too (the first entry); null or absent is none.
type CampaignListRef struct {
	ID   FlexString `json:"id"`
	Name FlexString `json:"name"`
}

func (r *CampaignListRef) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*r = CampaignListRef{}
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*r = CampaignListRef{Name: FlexString(s)}
	case b[0] == '[':
		var l []CampaignListRef
		if err := json.Unmarshal(b, &l); err != nil {
			return err
		}
		*r = CampaignListRef{}
		if len(l) > 0 {
			*r = l[0]
		}
	case b[0] == '{':
		type plain CampaignListRef
		var p plain
		if err := json.Unmarshal(b, &p); err != nil {
			return err
		}
		*r = CampaignListRef(p)
	default:
		return fmt.Errorf("expected a do-not-call list, got %s", shapeOf(b))
	}
	return nil
}

// CampaignDialingStrategy is a campaign's caller id and calling hours, and
// a voice campaign's dialing settings.
type CampaignDialingStrategy struct {
	CallerID             FlexObject[CampaignCallerID]     `json:"callerId"`
	CallingHours         FlexObject[CampaignCallingHours] `json:"callingHours"`
	DialingOrder         FlexString                       `json:"dialingOrder"`
	MaxAttemptsPerRecord *FlexInt                         `json:"maxAttemptsPerRecord"`
	DefaultRetryPeriod   *FlexInt                         `json:"defaultRetryPeriod"`
	MaxRingTime          *FlexInt                         `json:"maxRingTime"`
}

// CampaignCallerID is the number a campaign calls or texts from.
type CampaignCallerID struct {
	PhoneNumber FlexString `json:"phoneNumber"`
}

// CampaignCallingHours are when a campaign may call or text.
type CampaignCallingHours struct {
	Frequency FlexString              `json:"frequency"`
	Timezone  FlexString              `json:"timezone"`
	Days      FlexList[CampaignHours] `json:"days"`
}

// CampaignHours is one window: a day (MO..SU) and its start and end as
// the pages spell them ("9:00 AM"; see ClockOf).
type CampaignHours struct {
	Day   FlexString `json:"day"`
	Start FlexString `json:"start"`
	End   FlexString `json:"end"`
}

// CampaignMessage is an SMS campaign's message: the text, Base64-encoded
// on the wire (see Text), and a template's name and id.
type CampaignMessage struct {
	Message      FlexString `json:"message"`
	TemplateName FlexString `json:"template_name"`
	TemplateID   FlexString `json:"templateId"`
}

// CampaignSchedule is what a campaign read says of its schedule.
type CampaignSchedule struct {
	IsSchedulingEnabled LooseBool `json:"isSchedulingEnabled"`
	IsRecurrenceEnabled LooseBool `json:"isRecurrenceEnabled"`
}

// missing names the fields every answer that describes a campaign
// carries, when they are absent.
func (c *Campaign) missing() []string {
	return absent("id", string(c.ID), "name", string(c.Name))
}

// UnmarshalJSON decodes the typed fields, the id from "_id" or "id", and
// keeps the raw document.
func (c *Campaign) UnmarshalJSON(b []byte) error {
	type plain Campaign
	raw, err := decodeDocument(b, "a campaign", (*plain)(c))
	c.Raw = raw
	if err != nil {
		return err
	}
	for _, k := range []string{"_id", "id"} {
		if v, ok := raw[k]; ok {
			var id FlexString
			if err := json.Unmarshal(v, &id); err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
			if id != "" {
				c.ID = id
				break
			}
		}
	}
	return nil
}

// Kind is the campaign's kind by what it answered: a dialing mode makes it
// a voice campaign, a format an SMS one; campaignType decides first when
// it is there. "" when nothing says.
func (c *Campaign) Kind() CampaignKind {
	switch t := CampaignKind(strings.ToLower(string(c.CampaignType))); t {
	case CampaignSMS, CampaignVoice:
		return t
	}
	switch {
	case c.DialingMode != "":
		return CampaignVoice
	case c.Format != "":
		return CampaignSMS
	}
	return ""
}

// campaignEnvelope is every answer's shape: {status, message, data}. The
// update's answer also gives the id at the top.
type campaignEnvelope[T any] struct {
	Status  LooseString `json:"status"`
	Message LooseString `json:"message"`
	ID      FlexString  `json:"id"`
	Data    *T          `json:"data"`
}

// campaignDo sends a campaign request and decodes the envelope's data into
// out (when out is not nil). It answers the envelope's top-level id.
func campaignDo[T any](ctx context.Context, c *Client, method string, query url.Values, body any, out *T, segs ...string) (string, error) {
	return campaignDoAt(ctx, c, campaignRootPath, method, query, body, out, segs...)
}

// campaignDoAt is campaignDo below root in place of the campaign base path
// (campaign_prefix.go).
func campaignDoAt[T any](ctx context.Context, c *Client, root, method string, query url.Values, body any, out *T, segs ...string) (string, error) {
	req, err := c.campaignRequest(ctx, method, root, query, body, segs...)
	if err != nil {
		return "", err
	}
	if out == nil {
		if err := c.send(req, nil); err != nil {
			return "", err
		}
		c.answered.mark(campaignsCollection)
		return "", nil
	}
	var env campaignEnvelope[T]
	env.Data = out
	if err := c.send(req, &env); err != nil {
		return "", err
	}
	c.answered.mark(campaignsCollection)
	return string(env.ID), nil
}

// campaignsCollection is the collection the campaigns' gone rule counts
// answers of: the campaigns alone, not the contact lists that share their
// base path.
const campaignsCollection = "campaign/campaigns"

func kindQuery(kind CampaignKind) (url.Values, error) {
	if kind != CampaignSMS && kind != CampaignVoice {
		return nil, fmt.Errorf("%q is not a campaign kind (sms or voice)", kind)
	}
	return url.Values{"campaignType": {string(kind)}}, nil
}

// Create adds a campaign of req's kind. Creation is asynchronous: the
// answer names the campaign (as data._id or data.id) while it is still
// Preparing, so the caller waits on Get for it to leave that status. An
// answer without the id is tolerated: the campaign is then found by name
// in the list of its kind, by the one create decision (create.go).
// Campaign names are not documented as unique, so a same-named campaign
// that was there before is never taken for the new one.
//
// The advanced SMS create's page prints another prefix
// (campaign_prefix.go): a 404 at the base path is no such route, nothing
// was created, so it is posted once to the printed prefix, inside the one
// POST createBy decides on. A 404 there too is the create's refusal, and
// a failure there that may have created the campaign (a 5xx, a lost
// answer) is decided on like any other.
func (s *CampaignsService) Create(ctx context.Context, req CampaignRequest) (*Campaign, error) {
	q, err := kindQuery(req.Kind)
	if err != nil {
		return nil, err
	}
	body := req.body()
	post := func(ctx context.Context, root string, out *Campaign) error {
		*out = Campaign{}
		id, err := campaignDoAt(ctx, s.client, root, http.MethodPost, q, body, out, "campaign")
		if err == nil && out.ID == "" {
			out.ID = FlexString(id)
		}
		return err
	}
	return createBy(ctx, s.client, func(ctx context.Context, out *Campaign) error {
		if req.Kind != CampaignSMS || req.Format != "advanced" {
			return post(ctx, campaignRootPath, out)
		}
		return s.client.campaignAtEither(ctx, routeAdvancedSMSCreate, func(ctx context.Context, root string) error {
			return post(ctx, root, out)
		})
	}, s.lister(CampaignFilter{Kind: req.Kind}).creation(req.Name))
}

// Get reads one campaign, of either kind.
func (s *CampaignsService) Get(ctx context.Context, id string) (*Campaign, error) {
	seg, err := segment("campaign", id)
	if err != nil {
		return nil, err
	}
	var c Campaign
	if _, err := campaignDo(ctx, s.client, http.MethodGet, nil, nil, &c, "campaign", seg); err != nil {
		return nil, err
	}
	if c.ID == "" {
		c.ID = FlexString(id) // the path named it; some answers may not
	}
	if err := checkComplete(http.MethodGet, "/campaign/"+seg, &c); err != nil {
		return nil, err
	}
	return &c, nil
}

// Update PUTs the full document: current.Raw (the campaign as last read)
// with req's fields laid over it, so what the request does not manage
// (the schedule, filters, mappings) is sent back as read. The update page
// documents the create's body; its path prints campaignType=sms where its
// table says voice, so the campaign's own kind is sent.
func (s *CampaignsService) Update(ctx context.Context, current *Campaign, req CampaignRequest) (*Campaign, error) {
	id := string(current.ID)
	seg, err := segment("campaign", id)
	if err != nil {
		return nil, err
	}
	q, err := kindQuery(req.Kind)
	if err != nil {
		return nil, err
	}
	b := req.body()
	b.Schedule = nil // the schedule is the schedule endpoints' to change
	doc, err := overlay(current.Raw, b)
	if err != nil {
		return nil, fmt.Errorf("encoding the campaign update: %w", err)
	}
	for _, k := range []string{"_id", "id", "lname", "status", "createdAt", "updatedAt"} {
		delete(doc, k) // the API's own, not the caller's to send
	}
	if ds, ok := current.Raw["dialingStrategy"]; ok {
		merged, err := overlay(objectIn(ds), b.DialingStrategy)
		if err != nil {
			return nil, fmt.Errorf("encoding the campaign update: %w", err)
		}
		doc["dialingStrategy"] = mustJSON(merged)
	}
	if req.DNCList == "" {
		doc["dncLists"] = json.RawMessage(`null`) // none: the SMS pages' dncLists is optional
	}
	var c Campaign
	topID, err := campaignDo(ctx, s.client, http.MethodPut, q, doc, &c, "campaign", seg)
	if err != nil {
		return nil, err
	}
	if c.ID == "" {
		c.ID = FlexString(topID)
	}
	if c.ID == "" {
		c.ID = FlexString(id)
	}
	if c.Name == "" {
		// An answer that does not describe the campaign: read it.
		return s.Get(ctx, id)
	}
	return &c, nil
}

// Delete removes a campaign of kind.
func (s *CampaignsService) Delete(ctx context.Context, kind CampaignKind, id string) error {
	seg, err := segment("campaign", id)
	if err != nil {
		return err
	}
	q, err := kindQuery(kind)
	if err != nil {
		return err
	}
	_, err = campaignDo[Campaign](ctx, s.client, http.MethodDelete, q, nil, nil, "campaign", seg)
	return err
}

// Stop stops a running campaign (trigger=stop): Stop Voice Campaign
// (v2) and Stop SMS Campaign (v2). The voice page prints the path
// /api/v2/public/{streamId}/campaign/trigger/{id}; it is sent below the
// campaign base path, as every other campaign page prints it, and on a 404
// there once to the printed prefix (campaign_prefix.go). A 404 may also
// mean that the campaign does not exist: the printed prefix then answers
// 404 too, and the base path's error is answered, at the cost of that one
// extra call. The SMS page posts to the campaign itself.
func (s *CampaignsService) Stop(ctx context.Context, kind CampaignKind, id string) error {
	seg, err := segment("campaign", id)
	if err != nil {
		return err
	}
	q, err := kindQuery(kind)
	if err != nil {
		return err
	}
	q.Set("trigger", "stop")
	if kind != CampaignVoice {
		_, err = campaignDo[Campaign](ctx, s.client, http.MethodPost, q, nil, nil, "campaign", seg)
		return err
	}
	return s.client.campaignAtEither(ctx, routeVoiceTrigger, func(ctx context.Context, root string) error {
		_, err := campaignDoAt[Campaign](ctx, s.client, root, http.MethodPost, q, nil, nil, "campaign", "trigger", seg)
		return err
	})
}

// Gone reports whether err, the failure of a request about the campaign
// id of kind, proves that it no longer exists (see gone.go): a 404 once
// the campaign API has answered in this process, or a 404 or 400 for a
// campaign that the list of its kind, read now, does not hold.
func (s *CampaignsService) Gone(ctx context.Context, kind CampaignKind, id string, err error) (bool, error) {
	return s.client.gone(ctx, err, campaignsCollection, func(ctx context.Context) (bool, error) {
		return s.lister(CampaignFilter{Kind: kind}).has(ctx, id)
	})
}
