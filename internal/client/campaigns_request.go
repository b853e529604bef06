package client

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// CampaignRequest is what the caller manages of a campaign: the body of a
// create, and what an update lays over the campaign as read. Empty strings
// and nil pointers are left out of the body; ContactLists and the calling
// hours are always sent.
type CampaignRequest struct {
	// Kind is sent as campaignType, in the query and the body.
	Kind        CampaignKind
	Name        string
	Description string
	// ContactLists are contact list names.
	ContactLists []string
	// DNCList is the name of the do-not-call contact list, sent as
	// "dncLists": {"name": …}.
	DNCList string
	// Priority is "1".."5", sent as a string.
	Priority string
	CallerID string
	Hours    CampaignHoursRequest

	// Format (SMS): simple or advanced.
	Format string
	// Message (SMS, simple format) is the text; it is sent Base64-encoded,
	// as the pages' samples send message.message.
	Message string
	// TemplateName (SMS) names a pre-approved template (message.template_name).
	TemplateName string
	// ExperienceFlowName names the experience flow (SMS advanced format,
	// voice Agentless).
	ExperienceFlowName string

	// DialingMode (voice): Agentless, Progressive or Preview.
	DialingMode          string
	DialingOrder         string
	MaxAttemptsPerRecord *int64
	DefaultRetryPeriod   *int64 // minutes
	MaxRingTime          *int64 // seconds
	// QueueName (voice Progressive and Preview) is sent as queue_name.
	QueueName string
	// MaxSkips (voice Preview).
	MaxSkips *int64
	// EnableMachineDetect (voice Agentless): no, detect or disconnect.
	EnableMachineDetect string
}

// CampaignHoursRequest are the calling hours of a request.
type CampaignHoursRequest struct {
	Frequency string // WEEKLY, DAILY or CUSTOM
	Timezone  string // an IANA name
	Days      []CampaignDayRequest
}

// CampaignDayRequest is one window. Start and End are 24-hour "HH:MM",
// sent as the pages spell times ("9:00 AM", see WireClock).
type CampaignDayRequest struct {
	Day, Start, End string
}

type campaignBody struct {
	Name                string                `json:"name"`
	Description         string                `json:"description"`
	ContactLists        []string              `json:"contactLists"`
	DNCLists            *campaignNameRef      `json:"dncLists,omitempty"`
	CampaignType        string                `json:"campaignType"`
	Priority            string                `json:"priority,omitempty"`
	Format              string                `json:"format,omitempty"`
	Message             *campaignMessageBody  `json:"message,omitempty"`
	DialingMode         string                `json:"dialingMode,omitempty"`
	DialingStrategy     campaignStrategyBody  `json:"dialingStrategy"`
	Schedule            *campaignScheduleBody `json:"schedule,omitempty"`
	ExperienceFlowName  string                `json:"experienceFlowName,omitempty"`
	QueueName           string                `json:"queue_name,omitempty"`
	MaxSkips            *int64                `json:"maxSkips,omitempty"`
	EnableMachineDetect string                `json:"enableMachineDetect,omitempty"`
}

type campaignNameRef struct {
	Name string `json:"name"`
}

type campaignMessageBody struct {
	TemplateName string `json:"template_name,omitempty"`
	Message      string `json:"message,omitempty"`
}

type campaignStrategyBody struct {
	CallerID             campaignCallerBody `json:"callerId"`
	CallingHours         campaignHoursBody  `json:"callingHours"`
	DialingOrder         string             `json:"dialingOrder,omitempty"`
	MaxAttemptsPerRecord *int64             `json:"maxAttemptsPerRecord,omitempty"`
	DefaultRetryPeriod   *int64             `json:"defaultRetryPeriod,omitempty"`
	MaxRingTime          *int64             `json:"maxRingTime,omitempty"`
}

type campaignCallerBody struct {
	PhoneNumber string `json:"phoneNumber"`
}

type campaignHoursBody struct {
	Frequency string            `json:"frequency"`
	Timezone  string            `json:"timezone"`
	Days      []campaignDayBody `json:"days"`
}

type campaignDayBody struct {
	Day   string `json:"day"`
	Start string `json:"start"`
	End   string `json:"end"`
}

type campaignScheduleBody struct {
	IsSchedulingEnabled bool `json:"isSchedulingEnabled"`
}

