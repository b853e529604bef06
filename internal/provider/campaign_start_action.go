package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
)

var _ action.ActionWithConfigure = (*campaignStartAction)(nil)

func newCampaignStartAction() action.Action { return &campaignStartAction{} }

// campaignStartAction starts an SMS or voice campaign and waits until it
// reports Active (Start Voice Campaign (v2),
// https://docs.kore.ai/ai-for-service/apis/contact-center/start-voice-campaign-v2;
// Start SMS Campaign (v2), …/start-sms-campaign-v2).
type campaignStartAction struct {
	data *providerData
}

func (a *campaignStartAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_campaign_start"
}

func (a *campaignStartAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = campaignActionSchema("start", "Active",
		"Starts an SMS or voice campaign: the campaign begins to dial (or text) its contact lists. Requires Terraform 1.14 or later.\n\n"+
			"The action reads the campaign first. When it is `Active` already, the action says so and sends nothing; when it is "+
			"`Completed`, which no start moves, it fails without sending anything. Otherwise it sends the start (the API's "+
			"`trigger=play`) and reads the campaign's status until it reports `Active`, reporting each status it sees, and fails "+
			"when the campaign reaches a status that cannot become `Active` or when `timeout` runs out. Interrupting Terraform "+
			"(Ctrl-C) ends the wait at once; the start itself stays sent.\n\n"+
			"**State.** A start changes no resource's configuration. The campaign resources' `status` is computed: it is read "+
			"from the API on each refresh, so after a start the next plan reads `Active` without planning any change.")
}

func (a *campaignStartAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		a.data = data
	}
}

func (a *campaignStartAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	invokeCampaignAction(ctx, req, resp, a.data, true)
}
