package export

import (
	"context"
	"sort"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

const (
	typeSMSCampaign   = "smartassist_sms_campaign"
	typeVoiceCampaign = "smartassist_voice_campaign"
	refCampaign       = "campaign"
	// refContactListName keys the contact lists an export writes by their
	// name, the way campaigns name them: a kind that writes contact lists
	// registers each under it, and campaigns then refer to
	// smartassist_contact_list.<name>.name instead of the literal name.
	refContactListName = "contact_list_name"
)

// The campaign list's entries lack the calling hours, the caller id and
// the dialing settings, so each campaign is read once more; the voice
// entries' "connection", the queue's name that no read answers, is kept.
// A campaign whose experience flow names it (an advanced SMS campaign, an
// Agentless voice campaign) is left out: the API answers the flow's id,
// never the name the resource needs, nor an Agentless campaign's
// answering-machine setting, so its configuration cannot be written.

func readSMSCampaigns(ctx context.Context, e *exporter) error {
	var err error
	e.smsCampaigns, err = readCampaigns(ctx, e, client.CampaignSMS)
	return err
}

func readVoiceCampaigns(ctx context.Context, e *exporter) error {
	var err error
	e.voiceCampaigns, err = readCampaigns(ctx, e, client.CampaignVoice)
	return err
}

func readCampaigns(ctx context.Context, e *exporter, kind client.CampaignKind) ([]client.Campaign, error) {
	listed, err := e.c.Campaigns.ListAll(ctx, client.CampaignFilter{Kind: kind})
	if err != nil {
		return nil, err
	}
	out := make([]client.Campaign, 0, len(listed))
	var skipped []string
	for _, l := range listed {
		if l.Format == "advanced" || l.DialingMode == "Agentless" {
			skipped = append(skipped, string(l.Name))
			continue
		}
		c, err := e.c.Campaigns.Get(ctx, string(l.ID))
		if err != nil {
			return nil, err
		}
		if c.Connection == "" {
			c.Connection = l.Connection
		}
		c.CampaignType = l.CampaignType
		out = append(out, *c)
	}
	if len(skipped) > 0 {
		e.progress("%s campaigns: %d left out, as the API does not answer the name of the experience flow they run: %v",
			kind, len(skipped), skipped)
	}
	return out, nil
}

func nameSMSCampaigns(e *exporter)   { nameCampaigns(e, e.smsCampaigns, typeSMSCampaign) }
func nameVoiceCampaigns(e *exporter) { nameCampaigns(e, e.voiceCampaigns, typeVoiceCampaign) }

func nameCampaigns(e *exporter, campaigns []client.Campaign, typ string) {
	cands := make([]candidate, len(campaigns))
	for i, c := range campaigns {
		cands[i] = candidate{slug: slug(string(c.Name), "campaign"), key: string(c.ID)}
	}
	for i, name := range uniqueNames(cands) {
		e.refs.add(refCampaign, string(campaigns[i].ID), ref{typ: typ, name: name})
	}
}

func renderSMSCampaigns(e *exporter, f *file) {
	renderCampaigns(e, f, e.smsCampaigns, func(b *hclwrite.Body, c *client.Campaign) {
		msg := c.Message.Value
		if msg.TemplateName != "" {
			setString(b, "format", "template")
			setString(b, "template_name", string(msg.TemplateName))
		} else {
			setString(b, "format", "simple")
		}
		setOptString(b, "message", msg.Text())
	})
}

func renderVoiceCampaigns(e *exporter, f *file) {
	renderCampaigns(e, f, e.voiceCampaigns, func(b *hclwrite.Body, c *client.Campaign) {
		ds := c.DialingStrategy.Value
		setString(b, "dialing_mode", string(c.DialingMode))
		setString(b, "dialing_order", string(ds.DialingOrder))
		setInt(b, "max_attempts_per_record", ds.MaxAttemptsPerRecord)
		setInt(b, "default_retry_period", ds.DefaultRetryPeriod)
		setInt(b, "max_ring_time", ds.MaxRingTime)
		queue := string(c.Connection)
		if queue == "" {
			queue = string(c.QueueName)
		}
		if to := e.queueNamed(queue); to != nil {
			b.SetAttributeRaw("queue_name", hclwrite.TokensForTraversal(to.traversal("name")))
		} else {
			setOptString(b, "queue_name", queue)
		}
		if c.DialingMode == "Preview" {
			setInt(b, "max_skips", c.MaxSkips)
		}
	})
}

// renderCampaigns writes what both kinds share, then kind's own.
func renderCampaigns(e *exporter, f *file, campaigns []client.Campaign, own func(*hclwrite.Body, *client.Campaign)) {
	order := indexes(len(campaigns))
	name := func(i int) string { return e.refs[refCampaign][string(campaigns[i].ID)].name }
	sort.Slice(order, func(a, b int) bool { return name(order[a]) < name(order[b]) })
	for _, i := range order {
		c := &campaigns[i]
		b := e.resource(f, *e.refs[refCampaign][string(c.ID)], string(c.ID))
		setString(b, "name", string(c.Name))
		setOptString(b, "description", string(c.Description))
		own(b, c)
		lists := make([]hclwrite.Tokens, 0, len(c.ContactLists))
		for _, l := range c.ContactLists {
			lists = append(lists, e.contactListName(string(l)))
		}
		b.SetAttributeRaw("contact_lists", hclwrite.TokensForTuple(lists))
		if dnc := string(c.DNCLists.Name); dnc != "" {
			b.SetAttributeRaw("dnc_list", e.contactListName(dnc))
		}
		setString(b, "priority", string(c.Priority))
		setString(b, "caller_id", string(c.DialingStrategy.Value.CallerID.Value.PhoneNumber))
		b.SetAttributeValue("calling_hours", callingHours(c.DialingStrategy.Value.CallingHours.Value))
	}
}

// contactListName is a reference to the name of the contact list this
// export writes under that name, or the name itself.
func (e *exporter) contactListName(name string) hclwrite.Tokens {
	if to := e.refs[refContactListName][name]; to != nil {
		return hclwrite.TokensForTraversal(to.traversal("name"))
	}
	return hclwrite.TokensForValue(cty.StringVal(name))
}

// queueNamed is the queue this export writes with the name, when exactly
// one has it; nil otherwise.
func (e *exporter) queueNamed(name string) *ref {
	var found *ref
	for _, q := range e.queues {
		if string(q.Name) != name || name == "" {
			continue
		}
		to := e.refs[refQueue][string(q.ID)]
		if to == nil || found != nil || to.data {
			return nil
		}
		found = to
	}
	return found
}

// callingHours writes the calling hours as the resource takes them: times
// in 24-hour HH:MM, the frequency left out when it is the default WEEKLY.
func callingHours(h client.CampaignCallingHours) cty.Value {
	days := make([]cty.Value, 0, len(h.Days))
	for _, d := range h.Days {
		start, _ := client.ClockOf(string(d.Start))
		end, _ := client.ClockOf(string(d.End))
		days = append(days, cty.ObjectVal(map[string]cty.Value{
			"day": cty.StringVal(string(d.Day)), "start": cty.StringVal(start), "end": cty.StringVal(end),
		}))
	}
	attrs := map[string]cty.Value{"time_zone": cty.StringVal(string(h.Timezone))}
	if len(days) > 0 {
		attrs["days"] = cty.TupleVal(days)
	} else {
		attrs["days"] = cty.EmptyTupleVal
	}
	if h.Frequency != "" && h.Frequency != "WEEKLY" {
		attrs["frequency"] = cty.StringVal(string(h.Frequency))
	}
	return cty.ObjectVal(attrs)
}

func setInt(b *hclwrite.Body, attr string, n *client.FlexInt) {
	if n != nil {
		b.SetAttributeValue(attr, cty.NumberIntVal(int64(*n)))
	}
}
