package provider

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// Sweepers delete what failed test runs left in an account: every object
// whose name or email starts with tfacc-, through the client, and nothing
// else. make sweep runs them with go test -sweep=<stream id>. Each kind
// depends on the one before it, so that resource.TestMain runs them in the
// order the account's references need: campaigns (which name contact
// lists and queues), agents, then contacts, queues, skills, skill groups,
// agent groups and contact lists.
var sweepKinds = []struct {
	name  string
	sweep func(context.Context, *client.Client, io.Writer) (int, error)
}{
	{"smartassist_sms_campaign", campaignSweeper{kind: client.CampaignSMS, pause: sleepOn, wait: campaignSweepWait}.sweep},
	{"smartassist_voice_campaign", campaignSweeper{kind: client.CampaignVoice, pause: sleepOn, wait: campaignSweepWait}.sweep},
	{"smartassist_agent", sweepAgents},
	{"smartassist_contact", sweepContacts},
	{"smartassist_queue", sweepQueues},
	{"smartassist_skill", sweepSkills},
	{"smartassist_skill_group", sweepSkillGroups},
	{"smartassist_agent_group", sweepAgentGroups},
	{"smartassist_contact_list", sweepContactLists},
}

func init() {
	for _, s := range sweepers() {
		resource.AddTestSweepers(s.Name, s)
	}
}

// sweepers are sweepKinds as terraform-plugin-testing's sweepers, each
// depending on the one before it.
func sweepers() []*resource.Sweeper {
	out := make([]*resource.Sweeper, len(sweepKinds))
	for i, k := range sweepKinds {
		out[i] = &resource.Sweeper{Name: k.name, F: sweeperFunc(k.name, k.sweep)}
		if i > 0 {
			out[i].Dependencies = []string{sweepKinds[i-1].name}
		}
	}
	return out
}

// envSweep is the confirmation a sweep needs besides a -sweep value naming
// the stream: SWEEP=1.
const envSweep = "SWEEP"

// sweepClient is the client of a sweep of region (the -sweep value), once
// the sweep is confirmed: it deletes, so it runs only when SWEEP=1 or the
// -sweep value is the stream the variables name.
func sweepClient(region string, getenv func(string) string) (*client.Client, error) {
	stream := getenv(client.EnvStreamID)
	if getenv(envSweep) != "1" && (stream == "" || region != stream) {
		return nil, fmt.Errorf("the sweepers delete every tfacc- object of the stream %s: confirm with %s=1, "+
			"or give -sweep=<the stream id> (%s)", stream, envSweep, client.EnvStreamID)
	}
	return accountClient(getenv)
}

func sweeperFunc(kind string, sweep func(context.Context, *client.Client, io.Writer) (int, error)) resource.SweeperFunc {
	return func(region string) error {
		c, err := sweepClient(region, os.Getenv)
		if err != nil {
			return err
		}
		n, err := sweep(context.Background(), c, os.Stdout)
		if err != nil {
			return fmt.Errorf("%s: %w", kind, err)
		}
		if n == 0 {
			fmt.Printf("sweep %s: no %s objects in stream %s, nothing deleted\n", kind, sweepPrefix, os.Getenv(client.EnvStreamID))
		}
		return nil
	}
}

// sweeping says whether the test binary's arguments ask for the sweepers
// (-sweep=<region>), before the flags are parsed.
func sweeping(args []string) bool {
	for _, a := range args {
		if a == "-sweep" || a == "--sweep" || strings.HasPrefix(a, "-sweep=") || strings.HasPrefix(a, "--sweep=") {
			return true
		}
	}
	return false
}

// isTestObject says whether a name or email was made by a test run.
func isTestObject(nameOrEmail string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(nameOrEmail)), sweepPrefix)
}

// sweepEach deletes the found objects one by one, printing each deletion;
// one that is already gone (another sweep) counts as deleted.
func sweepEach(out io.Writer, kind string, found [][2]string, del func(id string) error) (int, error) {
	n := 0
	for _, f := range found {
		id, label := f[0], f[1]
		if err := del(id); err != nil && !client.IsNotFound(err) {
			return n, fmt.Errorf("deleting %s %s (%s): %w", kind, id, label, err)
		}
		fmt.Fprintf(out, "sweep: deleted %s %s (%s)\n", kind, id, label)
		n++
	}
	return n, nil
}

