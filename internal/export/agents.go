package export

import (
	"context"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

const typeAgent = "smartassist_agent"

// readAgents walks the agent list for the ids, then reads each agent: the
// list lacks custom_id (list-all-agents leaves it out), which the agent
// resource manages.
func readAgents(ctx context.Context, e *exporter) error {
	var ids []string
	err := e.c.Agents.ListAll(ctx, false, func(_ int, l *client.AgentList) bool {
		for _, a := range l.Results {
			ids = append(ids, string(a.ID))
		}
		return true
	})
	if err != nil {
		return err
	}
	e.progress("agents: %d listed; reading each, as the list lacks custom_id: %d calls, about %s at %g requests a minute",
		len(ids), len(ids), e.budget(len(ids)), e.rpm)
	e.agents = make([]client.Agent, 0, len(ids))
	for n, id := range ids {
		a, err := e.c.Agents.Get(ctx, id)
		if err != nil {
			return err
		}
		e.agents = append(e.agents, *a)
		if done := n + 1; done%50 == 0 && done < len(ids) {
			e.progress("agents: %d of %d read, about %s left", done, len(ids), e.budget(len(ids)-done))
		}
	}
	return nil
}

// nameAgents names the agents after their email, and registers them by
// user id, which is how agent group managers name them.
func nameAgents(e *exporter) {
	cands := make([]candidate, len(e.agents))
	for i, a := range e.agents {
		cands[i] = candidate{slug: slug(strings.ToLower(string(a.EmailID)), "agent"), key: string(a.ID)}
	}
	for i, name := range uniqueNames(cands) {
		if user := string(e.agents[i].UserID); user != "" {
			e.refs.add(refAgent, user, ref{typ: typeAgent, name: name})
		}
		e.refs.add(refAgent+"_id", string(e.agents[i].ID), ref{typ: typeAgent, name: name})
	}
}

// renderAgents writes what the agent resource manages, leaving out what
// equals the provider's default: agent_group_id when it is the default
// group, attachments_enabled and emojis_enabled when true, a language's
// is_active when true and a queue's is_preferred_agent when false.
func renderAgents(e *exporter, f *file) {
	defGroup := e.defaultAgentGroup()
	order := indexes(len(e.agents))
	name := func(i int) string { return e.refs[refAgent+"_id"][string(e.agents[i].ID)].name }
	sort.Slice(order, func(a, b int) bool { return name(order[a]) < name(order[b]) })
	for _, i := range order {
		a := e.agents[i]
		b := e.resource(f, *e.refs[refAgent+"_id"][string(a.ID)], string(a.ID))
		setString(b, "email", string(a.EmailID))
		setString(b, "first_name", string(a.FirstName))
		setString(b, "last_name", string(a.LastName))
		setString(b, "role_id", string(a.RoleID))
		setOptString(b, "nickname", string(a.NickName))
		setOptString(b, "phone_number", string(a.PhoneNumber))
		setOptString(b, "custom_id", string(a.CustomID))
		if g := a.GroupID(); g != "" && g != defGroup {
			setRef(b, "agent_group_id", e.refs.to(refAgentGroup, g))
		}
		if a.CanSupportChat != nil {
			setBool(b, "can_support_chat", bool(*a.CanSupportChat))
		}
		if a.MaxChatSupport != nil {
			b.SetAttributeValue("max_chat_support", cty.NumberIntVal(int64(*a.MaxChatSupport)))
		}
		if a.CanSupportVoice != nil {
			setBool(b, "can_support_voice", bool(*a.CanSupportVoice))
		}
		if a.AttachmentsEnabled != nil && !bool(*a.AttachmentsEnabled) {
			setBool(b, "attachments_enabled", false)
		}
		if a.EmojisEnabled != nil && !bool(*a.EmojisEnabled) {
			setBool(b, "emojis_enabled", false)
		}
		languages(b, "chat_language_support", a.ChatLanguageSupport)
		languages(b, "voice_language_support", a.VoiceLanguageSupport)
		agentQueues(e, b, &a)
		agentSkills(e, b, a.Skills)
	}
}

func languages(b *hclwrite.Body, block string, in client.FlexList[client.AgentLanguage]) {
	list := append([]client.AgentLanguage(nil), in...)
	sort.Slice(list, func(i, j int) bool { return list[i].Language < list[j].Language })
	for _, l := range list {
		if l.Language == "" {
			continue
		}
		b.AppendNewline()
		lb := b.AppendNewBlock(block, nil).Body()
		setString(lb, "language", string(l.Language))
		setString(lb, "proficiency", string(l.Proficiency))
		if l.IsActive != nil && !bool(*l.IsActive) {
			setBool(lb, "is_active", false)
		}
	}
}

func agentQueues(e *exporter, b *hclwrite.Body, a *client.Agent) {
	list := append([]client.AgentQueue(nil), a.Queues...)
	sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	for _, q := range list {
		if q.ID == "" {
			continue
		}
		b.AppendNewline()
		qb := b.AppendNewBlock("queue", nil).Body()
		setRef(qb, "id", e.refs.to(refQueue, string(q.ID)))
		if q.PreferredFor(string(a.UserID), string(a.ID)) {
			setBool(qb, "is_preferred_agent", true)
		}
	}
}

func agentSkills(e *exporter, b *hclwrite.Body, in client.FlexList[client.AgentSkill]) {
	list := append([]client.AgentSkill(nil), in...)
	sort.Slice(list, func(i, j int) bool { return list[i].Skill() < list[j].Skill() })
	for _, s := range list {
		if s.Skill() == "" {
			continue
		}
		b.AppendNewline()
		sb := b.AppendNewBlock("skill", nil).Body()
		setRef(sb, "id", e.refs.to(refSkill, s.Skill()))
		setString(sb, "proficiency_level", string(s.ProficiencyLevel))
	}
}
