package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// newVoiceCampaignList lists the voice campaigns of the account for
// `terraform query`.
func newVoiceCampaignList() list.ListResource {
	return &listResource[listFilter, client.Campaign]{kind: campaignListKind(client.CampaignVoice, "_voice_campaign",
		func(ctx context.Context, d *providerData, c *client.Campaign) (any, diag.Diagnostics) {
			full, diags := readListedCampaign(ctx, d, c)
			if diags.HasError() {
				return nil, diags
			}
			// The list names the queue (connection); the read does not.
			m := voiceCampaignModelFrom(full, &voiceCampaignModel{QueueName: stringOrNull(c.Connection)})
			return &m, diags
		})}
}

// campaignListKind describes the list resource of the campaigns of kind.
func campaignListKind(kind client.CampaignKind, typeName string,
	resource func(ctx context.Context, d *providerData, c *client.Campaign) (any, diag.Diagnostics)) listKind[listFilter, client.Campaign] {
	plural := kindName(kind) + "s"
	return listKind[listFilter, client.Campaign]{
		typeName: typeName,
		plural:   plural,
		nameOf:   "name",
		description: "Lists the " + plural + " of the account, in the API's order, optionally filtered, for `terraform query` " +
			"(Terraform 1.14 and later). Each result is shown by the campaign's name and carries its identity; " +
			"`terraform query -generate-config-out=FILE` writes a `smartassist" + typeName + "` block and an `import` block for each." +
			listCostNote + " With `include_resource` (and with `-generate-config-out`), each campaign is also read with its own " +
			"call, because the list's entries do not carry a campaign's calling hours, caller id or dialing settings. What the " +
			"API never answers (a queue's name on a read, an experience flow's name, answering-machine detection) is missing " +
			"from the generated configuration: fill it in before the import.",
		walk: func(ctx context.Context, d *providerData, _ listFilter, visit func(*client.Campaign) bool) error {
			return d.client.Campaigns.Walk(ctx, client.CampaignFilter{Kind: kind}, visit)
		},
		id:       func(c *client.Campaign) string { return string(c.ID) },
		display:  func(c *client.Campaign) string { return string(c.Name) },
		resource: resource,
	}
}

// readListedCampaign reads the whole campaign a list entry names.
func readListedCampaign(ctx context.Context, d *providerData, c *client.Campaign) (*client.Campaign, diag.Diagnostics) {
	full, err := d.client.Campaigns.Get(ctx, string(c.ID))
	if err != nil {
		return nil, readFailed("Unable to read "+kindName(c.Kind()), fmt.Sprintf("Reading the campaign %s (%q)", c.ID, c.Name), err)
	}
	if full.CampaignType == "" {
		full.CampaignType = c.CampaignType
	}
	return full, nil
}
