package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// What the start and stop actions share: their schema, the campaign as
// read before the trigger, and the wait until the campaign reports the
// status the trigger asked for.
//
// The pages (Start Voice Campaign (v2), Stop Voice Campaign (v2), Get
// Campaign Status (v2): https://docs.kore.ai/ai-for-service/apis/contact-center/api-list#campaign-management-apis)
// say that a trigger answers at once and the campaign moves on its own; so
// an action reads the status until it is the one asked for, a status that
// cannot become it (Completed), the timeout, or the caller's cancellation.

const (
	// campaignPollInterval is the wait between two status reads: one call
	// in five seconds leaves most of the account's 60 a minute to others.
	campaignPollInterval = 5 * time.Second
	// campaignDefaultTimeout bounds the wait when timeout is not set.
	campaignDefaultTimeout = 10 * time.Minute
	// campaignMaxTimeout is the longest timeout accepted.
	campaignMaxTimeout = 24 * time.Hour
)

// campaignRunner is what the campaign actions need of the API.
type campaignRunner interface {
	// read is the campaign as it stands before a trigger.
	read(ctx context.Context, id string) (campaignNow, error)
	// trigger sends play (start) or stop for the campaign.
	trigger(ctx context.Context, c campaignNow, start bool) error
	// status reads the campaign's current status.
	status(ctx context.Context, id string) (string, error)
}

// campaignNow is a campaign as an action reads it before its trigger.
type campaignNow struct {
	ID, Name, Kind, Status string
}

// describe names the campaign in messages: cd-1 ("Spring outreach").
func (c campaignNow) describe() string {
	if c.Name == "" {
		return c.ID
	}
	return fmt.Sprintf("%s (%q)", c.ID, c.Name)
}

// campaignActionModel is the configuration of both actions.
type campaignActionModel struct {
	CampaignID types.String `tfsdk:"campaign_id"`
	Timeout    types.String `tfsdk:"timeout"`
}

// campaignActionSchema is the schema of the start (verb "start", target
// Active) or the stop action.
func campaignActionSchema(verb, target, description string) schema.Schema {
	return schema.Schema{
		MarkdownDescription: description,
		Attributes: map[string]schema.Attribute{
			"campaign_id": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("ID of the SMS or voice campaign to %s (`cd-…`), such as "+
					"`smartassist_voice_campaign.spring.id`. The action reads the campaign first, to know its kind and "+
					"whether it is %s already.", verb, target),
				Required:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"timeout": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("How long to wait for the campaign to report `%s` after the %s is sent, as a "+
					"Go duration such as `90s` or `15m`. Default `%s`, at most `%s`. The action reads the campaign's status every "+
					"%s (one API call each) and fails when the time is up; the campaign itself goes on with what the API was told.",
					target, verb, formatDuration(campaignDefaultTimeout), formatDuration(campaignMaxTimeout), formatDuration(campaignPollInterval)),
				Optional:   true,
				Validators: []validator.String{durationValidator{max: campaignMaxTimeout}},
			},
		},
	}
}

// formatDuration writes d as a user writes it: 10m rather than 10m0s.
func formatDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// campaignRun is one invocation of a start or a stop.
type campaignRun struct {
	runner   campaignRunner
	now      func() time.Time
	sleep    func(ctx context.Context, d time.Duration) error
	progress func(msg string)

	start   bool   // play, or stop
	verb    string // "start" or "stop"
	target  string // client.CampaignStatusActive or client.CampaignStatusStopped
	summary string // "Unable to start campaign"
}

// invoke runs the action for the campaign id, waiting at most timeout.
func (r campaignRun) invoke(ctx context.Context, id string, timeout time.Duration) error {
	c, err := r.runner.read(ctx, id)
	if err != nil {
		return fmt.Errorf("Reading the campaign %s before the %s failed: %w", id, r.verb, err)
	}
	switch {
	case strings.EqualFold(c.Status, r.target):
		r.progress(fmt.Sprintf("Campaign %s is %s already: no %s was sent.", c.describe(), c.Status, r.verb))
		return nil
	case !client.CampaignCanBecome(c.Status, r.target):
		return fmt.Errorf("Campaign %s is %s, which cannot become %s: no %s was sent. A %s campaign has dialled its "+
			"contact lists; create a new campaign (or change its contact lists) to dial again", c.describe(), c.Status, r.target, r.verb, c.Status)
	}
	if err := r.runner.trigger(ctx, c, r.start); err != nil {
		return fmt.Errorf("Sending the %s of campaign %s (status %s) failed: %w", r.verb, c.describe(), c.Status, err)
	}
	r.progress(fmt.Sprintf("Sent the %s of campaign %s (it was %s); waiting up to %s for it to report %s.",
		r.verb, c.describe(), c.Status, formatDuration(timeout), r.target))
	return r.wait(ctx, c, timeout)
}

// errCampaignWait marks an error of the wait, after the trigger was sent.
var errCampaignWait = errors.New("the trigger was sent")

