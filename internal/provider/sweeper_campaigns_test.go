package provider

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// campaignSweeper deletes the tfacc- campaigns of one kind. A campaign
// names its contact lists, its do-not-call list and its queue, so the
// campaigns are swept before them (sweepKinds' order, which the sweepers'
// Dependencies follow). An Active campaign is stopped first and deleted
// once it has left Active, as the resources' destroy does: a delete must
// not meet a campaign that is still calling.
type campaignSweeper struct {
	kind client.CampaignKind
	// pause waits between two reads of a stopped campaign (sleepOn outside
	// the tests, which pass a clock of their own).
	pause func(context.Context, time.Duration) error
	// wait bounds the wait for one stopped campaign to leave Active.
	wait time.Duration
}

// campaignSweepWait is how long a sweep waits for a stopped campaign.
const campaignSweepWait = 5 * time.Minute

func (cs campaignSweeper) sweep(ctx context.Context, c *client.Client, out io.Writer) (int, error) {
	label := kindName(cs.kind)
	type found struct{ id, name, status string }
	var all []found
	err := c.Campaigns.Walk(ctx, client.CampaignFilter{Kind: cs.kind}, func(cp *client.Campaign) bool {
		if isTestObject(string(cp.Name)) {
			all = append(all, found{string(cp.ID), string(cp.Name), string(cp.Status)})
		}
		return true
	})
	if err != nil {
		return 0, err
	}
	var ids [][2]string
	for _, f := range all {
		if f.status == client.CampaignStatusActive {
			if err := cs.stop(ctx, c, f.id); err != nil && !client.IsNotFound(err) {
				return 0, fmt.Errorf("stopping the Active %s %s (%s) before deleting it: %w", label, f.id, f.name, err)
			}
			fmt.Fprintf(out, "sweep: stopped %s %s (%s)\n", label, f.id, f.name)
		}
		ids = append(ids, [2]string{f.id, f.name})
	}
	return sweepEach(out, label, ids, func(id string) error { return c.Campaigns.Delete(ctx, cs.kind, id) })
}

// stop stops the campaign id and reads it, at 2, 4, 8… seconds (at most
// 30 s apart), until it is no longer Active or cs.wait has passed.
func (cs campaignSweeper) stop(ctx context.Context, c *client.Client, id string) error {
	if err := c.Campaigns.Stop(ctx, cs.kind, id); err != nil {
		return err
	}
	interval, waited := campaignPollFirst, time.Duration(0)
	for {
		got, err := c.Campaigns.Get(ctx, id)
		if err != nil {
			return err
		}
		if string(got.Status) != client.CampaignStatusActive {
			return nil
		}
		if waited >= cs.wait {
			return fmt.Errorf("it was still Active %s after the stop", waited)
		}
		if err := cs.pause(ctx, interval); err != nil {
			return err
		}
		waited += interval
		interval = min(2*interval, campaignPollMax)
	}
}
