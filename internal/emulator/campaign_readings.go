package emulator

import "fmt"

// CampaignReadings choose how the emulator answers where the Campaign
// Management pages contradict each other or themselves. They are part of
// Readings, so they are set in Config, read back with Server.Readings and
// changed at run time with Server.SetReadings or PUT /_emulator/config.
// The zero value is the default reading of each.
type CampaignReadings struct {
	// CampaignIDField is the member that carries a campaign's id in the
	// answers; see CampaignIDFieldMode. "" means CampaignIDDocumented.
	CampaignIDField CampaignIDFieldMode `json:"campaignIdField"`

	// CampaignPreparingReads is how many reads of a new campaign (GET
	// /campaign/{id} or its status) answer "Preparing" before it is
	// "Ready". 0 means DefaultCampaignPreparingReads (1: the first read
	// after the create answers Preparing, the next Ready); -1 means none:
	// the create answers Ready. Lists show the status without reading it
	// away.
	CampaignPreparingReads int `json:"campaignPreparingReads"`

	// CampaignTransitionReads is how many reads (GET /campaign/{id} or
	// its status) after a start (trigger=play) or stop (trigger=stop)
	// still answer the status the campaign had before; the next answers
	// Active or Stopped. 0 means at once.
	CampaignTransitionReads int `json:"campaignTransitionReads"`

	// CampaignAltPaths serves, besides the base path
	// /campaign/api/v2/public/{streamId}/…, the prefixes some pages print
	// for one route: /api/v2/public/{streamId}/… for the voice start/stop
	// and the advanced SMS create, and /api/1.1/public/{streamId}/… for
	// add-contacts. Off, those prefixes answer 404 "Route not found". The
	// counter key is the route's, whatever prefix it came by.
	CampaignAltPaths bool `json:"campaignAltPaths"`

	// CampaignPrintedPathsOnly serves the routes of CampaignAltPaths ONLY
	// at the prefix their page prints: the voice start/stop
	// (/campaign/trigger/{id}), the advanced SMS create (POST /campaign
	// with campaignType=sms and format advanced) and add-contacts answer
	// at the base path 404 "Route not found", counted as "POST
	// <unmatched>", as a path no route serves. Every other route, and the
	// other creates, stay at the base path. It implies CampaignAltPaths.
	CampaignPrintedPathsOnly bool `json:"campaignPrintedPathsOnly"`

	// CampaignVoiceUpdateAsSMS accepts an update of a voice campaign sent
	// with ?campaignType=sms, as the page "Update Voice Campaign (v2)"
	// prints its endpoint. Off, the query must name the campaign's kind.
	CampaignVoiceUpdateAsSMS bool `json:"campaignVoiceUpdateAsSms"`

	// CampaignMachineDetectEcho makes every answer about an Agentless
	// voice campaign (reads, lists, updates, deletes) carry
	// enableMachineDetect as a boolean (true for detect or disconnect), as
	// the create answer does. Off, only the create answer carries it.
	CampaignMachineDetectEcho bool `json:"campaignMachineDetectEcho"`
}

// CampaignIDFieldMode is a reading of where a campaign answer puts the id.
type CampaignIDFieldMode string

const (
	// CampaignIDDocumented follows each sample: the voice create answers
	// data.id, the SMS create data._id; reads, updates and deletes answer
	// _id; list entries are _id for voice, id for SMS. The default.
	CampaignIDDocumented CampaignIDFieldMode = "documented"
	// CampaignIDPlain answers "id" everywhere.
	CampaignIDPlain CampaignIDFieldMode = "id"
	// CampaignIDUnderscore answers "_id" everywhere.
	CampaignIDUnderscore CampaignIDFieldMode = "_id"
)

// DefaultCampaignPreparingReads is CampaignPreparingReads's default.
const DefaultCampaignPreparingReads = 1

// withDefaults fills in the defaults of the fields whose zero value means
// "default".
func (c CampaignReadings) withDefaults() CampaignReadings {
	if c.CampaignIDField == "" {
		c.CampaignIDField = CampaignIDDocumented
	}
	if c.CampaignPreparingReads == 0 {
		c.CampaignPreparingReads = DefaultCampaignPreparingReads
	}
	return c
}

// validate reports a field no reading can use.
func (c CampaignReadings) validate() error {
	switch c.CampaignIDField {
	case "", CampaignIDDocumented, CampaignIDPlain, CampaignIDUnderscore:
	default:
		return fmt.Errorf("campaign id field %q is not one of documented, id or _id", c.CampaignIDField)
	}
	if c.CampaignPreparingReads < -1 {
		return fmt.Errorf("campaign preparing reads %d must be -1 (none), 0 (the default) or more", c.CampaignPreparingReads)
	}
	if c.CampaignTransitionReads < 0 {
		return fmt.Errorf("campaign transition reads %d must not be negative", c.CampaignTransitionReads)
	}
	return nil
}

// preparingReads is the number of reads a new campaign answers Preparing.
func (c CampaignReadings) preparingReads() int {
	if c.CampaignPreparingReads < 0 {
		return 0
	}
	return c.CampaignPreparingReads
}
