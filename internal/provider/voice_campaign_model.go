package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// The voice campaign's dialing modes, as the API spells them.
const (
	dialingAgentless   = "Agentless"
	dialingProgressive = "Progressive"
	dialingPreview     = "Preview"
)

var (
	dialingModes       = []string{dialingAgentless, dialingProgressive, dialingPreview}
	dialingOrders      = []string{"FIFO", "LIFO"}
	machineDetectModes = []string{"no", "detect", "disconnect"}
)

type voiceCampaignModel struct {
	ID                   types.String           `tfsdk:"id"`
	Name                 types.String           `tfsdk:"name"`
	Description          types.String           `tfsdk:"description"`
	ContactLists         []types.String         `tfsdk:"contact_lists"`
	DNCList              types.String           `tfsdk:"dnc_list"`
	DNCListID            types.String           `tfsdk:"dnc_list_id"`
	Priority             types.String           `tfsdk:"priority"`
	CallerID             types.String           `tfsdk:"caller_id"`
	CallingHours         *campaignHoursModel    `tfsdk:"calling_hours"`
	DialingMode          types.String           `tfsdk:"dialing_mode"`
	DialingOrder         types.String           `tfsdk:"dialing_order"`
	MaxAttemptsPerRecord types.Int64            `tfsdk:"max_attempts_per_record"`
	DefaultRetryPeriod   types.Int64            `tfsdk:"default_retry_period"`
	MaxRingTime          types.Int64            `tfsdk:"max_ring_time"`
	QueueName            types.String           `tfsdk:"queue_name"`
	MaxSkips             types.Int64            `tfsdk:"max_skips"`
	ExperienceFlowName   types.String           `tfsdk:"experience_flow_name"`
	ExperienceFlowID     types.String           `tfsdk:"experience_flow_id"`
	EnableMachineDetect  types.String           `tfsdk:"enable_machine_detect"`
	Status               types.String           `tfsdk:"status"`
	SchedulingEnabled    types.Bool             `tfsdk:"scheduling_enabled"`
	Timeouts             *campaignTimeoutsModel `tfsdk:"timeouts"`
}

func (m *voiceCampaignModel) request() client.CampaignRequest {
	return client.CampaignRequest{
		Kind: client.CampaignVoice, Name: m.Name.ValueString(), Description: m.Description.ValueString(),
		ContactLists: stringsOf(m.ContactLists), DNCList: m.DNCList.ValueString(), Priority: m.Priority.ValueString(),
		CallerID: m.CallerID.ValueString(), Hours: m.CallingHours.request(),
		DialingMode: m.DialingMode.ValueString(), DialingOrder: m.DialingOrder.ValueString(),
		MaxAttemptsPerRecord: int64Ptr(m.MaxAttemptsPerRecord), DefaultRetryPeriod: int64Ptr(m.DefaultRetryPeriod),
		MaxRingTime: int64Ptr(m.MaxRingTime), QueueName: m.QueueName.ValueString(), MaxSkips: int64Ptr(m.MaxSkips),
		ExperienceFlowName: m.ExperienceFlowName.ValueString(), EnableMachineDetect: m.EnableMachineDetect.ValueString(),
	}
}

// voiceCampaignModelFrom maps a voice campaign as the API answers it onto
// the model; the one place that mapping happens. prior, when not nil, is
// the state or plan: what the reads never answer (queue_name, the
// experience flow's name, enable_machine_detect) and what an answer leaves
// out (a list entry's dialing strategy) are kept from it. A list entry's
// queue, its "connection", is read as the queue's name.
func voiceCampaignModelFrom(c *client.Campaign, prior *voiceCampaignModel) voiceCampaignModel {
	ds := c.DialingStrategy.Value
	m := voiceCampaignModel{
		ID:                   stringOrNull(c.ID),
		Name:                 stringOrNull(c.Name),
		Description:          stringOrNull(c.Description),
		ContactLists:         namesOf(c.ContactLists),
		DNCList:              stringOrNull(c.DNCLists.Name),
		DNCListID:            stringOrNull(c.DNCLists.ID),
		Priority:             stringOrNull(c.Priority),
		CallerID:             stringOrNull(ds.CallerID.Value.PhoneNumber),
		CallingHours:         campaignHoursFrom(strategyOf(c)),
		DialingMode:          stringOrNull(c.DialingMode),
		DialingOrder:         stringOrNull(ds.DialingOrder),
		MaxAttemptsPerRecord: intOrNull(ds.MaxAttemptsPerRecord),
		DefaultRetryPeriod:   intOrNull(ds.DefaultRetryPeriod),
		MaxRingTime:          intOrNull(ds.MaxRingTime),
		QueueName:            stringOrNull(c.QueueName),
		MaxSkips:             intOrNull(c.MaxSkips),
		ExperienceFlowName:   stringOrNull(c.ExperienceFlowName),
		ExperienceFlowID:     stringOrNull(c.ExperienceFlow),
		EnableMachineDetect:  types.StringNull(),
		Status:               stringOrNull(c.Status),
		SchedulingEnabled:    types.BoolValue(bool(c.Schedule.Value.IsSchedulingEnabled)),
	}
	if m.QueueName.IsNull() && c.Connection != "" {
		m.QueueName = types.StringValue(string(c.Connection))
	}
	for _, v := range machineDetectModes {
		if string(c.EnableMachineDetect) == v {
			m.EnableMachineDetect = types.StringValue(v)
		}
	}
	if prior == nil {
		return m
	}
	m.Timeouts = prior.Timeouts
	keep := func(got *types.String, was types.String) {
		if got.IsNull() {
			*got = was
		}
	}
	keepInt := func(got *types.Int64, was types.Int64) {
		if got.IsNull() {
			*got = was
		}
	}
	keep(&m.ID, prior.ID)
	keep(&m.DialingMode, prior.DialingMode)
	// Never answered by a read: drift in them is not seen.
	keep(&m.QueueName, prior.QueueName)
	keep(&m.EnableMachineDetect, prior.EnableMachineDetect)
	if m.DialingMode.ValueString() == dialingAgentless {
		keep(&m.ExperienceFlowName, prior.ExperienceFlowName)
	}
	if m.DialingMode.ValueString() == dialingPreview {
		keepInt(&m.MaxSkips, prior.MaxSkips)
	}
	if !c.DialingStrategy.Set { // a list entry: it has no dialing strategy
		keep(&m.CallerID, prior.CallerID)
		keep(&m.DialingOrder, prior.DialingOrder)
		keepInt(&m.MaxAttemptsPerRecord, prior.MaxAttemptsPerRecord)
		keepInt(&m.DefaultRetryPeriod, prior.DefaultRetryPeriod)
		keepInt(&m.MaxRingTime, prior.MaxRingTime)
	}
	if m.CallingHours == nil {
		m.CallingHours = prior.CallingHours
	}
	return m
}