func (r CampaignRequest) body() campaignBody {
	b := campaignBody{
		Name: r.Name, Description: r.Description, ContactLists: append([]string{}, r.ContactLists...),
		CampaignType: string(r.Kind), Priority: r.Priority, Format: r.Format, DialingMode: r.DialingMode,
		ExperienceFlowName: r.ExperienceFlowName, QueueName: r.QueueName, MaxSkips: r.MaxSkips,
		EnableMachineDetect: r.EnableMachineDetect,
		Schedule:            &campaignScheduleBody{},
		DialingStrategy: campaignStrategyBody{
			CallerID:     campaignCallerBody{PhoneNumber: r.CallerID},
			CallingHours: campaignHoursBody{Frequency: r.Hours.Frequency, Timezone: r.Hours.Timezone, Days: []campaignDayBody{}},
			DialingOrder: r.DialingOrder, MaxAttemptsPerRecord: r.MaxAttemptsPerRecord,
			DefaultRetryPeriod: r.DefaultRetryPeriod, MaxRingTime: r.MaxRingTime,
		},
	}
	if r.DNCList != "" {
		b.DNCLists = &campaignNameRef{Name: r.DNCList}
	}
	if r.Message != "" || r.TemplateName != "" {
		b.Message = &campaignMessageBody{TemplateName: r.TemplateName, Message: EncodeCampaignMessage(r.Message)}
	}
	for _, d := range r.Hours.Days {
		b.DialingStrategy.CallingHours.Days = append(b.DialingStrategy.CallingHours.Days,
			campaignDayBody{Day: d.Day, Start: WireClock(d.Start), End: WireClock(d.End)})
	}
	return b
}

// EncodeCampaignMessage is an SMS text as message.message carries it:
// Base64 (the pages' samples; the field tables say "Base64-encoded").
func EncodeCampaignMessage(text string) string {
	if text == "" {
		return ""
	}
	return base64.StdEncoding.EncodeToString([]byte(text))
}

// Text is the message's text: message.message decoded from Base64 (with or
// without padding, standard or URL alphabet) when it decodes to UTF-8
// text, and as sent otherwise (a server that stores the text itself).
func (m CampaignMessage) Text() string {
	raw := strings.TrimSpace(string(m.Message))
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(raw); err == nil && utf8.Valid(b) {
			return string(b)
		}
	}
	return string(m.Message)
}

// WireClock writes a 24-hour "HH:MM" as the pages spell times: "9:00 AM",
// "6:00 PM", "12:30 PM", "12:00 AM". Text that is not "HH:MM" is sent as it
// is.
func WireClock(hhmm string) string {
	h, m, ok := parseClock24(hhmm)
	if !ok {
		return hhmm
	}
	suffix := "AM"
	if h >= 12 {
		suffix = "PM"
	}
	h12 := h % 12
	if h12 == 0 {
		h12 = 12
	}
	return fmt.Sprintf("%d:%02d %s", h12, m, suffix)
}

// ClockOf reads a time as an answer may spell it ("9:00 AM", "09:00 am",
// "9:00AM", or a 24-hour "18:00") as a 24-hour "HH:MM". ok is false for
// anything else.
func ClockOf(s string) (hhmm string, ok bool) {
	t := strings.ToUpper(strings.TrimSpace(s))
	suffix := ""
	for _, sfx := range []string{"AM", "PM"} {
		if strings.HasSuffix(t, sfx) {
			suffix, t = sfx, strings.TrimSpace(strings.TrimSuffix(t, sfx))
		}
	}
	h, m, ok := parseClock24(t)
	if !ok {
		return "", false
	}
	if suffix != "" {
		if h < 1 || h > 12 {
			return "", false
		}
		h %= 12
		if suffix == "PM" {
			h += 12
		}
	}
	return fmt.Sprintf("%02d:%02d", h, m), true
}

// parseClock24 reads "H:MM" or "HH:MM", hours 0-23 and minutes 0-59.
func parseClock24(s string) (h, m int, ok bool) {
	hs, ms, found := strings.Cut(strings.TrimSpace(s), ":")
	if !found || len(hs) < 1 || len(hs) > 2 || len(ms) != 2 {
		return 0, 0, false
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 || hs[0] == '+' || hs[0] == '-' {
		return 0, 0, false
	}
	return h, m, true
}
