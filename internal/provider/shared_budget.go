package provider

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// budgetDirName is the directory, under the user's cache directory, that
// holds the rate budgets shared by the provider processes of this machine:
// one state file and one lock file per host and account.
const budgetDirName = "terraform-provider-smartassist"

// userCacheDir is os.UserCacheDir ($XDG_CACHE_HOME or ~/.cache on Linux,
// ~/Library/Caches on macOS, %LocalAppData% on Windows).
var userCacheDir = os.UserCacheDir

// budgetDir is where the shared rate budgets live.
func budgetDir() (string, error) {
	cache, err := userCacheDir()
	if err != nil {
		return "", err
	}
	if cache == "" {
		return "", errors.New("the user's cache directory is unknown")
	}
	return filepath.Join(cache, budgetDirName), nil
}

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
