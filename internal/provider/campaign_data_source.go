package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var (
	_ datasource.DataSourceWithConfigure        = (*campaignDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*campaignDataSource)(nil)
)

func newCampaignDataSource() datasource.DataSource { return &campaignDataSource{} }

type campaignDataSource struct {
	client *client.Client
}

// campaignSummaryModel is a campaign of either kind, for reading: the
// smartassist_campaign data source and each element of
// smartassist_campaigns.
type campaignSummaryModel struct {
	ID                types.String        `tfsdk:"id"`
	Name              types.String        `tfsdk:"name"`
	Type              types.String        `tfsdk:"type"`
	Description       types.String        `tfsdk:"description"`
	Status            types.String        `tfsdk:"status"`
	Priority          types.String        `tfsdk:"priority"`
	ContactLists      []types.String      `tfsdk:"contact_lists"`
	DNCList           types.String        `tfsdk:"dnc_list"`
	CallerID          types.String        `tfsdk:"caller_id"`
	CallingHours      *campaignHoursModel `tfsdk:"calling_hours"`
	Format            types.String        `tfsdk:"format"`
	DialingMode       types.String        `tfsdk:"dialing_mode"`
	QueueName         types.String        `tfsdk:"queue_name"`
	ExperienceFlowID  types.String        `tfsdk:"experience_flow_id"`
	SchedulingEnabled types.Bool          `tfsdk:"scheduling_enabled"`
}

// campaignSummaryFrom maps a campaign of either kind; the kind comes from
// the answer (see client.Campaign.Kind), or the list it was read from.
func campaignSummaryFrom(c *client.Campaign) campaignSummaryModel {
	m := campaignSummaryModel{
		ID: stringOrNull(c.ID), Name: stringOrNull(c.Name), Type: stringOrNull(c.Kind()),
		Description: stringOrNull(c.Description), Status: stringOrNull(c.Status), Priority: stringOrNull(c.Priority),
		ContactLists: namesOf(c.ContactLists), DNCList: stringOrNull(c.DNCLists.Name),
		CallerID: stringOrNull(c.DialingStrategy.Value.CallerID.Value.PhoneNumber), CallingHours: campaignHoursFrom(strategyOf(c)),
		DialingMode: stringOrNull(c.DialingMode), QueueName: stringOrNull(c.QueueName),
		ExperienceFlowID: stringOrNull(c.ExperienceFlow), SchedulingEnabled: types.BoolValue(bool(c.Schedule.Value.IsSchedulingEnabled)),
	}
	if m.QueueName.IsNull() {
		m.QueueName = stringOrNull(c.Connection)
	}
	if c.Kind() == client.CampaignSMS {
		m.Format = smsCampaignModelFrom(c, nil).Format
	}
	return m
}

// campaignSummaryAttributes are the read-only attributes of a campaign of
// either kind.
func campaignSummaryAttributes() map[string]schema.Attribute {
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	window := map[string]schema.Attribute{"day": str("Day of the week, `MO` to `SU`."),
		"start": str("Start of the window, 24-hour `HH:MM`."), "end": str("End of the window, 24-hour `HH:MM`.")}
	return map[string]schema.Attribute{
		"id":          str("ID of the campaign (`cd-…`)."),
		"name":        str("Name of the campaign."),
		"type":        str("Kind of the campaign: `sms` or `voice`."),
		"description": str("What the campaign is for; null when it has no description."),
		"status":      str("Status: `Preparing`, `Ready`, `Active`, `Paused`, `Stopped`, `Completed`, `Scheduled` or `Rescheduled`."),
		"priority":    str("Priority, `1` to `5`."),
		"contact_lists": schema.SetAttribute{MarkdownDescription: "Names of the contact lists the campaign reaches.",
			ElementType: types.StringType, Computed: true},
		"dnc_list":  str("Name of the do-not-call contact list; null when none."),
		"caller_id": str("Number the campaign calls or texts from; null when the answer does not give it (list entries)."),
		"calling_hours": schema.SingleNestedAttribute{
			MarkdownDescription: "When the campaign may call or text; null when the answer does not give them (list entries).",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"time_zone": str("IANA time zone of the windows."),
				"frequency": str("How the windows repeat: `WEEKLY`, `DAILY` or `CUSTOM`."),
				"days": schema.SetNestedAttribute{MarkdownDescription: "The windows.", Computed: true,
					NestedObject: schema.NestedAttributeObject{Attributes: window}},
			},
		},
		"format":             str("An SMS campaign's format: `simple`, `template` or `advanced`; null for a voice campaign."),
		"dialing_mode":       str("A voice campaign's dialing mode: `Agentless`, `Progressive` or `Preview`; null for an SMS campaign."),
		"queue_name":         str("Name of the queue of a voice campaign, when the API answers it (the list does, as `connection`)."),
		"experience_flow_id": str("ID of the experience flow (`cf-…`) of an Agentless or advanced campaign."),
		"scheduling_enabled": schema.BoolAttribute{MarkdownDescription: "Whether the campaign has a schedule enabled.", Computed: true},
	}
}

