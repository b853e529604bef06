package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// maxPreferredAgentTimeout bounds preferred_agent_timeout. The pages give
// no bound (their samples are a few minutes); this keeps a typo such as
// "30h" from reaching the API.
const maxPreferredAgentTimeout = 60 * time.Minute

// The API's defaults for what a queue's configuration leaves out.
const (
	defaultAdvancedRouting = false
	defaultSkillExpire     = false
	queueSkillBlock        = "skill"
	skillExpireAttr        = "is_expire_enabled"
)

// queueModel is the Terraform side of a queue, shared by the
// resource and both data sources. (agentQueueModel is an agent's queue block.)
type queueModel struct {
	ID                       types.String      `tfsdk:"id"`
	Name                     types.String      `tfsdk:"name"`
	Description              types.String      `tfsdk:"description"`
	HoursOfOperationID       types.String      `tfsdk:"hours_of_operation_id"`
	IsAdvancedRoutingEnabled types.Bool        `tfsdk:"is_advanced_routing_enabled"`
	Skills                   []queueSkillModel `tfsdk:"skill"`
	AgentGroupIDs            []types.String    `tfsdk:"agent_group_ids"`
	PreferredAgentTimeout    types.String      `tfsdk:"preferred_agent_timeout"`
	IsDefault                types.Bool        `tfsdk:"is_default"`
	IsActive                 types.Bool        `tfsdk:"is_active"`
}

type queueSkillModel struct {
	ID              types.String `tfsdk:"id"`
	IsExpireEnabled types.Bool   `tfsdk:"is_expire_enabled"`
}

// queueModelFrom maps a queue as the API returns it onto the model. It is
// the one place that mapping happens. The queue's agents are not mapped:
// membership is managed through the agents.
//
// An empty description is null, as an omitted one is configured. Flags the
// answer leaves out take the API's documented defaults, so an answer
// without them does not show as a change. The preferred agent timeout,
// stored as {min, sec}, is written as a Go duration ("2m30s").
func queueModelFrom(q *client.Queue) queueModel {
	m := queueModel{
		ID:                       stringOrNull(q.ID),
		Name:                     stringOrNull(q.Name),
		Description:              stringOrNull(q.Description),
		HoursOfOperationID:       stringOrNull(q.HoursOfOperation.Value.ID),
		IsAdvancedRoutingEnabled: types.BoolValue(flagOr(q.IsAdvancedRoutingEnabled, defaultAdvancedRouting)),
		Skills:                   make([]queueSkillModel, 0, len(q.Skills)),
		AgentGroupIDs:            make([]types.String, 0, len(q.AgentGroups)),
		PreferredAgentTimeout:    types.StringNull(),
		IsDefault:                boolOrNull(q.IsDefault),
		IsActive:                 boolOrNull(q.IsActive),
	}
	for _, s := range q.Skills {
		if s.ID == "" {
			continue
		}
		m.Skills = append(m.Skills, queueSkillModel{
			ID:              types.StringValue(string(s.ID)),
			IsExpireEnabled: types.BoolValue(flagOr(s.IsExpireEnabled, defaultSkillExpire)),
		})
	}
	for _, g := range q.AgentGroups {
		if g.ID != "" {
			m.AgentGroupIDs = append(m.AgentGroupIDs, types.StringValue(string(g.ID)))
		}
	}
	if adv := q.AdvancedSettings; adv.Set && adv.Value.PreferredAgentTimeout.Set {
		m.PreferredAgentTimeout = types.StringValue(adv.Value.PreferredAgentTimeout.Value.Duration().String())
	}
	return m
}

func flagOr(b *client.FlexBool, def bool) bool {
	if b == nil {
		return def
	}
	return bool(*b)
}

// keepEquivalent keeps the prior spelling of the preferred agent timeout
// when it is the same duration: the API stores {min, sec}, so "150s" comes
// back as 2 minutes 30 seconds, which is not a change.
func (m *queueModel) keepEquivalent(prior queueModel) {
	if sameDuration(prior.PreferredAgentTimeout, m.PreferredAgentTimeout) {
		m.PreferredAgentTimeout = prior.PreferredAgentTimeout
	}
}

// sameDuration reports whether two known, non-null values are the same
// duration.
func sameDuration(a, b types.String) bool {
	if a.IsNull() || a.IsUnknown() || b.IsNull() || b.IsUnknown() {
		return false
	}
	da, errA := time.ParseDuration(a.ValueString())
	db, errB := time.ParseDuration(b.ValueString())
	return errA == nil && errB == nil && da == db
}