func sweepAgents(ctx context.Context, c *client.Client, out io.Writer) (int, error) {
	var found [][2]string
	err := c.Agents.Walk(ctx, false, func(a *client.Agent) bool {
		if isTestObject(string(a.EmailID)) {
			found = append(found, [2]string{string(a.ID), string(a.EmailID)})
		}
		return true
	})
	if err != nil {
		return 0, err
	}
	return sweepEach(out, "agent", found, func(id string) error { return c.Agents.Delete(ctx, id) })
}

func sweepContacts(ctx context.Context, c *client.Client, out io.Writer) (int, error) {
	var found [][2]string
	err := c.Contacts.Walk(ctx, func(ct *client.Contact) bool {
		// A deleted contact stays listed as INACTIVE: it is not deleted again.
		if ct.Active() && (isTestObject(string(ct.FirstName)) || isTestObject(string(ct.FullName))) {
			found = append(found, [2]string{ct.ID(), strings.TrimSpace(string(ct.FirstName) + " " + string(ct.LastName))})
		}
		return true
	})
	if err != nil {
		return 0, err
	}
	return sweepEach(out, "contact", found, func(id string) error { return c.Contacts.Delete(ctx, id) })
}

func sweepQueues(ctx context.Context, c *client.Client, out io.Writer) (int, error) {
	var found [][2]string
	err := c.Queues.Walk(ctx, func(q *client.Queue) bool {
		if isTestObject(string(q.Name)) {
			found = append(found, [2]string{string(q.ID), string(q.Name)})
		}
		return true
	})
	if err != nil {
		return 0, err
	}
	return sweepEach(out, "queue", found, func(id string) error { return c.Queues.Delete(ctx, id) })
}

// sweepSkills deletes tfacc- skills in every skill group: a test may have
// made one in a group of the user's.
func sweepSkills(ctx context.Context, c *client.Client, out io.Writer) (int, error) {
	groups, err := c.SkillGroups.ListAll(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, g := range groups {
		var found [][2]string
		err := c.Skills.Walk(ctx, string(g.ID), func(s *client.Skill) bool {
			if isTestObject(string(s.Name)) {
				found = append(found, [2]string{string(s.ID), string(s.Name)})
			}
			return true
		})
		if err != nil {
			return n, err
		}
		groupID := string(g.ID)
		k, err := sweepEach(out, "skill", found, func(id string) error { return c.Skills.Delete(ctx, groupID, id) })
		n += k
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

func sweepSkillGroups(ctx context.Context, c *client.Client, out io.Writer) (int, error) {
	var found [][2]string
	err := c.SkillGroups.Walk(ctx, func(g *client.SkillGroup) bool {
		if isTestObject(string(g.Name)) {
			found = append(found, [2]string{string(g.ID), string(g.Name)})
		}
		return true
	})
	if err != nil {
		return 0, err
	}
	return sweepEach(out, "skill group", found, func(id string) error { return c.SkillGroups.Delete(ctx, id) })
}

func sweepAgentGroups(ctx context.Context, c *client.Client, out io.Writer) (int, error) {
	var found [][2]string
	err := c.AgentGroups.Walk(ctx, func(g *client.AgentGroup) bool {
		if isTestObject(string(g.Name)) {
			found = append(found, [2]string{string(g.ID), string(g.Name)})
		}
		return true
	})
	if err != nil {
		return 0, err
	}
	return sweepEach(out, "agent group", found, func(id string) error { return c.AgentGroups.Delete(ctx, id) })
}

// sweepContactLists deletes tfacc- contact lists (one call lists them all).
func sweepContactLists(ctx context.Context, c *client.Client, out io.Writer) (int, error) {
	lists, err := c.ContactLists.List(ctx)
	if err != nil {
		return 0, err
	}
	var found [][2]string
	for _, l := range lists {
		if isTestObject(string(l.Name)) {
			found = append(found, [2]string{string(l.ID), string(l.Name)})
		}
	}
	return sweepEach(out, "contact list", found, func(id string) error { return c.ContactLists.Delete(ctx, id) })
}