func (d *campaignDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_campaign"
}

func (d *campaignDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := campaignSummaryAttributes()
	lookup := map[string]string{
		"id": "ID of the campaign (`cd-…`), of either kind.",
		"name": "Name of the campaign, compared exactly (case included). When several campaigns have the name, the read fails " +
			"and lists their ids; `type` narrows the search to one kind.",
	}
	for name, desc := range lookup {
		attrs[name] = schema.StringAttribute{
			MarkdownDescription: desc + " Give exactly one of `id` and `name`.",
			Optional:            true,
			Computed:            true,
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		}
	}
	attrs["type"] = schema.StringAttribute{
		MarkdownDescription: "Kind of the campaign: `sms` or `voice`. With `name`, only campaigns of this kind are searched (one " +
			"list read instead of two); otherwise it is read from the answer.",
		Optional:   true,
		Computed:   true,
		Validators: []validator.String{stringvalidator.OneOf(string(client.CampaignSMS), string(client.CampaignVoice))},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one SMS or voice campaign, found by its id or its name: for campaigns made in the SmartAssist " +
			"UI, or to read the status of one.",
		Attributes: attrs,
	}
}

func (d *campaignDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name"))}
}

func (d *campaignDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.client = data.client
	}
}

func (d *campaignDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg campaignSummaryModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	kind := client.CampaignKind(cfg.Type.ValueString())
	var (
		c        *client.Campaign
		err      error
		what     string
		notFound string
	)
	if !cfg.ID.IsNull() {
		what = "the campaign " + cfg.ID.ValueString()
		notFound = fmt.Sprintf("No campaign has the id %s. The smartassist_campaigns data source lists every campaign.", cfg.ID.ValueString())
		c, err = d.client.Campaigns.Get(ctx, cfg.ID.ValueString())
	} else {
		what = fmt.Sprintf("the campaign named %q", cfg.Name.ValueString())
		notFound = fmt.Sprintf("No campaign is named %q. Names are compared exactly, including case; the smartassist_campaigns "+
			"data source lists every campaign.", cfg.Name.ValueString())
		c, err = d.client.Campaigns.FindByName(ctx, kind, cfg.Name.ValueString())
	}
	if err != nil {
		detail := fmt.Sprintf("Reading %s failed: %v", what, err)
		if client.IsNotFound(err) {
			detail = notFound
		}
		resp.Diagnostics.AddError("Unable to read campaign", detail+errorHint(err))
		return
	}
	m := campaignSummaryFrom(c)
	if m.Type.IsNull() {
		m.Type = cfg.Type
	}
	if !cfg.Type.IsNull() && !m.Type.Equal(cfg.Type) {
		resp.Diagnostics.AddError("Unable to read campaign", fmt.Sprintf("The campaign %s (%q) is of type %s, not %s.",
			c.ID, c.Name, m.Type.ValueString(), cfg.Type.ValueString()))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
