package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// What both campaign resources share: the create that waits for the
// campaign to leave Preparing, the destroy that stops an Active campaign
// first, the gone check and the import key.

// defaultCampaignCreateTimeout bounds the wait for a new campaign to leave
// Preparing (the pages say creation is "in progress", not for how long).
const defaultCampaignCreateTimeout = 10 * time.Minute

// The wait polls at campaignPollFirst, doubling up to campaignPollMax:
// API calls are the currency, and a campaign that prepares for minutes
// costs a few reads.
const (
	campaignPollFirst = 2 * time.Second
	campaignPollMax   = 30 * time.Second
)

// sleepOn waits d on the real clock, or until ctx ends.
func sleepOn(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

type campaignTimeoutsModel struct {
	Create types.String `tfsdk:"create"`
	Delete types.String `tfsdk:"delete"`
}

// defaultCampaignDeleteTimeout bounds the wait for a stopped campaign to
// leave Active before its delete.
const defaultCampaignDeleteTimeout = 5 * time.Minute

// campaignTimeoutsBlock is the timeouts block: how long a create waits.
func campaignTimeoutsBlock() schema.Block {
	return schema.SingleNestedBlock{
		MarkdownDescription: "How long the provider waits for the API.",
		Attributes: map[string]schema.Attribute{
			"create": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("How long a create waits for the new campaign to leave `Preparing` (the API prepares "+
					"a campaign after it answers the create), as a Go duration such as `5m`. Default `%s`. When it runs out, or "+
					"the apply is interrupted, the campaign stays in the state (tainted), so nothing is left unmanaged.",
					defaultCampaignCreateTimeout),
				Optional:   true,
				Validators: []validator.String{duration()},
			},
			"delete": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("How long a destroy of an `Active` campaign waits, after stopping it, for it to "+
					"leave `Active` before the delete, as a Go duration such as `2m`. Default `%s`.", defaultCampaignDeleteTimeout),
				Optional:   true,
				Validators: []validator.String{duration()},
			},
		},
	}
}

func (t *campaignTimeoutsModel) create() time.Duration {
	if t == nil {
		return defaultCampaignCreateTimeout
	}
	return durationOr(t.Create, defaultCampaignCreateTimeout)
}

func (t *campaignTimeoutsModel) delete() time.Duration {
	if t == nil {
		return defaultCampaignDeleteTimeout
	}
	return durationOr(t.Delete, defaultCampaignDeleteTimeout)
}

func durationOr(v types.String, def time.Duration) time.Duration {
	if v.IsNull() || v.IsUnknown() {
		return def
	}
	d, err := time.ParseDuration(v.ValueString())
	if err != nil || d <= 0 {
		return def
	}
	return d
}

// kindName is how errors name a kind: "SMS campaign", "voice campaign".
func kindName(k client.CampaignKind) string {
	if k == client.CampaignSMS {
		return "SMS campaign"
	}
	return "voice campaign"
}

// createCampaign creates the campaign and waits, on the provider's clock,
// for it to leave Preparing. A campaign that was created is answered even
// when the wait fails (timeout, interrupt, a failed read), so the caller
// keeps its id in the state; the error then says why it is not known to be
// ready.
func createCampaign(ctx context.Context, d *providerData, req client.CampaignRequest, timeout time.Duration) (*client.Campaign, error) {
	created, err := d.client.Campaigns.Create(ctx, req)
	if err != nil {
		return nil, err
	}
	return waitCampaignReady(ctx, d, created, timeout)
}

// campaignWaitError says that a created campaign was not seen to leave
// Preparing.
type campaignWaitError struct {
	kind   client.CampaignKind
	id     string
	status string
	err    error // nil when the time ran out
	waited time.Duration
}

func (e *campaignWaitError) Error() string {
	if e.err != nil {
		return fmt.Sprintf("waiting for the %s %s to leave %s stopped: %v", kindName(e.kind), e.id, e.status, e.err)
	}
	return fmt.Sprintf("after %s the %s %s is still %s", e.waited.Round(time.Second), kindName(e.kind), e.id, e.status)
}

func (e *campaignWaitError) Unwrap() error { return e.err }

func waitCampaignReady(ctx context.Context, d *providerData, c *client.Campaign, timeout time.Duration) (*client.Campaign, error) {
	return waitCampaignLeaves(ctx, d, c, client.CampaignStatusPreparing, timeout)
}

