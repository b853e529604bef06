package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// newSMSCampaignList lists the SMS campaigns of the account for
// `terraform query`.
func newSMSCampaignList() list.ListResource {
	return &listResource[listFilter, client.Campaign]{kind: campaignListKind(client.CampaignSMS, "_sms_campaign",
		func(ctx context.Context, d *providerData, c *client.Campaign) (any, diag.Diagnostics) {
			full, diags := readListedCampaign(ctx, d, c)
			if diags.HasError() {
				return nil, diags
			}
			m := smsCampaignModelFrom(full, nil)
			return &m, diags
		})}
}
