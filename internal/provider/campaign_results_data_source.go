package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*campaignResultsDataSource)(nil)

func newCampaignResultsDataSource() datasource.DataSource { return &campaignResultsDataSource{} }

// campaignResultsDataSource reads a campaign's dial results: Get All
// Contact Details Voice Campaigns v2
// (https://docs.kore.ai/ai-for-service/apis/contact-center/get-all-contact-details-voice-campaigns-v2).
type campaignResultsDataSource struct {
	client *client.Client
}

const (
	// campaignResultsDefaultLimit is limit when it is not set: one page.
	campaignResultsDefaultLimit = 100
	// campaignResultsMaxLimit bounds a read: 100 pages of 100.
	campaignResultsMaxLimit = 10000
)

type campaignResultsModel struct {
	CampaignID types.String          `tfsdk:"campaign_id"`
	Limit      types.Int64           `tfsdk:"limit"`
	Results    []campaignResultModel `tfsdk:"results"`
}

type campaignResultModel struct {
	PhoneNumber             types.String `tfsdk:"phone_number"`
	UniqueID                types.String `tfsdk:"unique_id"`
	DialerOutcome           types.String `tfsdk:"dialer_outcome"`
	Attempts                types.Int64  `tfsdk:"attempts"`
	BotSessionID            types.String `tfsdk:"bot_session_id"`
	AgentDispositionCodes   types.List   `tfsdk:"agent_disposition_codes"`
	BotOutboundStatus       types.String `tfsdk:"bot_outbound_status"`
	BotOutboundStatusDetail types.String `tfsdk:"bot_outbound_status_detail"`
}

func (d *campaignResultsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_campaign_results"
}

func (d *campaignResultsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The dial results of a campaign: for each number of its contact lists, what the dialler did (the " +
			"outcome, the attempts so far, the bot session and how the call ended). The API answers them in pages, which this data " +
			fmt.Sprintf("source follows until `limit` results (%d unless set, at most %d) are read or the list ends.\n\n", campaignResultsDefaultLimit, campaignResultsMaxLimit) +
			fmt.Sprintf("**Cost.** Each page is one API call of up to %d results, of the 60 a minute the API allows the whole account. ", client.CampaignResultPageSize) +
			"The results of a running campaign change between reads.\n\n" +
			"**Personal data.** The results hold the phone numbers dialled, which end up in the Terraform state.",
		Attributes: map[string]schema.Attribute{
			"campaign_id": schema.StringAttribute{
				MarkdownDescription: "ID of the campaign (`cd-…`), such as `smartassist_voice_campaign.spring.id`.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"limit": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("The most results to read, the first ones in the API's order. Default %d (one page); "+
					"at most %d.", campaignResultsDefaultLimit, campaignResultsMaxLimit),
				Optional:   true,
				Computed:   true,
				Validators: []validator.Int64{int64validator.Between(1, campaignResultsMaxLimit)},
			},
			"results": schema.ListNestedAttribute{
				MarkdownDescription: "The results, in the order the API answers them.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"phone_number": computed("The number dialled, as the API writes it."),
					"unique_id":    computed("The call attempt's unique id, when the API gives one."),
					"dialer_outcome": computed("The dialler's final outcome, such as `completed`; null while the number is " +
						"still being dialled."),
					"attempts": schema.Int64Attribute{
						MarkdownDescription: "How many times the number has been called so far.",
						Computed:            true,
					},
					"bot_session_id": computed("The bot session of the call, when there was one."),
					"agent_disposition_codes": schema.ListAttribute{
						MarkdownDescription: "The disposition codes an agent (or the system) gave the call.",
						Computed:            true,
						ElementType:         types.StringType,
					},
					"bot_outbound_status":        computed("How the outbound call ended, such as `userHangUp` or `agentHangUp`."),
					"bot_outbound_status_detail": computed("More about how the call ended."),
				}},
			},
		},
	}
}

func (d *campaignResultsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.client = data.client
	}
}

func (d *campaignResultsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg campaignResultsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if cfg.Limit.IsNull() {
		cfg.Limit = types.Int64Value(campaignResultsDefaultLimit)
	}
	id := cfg.CampaignID.ValueString()
	results, err := d.client.CampaignResults.ListAll(ctx, id, int(cfg.Limit.ValueInt64()))
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("campaign_id"), "Unable to read campaign results",
			fmt.Sprintf("Reading the dial results of campaign %s failed: %v", id, err)+unreachableHint(err)+errorHint(err))
		return
	}
	cfg.Results = make([]campaignResultModel, 0, len(results))
	for i := range results {
		r := &results[i]
		codes, diags := types.ListValueFrom(ctx, types.StringType, []string(r.AgentDispositionCodes))
		resp.Diagnostics.Append(diags...)
		cfg.Results = append(cfg.Results, campaignResultModel{
			PhoneNumber:             types.StringValue(string(r.PhoneNumber)),
			UniqueID:                stringOrNull(r.UniqueID),
			DialerOutcome:           stringOrNull(r.DialerOutcome),
			Attempts:                intOrNull(r.NumberOfAttemptsSoFar),
			BotSessionID:            stringOrNull(r.BotSessionID),
			AgentDispositionCodes:   codes,
			BotOutboundStatus:       stringOrNull(r.BotOutboundStatus),
			BotOutboundStatusDetail: stringOrNull(r.BotOutboundStatusDetail),
		})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