// waitCampaignLeaves reads the campaign c, on the provider's clock, until
// its status is no longer status or timeout has passed. It answers the
// campaign as last read, and a *campaignWaitError when it did not see the
// status end.
func waitCampaignLeaves(ctx context.Context, d *providerData, c *client.Campaign, status string, timeout time.Duration) (*client.Campaign, error) {
	start := d.now()
	deadline := start.Add(timeout)
	interval := campaignPollFirst
	for string(c.Status) == status {
		left := deadline.Sub(d.now())
		if left <= 0 {
			return c, &campaignWaitError{kind: c.Kind(), id: string(c.ID), status: status, waited: d.now().Sub(start)}
		}
		if err := d.sleep(ctx, min(interval, left)); err != nil {
			return c, &campaignWaitError{kind: c.Kind(), id: string(c.ID), status: status, err: err}
		}
		interval = min(2*interval, campaignPollMax)
		got, err := d.client.Campaigns.Get(ctx, string(c.ID))
		if err != nil {
			return c, &campaignWaitError{kind: c.Kind(), id: string(c.ID), status: status, err: err}
		}
		if got.CampaignType == "" {
			got.CampaignType = c.CampaignType
		}
		c = got
	}
	return c, nil
}

// campaignCreateDetail explains a failed create of the campaign name.
func campaignCreateDetail(kind client.CampaignKind, name string, err error) string {
	var wait *campaignWaitError
	var unconfirmed *client.UnconfirmedCreateError
	switch {
	case errors.As(err, &wait):
		return fmt.Sprintf("The %s %q was created, but %v.\n\nThe campaign is kept in the state (tainted): the next apply replaces it, or `terraform untaint` "+
			"keeps it once it is ready. A longer timeouts.create gives the API more time.", kindName(kind), name, err)
	case errors.As(err, &unconfirmed):
		return err.Error() + createAdvice(err, "")
	}
	if detail, ok := existsDetail(err, existingID); ok {
		return detail
	}
	detail := fmt.Sprintf("Creating the %s %q failed: %v", kindName(kind), name, err)
	if client.IsClientError(err) && !client.IsRateLimited(err) {
		detail += "\n\nCheck that the contact lists, the do-not-call list, the queue, the experience flow and the template " +
			"the campaign names exist under exactly those names, and that the caller id is a number of the account."
	}
	return detail
}

// campaignGone binds the campaigns' Gone check to one campaign.
func campaignGone(d *providerData, kind client.CampaignKind, id string) goneFunc {
	return func(ctx context.Context, err error) (bool, error) { return d.client.Campaigns.Gone(ctx, kind, id, err) }
}

// deleteCampaign destroys a campaign. The pages do not say whether an
// Active campaign may be deleted, and deleting one that is calling would
// leave its calls to chance, so the campaign is read first and, when
// Active, stopped (trigger=stop) before the delete, with a warning that
// says so.
// The state's identity must name the provider's stream (checkStateStream).
func deleteCampaign(ctx context.Context, d *providerData, kind client.CampaignKind, identity *tfsdk.ResourceIdentity, id, name string,
	timeout time.Duration, diags *diag.Diagnostics) {
	summary := "Unable to delete " + kindName(kind)
	if diags.Append(checkStateStream(ctx, identity, d.streamID, summary, kindName(kind), id)...); diags.HasError() {
		return
	}
	what := fmt.Sprintf("Deleting the %s %s (%q)", kindName(kind), id, name)
	current, err := d.client.Campaigns.Get(ctx, id)
	if err != nil {
		if deleteDone(ctx, diags, err, campaignGone(d, kind, id), summary, what) {
			return
		}
		diags.AddError(summary, fmt.Sprintf("Reading the %s %s (%q) before deleting it failed: %v", kindName(kind), id, name, err)+errorHint(err))
		return
	}
	if string(current.Status) == client.CampaignStatusActive {
		if err := d.client.Campaigns.Stop(ctx, kind, id); err != nil {
			diags.AddError(summary, fmt.Sprintf("The %s %s (%q) is Active, and stopping it before the delete failed: %v. Nothing "+
				"was deleted; stop the campaign in the SmartAssist UI and destroy again.", kindName(kind), id, name, err)+errorHint(err))
			return
		}
		diags.AddWarning("Campaign stopped before deletion", fmt.Sprintf("The %s %s (%q) was Active: the provider stopped it "+
			"(trigger=stop) before deleting it, so its calls or messages in progress ended.", kindName(kind), id, name))
		// A stop may take effect over a while: the delete waits for it, so
		// it never meets a campaign that is still calling.
		current.Status = client.CampaignStatusActive
		if _, err := waitCampaignLeaves(ctx, d, current, client.CampaignStatusActive, timeout); err != nil {
			diags.AddError(summary, fmt.Sprintf("The %s %s (%q) was stopped, but %v. Nothing was deleted; destroy again "+
				"once it has stopped, or give timeouts.delete more time.", kindName(kind), id, name, err)+errorHint(err))
			return
		}
	}
	err = d.client.Campaigns.Delete(ctx, kind, id)
	if deleteDone(ctx, diags, err, campaignGone(d, kind, id), summary, what) {
		return
	}
	diags.AddError(summary, fmt.Sprintf("%s failed: %v", what, err)+errorHint(err))
}