// wait reads the campaign's status until it is the target. The first read
// follows the trigger at once; then one every campaignPollInterval, on the
// provider's clock, until the deadline. The caller's cancellation (Ctrl-C)
// ends a wait at once.
func (r campaignRun) wait(ctx context.Context, c campaignNow, timeout time.Duration) error {
	started := r.now()
	deadline := started.Add(timeout)
	for reads := 1; ; reads++ {
		st, err := r.runner.status(ctx, c.ID)
		if err != nil {
			return fmt.Errorf("%w, but reading the status of campaign %s failed: %w", errCampaignWait, c.describe(), err)
		}
		elapsed := r.now().Sub(started).Round(time.Second)
		r.progress(fmt.Sprintf("Campaign %s is %s (read %d, %s after the %s).", c.describe(), st, reads, formatDuration(elapsed), r.verb))
		switch {
		case strings.EqualFold(st, r.target):
			return nil
		case !client.CampaignCanBecome(st, r.target):
			return fmt.Errorf("%w, and campaign %s now reports %s, which cannot become %s", errCampaignWait, c.describe(), st, r.target)
		}
		left := deadline.Sub(r.now())
		if left <= 0 {
			return fmt.Errorf("%w, but campaign %s still reports %s after %s (timeout %s). The campaign may still get there: "+
				"its status shows in the API, and a longer timeout waits longer", errCampaignWait, c.describe(), st,
				formatDuration(elapsed), formatDuration(timeout))
		}
		if err := r.sleep(ctx, min(campaignPollInterval, left)); err != nil {
			return fmt.Errorf("%w; waiting for campaign %s to report %s stopped (it reported %s): %w", errCampaignWait,
				c.describe(), r.target, st, err)
		}
	}
}

// invokeCampaignAction is the Invoke of both actions.
func invokeCampaignAction(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse, pd *providerData, start bool) {
	var cfg campaignActionModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if pd == nil {
		resp.Diagnostics.AddError("Unconfigured provider", "The action was invoked before the provider was configured. This is a bug in the provider.")
		return
	}
	r := campaignRun{runner: apiCampaignRunner{c: pd.client}, now: pd.now, sleep: pd.sleep, start: start,
		progress: func(msg string) { resp.SendProgress(action.InvokeProgressEvent{Message: msg}) }}
	if start {
		r.verb, r.target, r.summary = "start", client.CampaignStatusActive, "Unable to start campaign"
	} else {
		r.verb, r.target, r.summary = "stop", client.CampaignStatusStopped, "Unable to stop campaign"
	}
	timeout := campaignDefaultTimeout
	if !cfg.Timeout.IsNull() {
		d, err := time.ParseDuration(cfg.Timeout.ValueString())
		if err != nil { // the validator has said so at plan time
			resp.Diagnostics.AddAttributeError(path.Root("timeout"), r.summary, err.Error())
			return
		}
		timeout = d
	}
	if err := r.invoke(ctx, cfg.CampaignID.ValueString(), timeout); err != nil {
		detail := err.Error() + "."
		if errors.Is(err, errCampaignWait) {
			detail += " The action did not change any resource's state; run it again to wait again (it sends nothing when the " +
				"campaign is " + r.target + " already)."
		}
		resp.Diagnostics.AddError(r.summary, detail+errorHint(err))
	}
}

// durationValidator checks a Go duration string: above zero, at most max.
type durationValidator struct{ max time.Duration }

func (v durationValidator) Description(context.Context) string {
	return fmt.Sprintf("must be a duration such as 90s or 15m, above zero and at most %s", formatDuration(v.max))
}

func (v durationValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v durationValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	d, err := time.ParseDuration(s)
	switch {
	case err != nil:
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration",
			fmt.Sprintf("%q is not a duration: write a number with a unit, such as 90s, 15m or 1h30m.", s))
	case d <= 0 || d > v.max:
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration",
			fmt.Sprintf("%q is out of range: it must be above zero and at most %s.", s, formatDuration(v.max)))
	}
}

// apiCampaignRunner is campaignRunner over the client: the campaign read
// (Get a campaign, for its status and kind), the triggers and the status
// view.
type apiCampaignRunner struct{ c *client.Client }

func (a apiCampaignRunner) read(ctx context.Context, id string) (campaignNow, error) {
	c, err := a.c.Campaigns.Get(ctx, id)
	if err != nil {
		return campaignNow{}, err
	}
	now := campaignNow{ID: string(c.ID), Name: string(c.Name), Kind: string(c.Kind()), Status: string(c.Status)}
	if now.Kind == "" {
		return now, fmt.Errorf("the answer says neither a dialing mode (voice) nor a format (SMS), so the provider cannot tell " +
			"which start or stop the campaign takes")
	}
	return now, nil
}

func (a apiCampaignRunner) trigger(ctx context.Context, c campaignNow, start bool) error {
	if start {
		_, err := a.c.CampaignRuns.Start(ctx, client.CampaignKind(c.Kind), c.ID)
		return err
	}
	return a.c.Campaigns.Stop(ctx, client.CampaignKind(c.Kind), c.ID)
}

func (a apiCampaignRunner) status(ctx context.Context, id string) (string, error) {
	st, err := a.c.CampaignRuns.Status(ctx, id)
	if err != nil {
		return "", err
	}
	return string(st.Status), nil
}
