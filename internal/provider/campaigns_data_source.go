package provider

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*campaignsDataSource)(nil)

func newCampaignsDataSource() datasource.DataSource { return &campaignsDataSource{} }

type campaignsDataSource struct {
	client *client.Client
}

type campaignsDataSourceModel struct {
	Type         types.String           `tfsdk:"type"`
	Statuses     []types.String         `tfsdk:"statuses"`
	DialingModes []types.String         `tfsdk:"dialing_modes"`
	Priorities   []types.String         `tfsdk:"priorities"`
	Name         types.String           `tfsdk:"name"`
	NameContains types.String           `tfsdk:"name_contains"`
	IDs          []types.String         `tfsdk:"ids"`
	Campaigns    []campaignSummaryModel `tfsdk:"campaigns"`
}

// campaignStatuses are the statuses the list's filter documents.
var campaignStatuses = []string{"Active", "Completed", "Ready", "Paused", "Preparing", "Stopped", "Scheduled", "Rescheduled"}

func (d *campaignsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_campaigns"
}

func (d *campaignsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	set := func(desc string, allowed []string) schema.Attribute {
		return schema.SetAttribute{
			MarkdownDescription: desc + " Allowed: " + quotedList(allowed) + ".",
			ElementType:         types.StringType,
			Optional:            true,
			Validators:          []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(stringvalidator.OneOf(allowed...))},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the account's SMS and voice campaigns, across all pages of the API's campaign list, filtered " +
			"by the API (type, status, priority, dialing mode) and by name. Use it to find the ids of existing campaigns, for " +
			"example to import them. The list's entries do not carry a campaign's calling hours or caller id, so those are null here.",
		Attributes: map[string]schema.Attribute{
			"type": schema.StringAttribute{
				MarkdownDescription: "Only campaigns of this kind: `sms` or `voice`. The API lists one kind at a time, so leaving it " +
					"out reads both lists.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(string(client.CampaignSMS), string(client.CampaignVoice))},
			},
			"statuses":      set("Only campaigns in one of these statuses (the API's filter).", campaignStatuses),
			"dialing_modes": set("Only voice campaigns of these dialing modes (the API's filter); SMS campaigns have none, so they are left out.", dialingModes),
			"priorities":    set("Only campaigns of these priorities (the API's filter).", campaignPriorities),
			"name": schema.StringAttribute{
				MarkdownDescription: "Only the campaigns named exactly this (case included).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"name_contains": nameContainsAttribute("campaigns"),
			"ids":           idsAttribute("campaigns"),
			"campaigns": schema.ListNestedAttribute{
				MarkdownDescription: "The matching campaigns, SMS first, in the API's order, with the attributes of the `smartassist_campaign` data source.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: campaignSummaryAttributes()},
			},
		},
	}
}

func (d *campaignsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.client = data.client
	}
}

func (d *campaignsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg campaignsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	f := client.CampaignFilter{Kind: client.CampaignKind(cfg.Type.ValueString()), Statuses: stringsOf(cfg.Statuses),
		DialingModes: stringsOf(cfg.DialingModes), Name: cfg.Name.ValueString()}
	for _, p := range cfg.Priorities {
		n, _ := strconv.Atoi(p.ValueString())
		f.Priorities = append(f.Priorities, n)
	}
	if len(f.DialingModes) > 0 && f.Kind == "" {
		f.Kind = client.CampaignVoice // only voice campaigns have a dialing mode
	}
	var campaigns []client.Campaign
	var err error
	if !(len(f.DialingModes) > 0 && f.Kind == client.CampaignSMS) {
		campaigns, err = d.client.Campaigns.ListAll(ctx, f)
	}
	if err != nil {
		resp.Diagnostics.AddError("Unable to list campaigns", fmt.Sprintf("Listing the campaigns failed: %v", err)+errorHint(err))
		return
	}
	cfg.IDs, cfg.Campaigns = namesContaining(campaigns, cfg.NameContains.ValueString(), campaignSummaryFrom,
		func(m *campaignSummaryModel) (types.String, types.String) { return m.Name, m.ID })
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