// updateCampaign reads the campaign id, then sends it back with req laid
// over it (the update is a full-document PUT: see
// client.CampaignsService.Update), after checking that the state's
// identity names the provider's stream. name is the state's name, for the
// error of the read.
func updateCampaign(ctx context.Context, d *providerData, kind client.CampaignKind, identity *tfsdk.ResourceIdentity, id, name string,
	req client.CampaignRequest, diags *diag.Diagnostics) *client.Campaign {
	summary := "Unable to update " + kindName(kind)
	if diags.Append(checkStateStream(ctx, identity, d.streamID, summary, kindName(kind), id)...); diags.HasError() {
		return nil
	}
	current, err := d.client.Campaigns.Get(ctx, id)
	if err != nil {
		diags.AddError(summary, fmt.Sprintf("Reading the %s %s (%q) before updating it failed: %v", kindName(kind), id, name, err)+errorHint(err))
		return nil
	}
	updated, err := d.client.Campaigns.Update(ctx, current, req)
	if err != nil {
		diags.AddError(summary, fmt.Sprintf("Updating the %s %s (%q) failed: %v", kindName(kind), id, req.Name, err)+errorHint(err))
		return nil
	}
	return updated
}

// importCampaign takes a campaign of kind by its id (cd-…) or name, or by
// an identity: the ImportState of both campaign resources.
func importCampaign(ctx context.Context, d *providerData, kind client.CampaignKind, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, given := importIdentity(ctx, req, d.streamID, kindName(kind), &resp.Diagnostics)
	if !given {
		var err error
		id, err = campaignIDFor(ctx, d.client, kind, strings.TrimSpace(req.ID))
		if err != nil {
			a := "a"
			if kind == client.CampaignSMS {
				a = "an"
			}
			resp.Diagnostics.AddError("Unable to import "+kindName(kind), fmt.Sprintf("The import id %q is neither %s %s id (cd-…) nor "+
				"the name of one %s: %v. The smartassist_campaigns data source lists every campaign with its id.",
				req.ID, a, kindName(kind), kindName(kind), err)+errorHint(err))
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(types.StringValue(id), d.streamID))...)
}

// wrongKind refuses a campaign of the other kind (SMS and voice campaigns
// share one id space, so an import by id can name either): the resource
// would manage it with the wrong fields.
func wrongKind(c *client.Campaign, want client.CampaignKind, diags *diag.Diagnostics) bool {
	got := c.Kind()
	if got == "" || got == want {
		return false
	}
	other := "smartassist_voice_campaign"
	if got == client.CampaignSMS {
		other = "smartassist_sms_campaign"
	}
	diags.AddError("Unable to read "+kindName(want), fmt.Sprintf("The campaign %s (%q) is a %s, not a %s. Manage it with %s instead.",
		c.ID, c.Name, kindName(got), kindName(want), other))
	return true
}

// namesOf maps names to set elements, leaving out empty ones.
func namesOf(list []client.FlexString) []types.String {
	out := make([]types.String, 0, len(list))
	for _, n := range list {
		if n != "" {
			out = append(out, types.StringValue(string(n)))
		}
	}
	return out
}

func stringsOf(list []types.String) []string {
	out := make([]string, 0, len(list))
	for _, v := range list {
		out = append(out, v.ValueString())
	}
	return out
}

func int64Ptr(v types.Int64) *int64 {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	n := v.ValueInt64()
	return &n
}