// request builds the body of a create, or what an update lays over the
// queue as read, from a plan. On update, a removed description is sent as
// "" so the queue loses it. A preferred agent timeout the plan does not
// know (omitted on create) is left out, so the API keeps or chooses it.
func (m *queueModel) request(update bool) client.QueueRequest {
	req := client.QueueRequest{
		Name:                     m.Name.ValueString(),
		Description:              textOrClear(m.Description, update),
		HoursOfOperationID:       m.HoursOfOperationID.ValueString(),
		IsAdvancedRoutingEnabled: client.Bool(boolOr(m.IsAdvancedRoutingEnabled, defaultAdvancedRouting)),
		Skills:                   make([]client.QueueSkillRequest, 0, len(m.Skills)),
		AgentGroupIDs:            make([]string, 0, len(m.AgentGroupIDs)),
	}
	for _, s := range m.Skills {
		req.Skills = append(req.Skills, client.QueueSkillRequest{ID: s.ID.ValueString(), IsExpireEnabled: boolOr(s.IsExpireEnabled, defaultSkillExpire)})
	}
	for _, id := range m.AgentGroupIDs {
		req.AgentGroupIDs = append(req.AgentGroupIDs, id.ValueString())
	}
	if t := m.PreferredAgentTimeout; !t.IsNull() && !t.IsUnknown() {
		if d, err := time.ParseDuration(t.ValueString()); err == nil {
			req.PreferredAgentTimeout = &d
		}
	}
	return req
}

// fillComputed sets what the plan left unknown from the queue the API
// answered after a create or an update. Known planned values stay: they
// are what was applied.
func (m *queueModel) fillComputed(from queueModel) {
	if m.ID.IsUnknown() {
		m.ID = from.ID
	}
	if m.IsDefault.IsUnknown() {
		m.IsDefault = from.IsDefault
	}
	if m.IsActive.IsUnknown() {
		m.IsActive = from.IsActive
	}
	if m.PreferredAgentTimeout.IsUnknown() {
		m.PreferredAgentTimeout = from.PreferredAgentTimeout
	}
	if m.IsAdvancedRoutingEnabled.IsUnknown() {
		m.IsAdvancedRoutingEnabled = from.IsAdvancedRoutingEnabled
	}
	for i := range m.Skills {
		if m.Skills[i].IsExpireEnabled.IsUnknown() {
			m.Skills[i].IsExpireEnabled = types.BoolValue(defaultSkillExpire)
		}
	}
	if m.Skills == nil {
		m.Skills = []queueSkillModel{}
	}
	if m.AgentGroupIDs == nil {
		m.AgentGroupIDs = []types.String{}
	}
}

// queueTimeout checks preferred_agent_timeout: a Go duration in whole
// seconds, as the API stores minutes and seconds, from 0 to below
// maxPreferredAgentTimeout.
func queueTimeout() stringCheck {
	limit := fmt.Sprintf("%dm", int(maxPreferredAgentTimeout/time.Minute))
	desc := fmt.Sprintf("must be a duration in whole seconds such as 45s or 2m30s, from 0s to below %s", limit)
	return stringCheck{desc, func(s string) string {
		d, err := time.ParseDuration(s)
		switch {
		case err != nil:
			return fmt.Sprintf("%q is not a duration such as 45s or 2m30s.", s)
		case d < 0:
			return fmt.Sprintf("%q is negative; use 0s or more.", s)
		case d%time.Second != 0:
			return fmt.Sprintf("%q is not a whole number of seconds; the API stores minutes and seconds.", s)
		case d >= maxPreferredAgentTimeout:
			return fmt.Sprintf("%q is too long; it must be below %s.", s, limit)
		}
		return ""
	}}
}

// equivalentDuration plans the prior value of a duration attribute when
// the configuration spells the same duration another way ("150s" for
// "2m30s"): Terraform accepts the prior value as the provider saying the
// two are equal, and the plan shows no change.
type equivalentDuration struct{}

func (equivalentDuration) Description(context.Context) string {
	return "a value equal to the prior one as a duration is no change"
}

func (m equivalentDuration) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (equivalentDuration) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if sameDuration(req.StateValue, req.ConfigValue) {
		resp.PlanValue = req.StateValue
	}
}
