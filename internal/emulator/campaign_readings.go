package emulator

// CampaignReadings choose how the emulator answers where the Campaign
// Management pages contradict each other or themselves. They are part of
// Readings, so they are set in Config, read back with Server.Readings and
// changed at run time with Server.SetReadings or PUT /_emulator/config.
// The zero value is the default reading of each.
type CampaignReadings struct {
	// CampaignAltPaths serves, besides the base path
	// /campaign/api/v2/public/{streamId}/…, the prefixes some pages print
	// for one route: /api/v2/public/{streamId}/… for the voice start/stop
	// and the advanced SMS create, and /api/1.1/public/{streamId}/… for
	// add-contacts. Off, those prefixes answer 404 "Route not found". The
	// counter key is the route's, whatever prefix it came by.
	CampaignAltPaths bool `json:"campaignAltPaths"`
}

// withDefaults fills in the defaults of the fields whose zero value means
// "default".
func (c CampaignReadings) withDefaults() CampaignReadings { return c }

// validate reports a field no reading can use.
func (c CampaignReadings) validate() error { return nil }
