package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// logSharedBudget says, once per provider process, whether its rate budget
// is shared and, when it should be but is not, why.
func logSharedBudget(ctx context.Context, c *client.Client, asked bool, dirErr error) {
	file, err := c.SharedBudget()
	switch {
	case file != "":
		tflog.Debug(ctx, "SmartAssist rate limit shared with the other provider processes of this host and account", map[string]any{"state_file": file})
	case !asked:
		tflog.Debug(ctx, "SmartAssist rate limit not shared: shared_rate_limit is false")
	case dirErr != nil || err != nil:
		if err == nil {
			err = dirErr
		}
		tflog.Warn(ctx, "SmartAssist rate limit not shared with other provider processes; this process keeps a budget of its own", map[string]any{"reason": err.Error()})
	default:
		tflog.Debug(ctx, "SmartAssist rate limit not shared: requests_per_minute is above 6000, which means no limit")
	}
}
