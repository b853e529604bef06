package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
)

var _ action.ActionWithConfigure = (*campaignStopAction)(nil)

func newCampaignStopAction() action.Action { return &campaignStopAction{} }

// campaignStopAction stops an SMS or voice campaign and waits until it
// reports Stopped (Stop Voice Campaign (v2),
// https://docs.kore.ai/ai-for-service/apis/contact-center/stop-voice-campaign-v2;
// Stop SMS Campaign (v2), …/stop-sms-campaign-v2).
type campaignStopAction struct {
	data *providerData
}

func (a *campaignStopAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_campaign_stop"
}

func (a *campaignStopAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = campaignActionSchema("stop", "Stopped",
		"Stops an SMS or voice campaign: it dials (or texts) no more of its contact lists until it is started again. "+
			"Requires Terraform 1.14 or later.\n\n"+
			"The action reads the campaign first. When it is `Stopped` already, the action says so and sends nothing; when it is "+
			"`Completed`, which no stop moves, it fails without sending anything. Otherwise it sends the stop (the API's "+
			"`trigger=stop`) and reads the campaign's status until it reports `Stopped`, reporting each status it sees, and fails "+
			"when the campaign reaches a status that cannot become `Stopped` or when `timeout` runs out. Interrupting Terraform "+
			"(Ctrl-C) ends the wait at once; the stop itself stays sent.\n\n"+
			"**State.** A stop changes no resource's configuration. The campaign resources' `status` is computed: it is read "+
			"from the API on each refresh, so after a stop the next plan reads `Stopped` without planning any change.")
}

func (a *campaignStopAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		a.data = data
	}
}

func (a *campaignStopAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	invokeCampaignAction(ctx, req, resp, a.data, false)
}
