package provider

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// envTestRoleID names the role a live run gives the agents it creates.
// Roles have no API: without it, the run takes the role of an agent the
// account already has (read, never changed).
const envTestRoleID = "SMARTASSIST_TEST_ROLE_ID"

// liveSeed points the seed ids the tests use at objects of the account,
// once, before a live run: what every account has (a role, hours of
// operation, its default agent group) is only read; the queues, skills,
// skill groups, agent group and agent the tests refer to are made by this
// run, with its tfacc- prefix, and deleted by the cleanup it returns
// (the sweepers delete them if the run dies first). It changes nothing it
// did not create.
func liveSeed(ctx context.Context, c *client.Client, getenv func(string) string) (cleanup func(), err error) {
	var undo []func() error
	cleanup = func() {
		for i := len(undo) - 1; i >= 0; i-- {
			if err := undo[i](); err != nil && !client.IsNotFound(err) {
				fmt.Fprintf(os.Stderr, "live seed: cleanup: %v (make sweep deletes it)\n", err)
			}
		}
	}
	defer func() {
		if err != nil {
			cleanup()
		}
	}()

	// Read only: a role, hours of operation, the default agent group.
	role := getenv(envTestRoleID)
	var hours string
	if err := c.Agents.Walk(ctx, false, func(a *client.Agent) bool {
		if !isTestObject(string(a.EmailID)) && a.RoleID != "" && role == "" {
			role = string(a.RoleID)
		}
		return role == ""
	}); err != nil {
		return nil, fmt.Errorf("reading a role from the account's agents: %w", err)
	}
	if role == "" {
		return nil, fmt.Errorf("no agent of the account has a role to copy: set %s to the id of the role test agents get", envTestRoleID)
	}
	var defaultGroup string
	if err := c.AgentGroups.Walk(ctx, func(g *client.AgentGroup) bool {
		if g.IsDefault != nil && bool(*g.IsDefault) {
			defaultGroup = string(g.ID)
		}
		return defaultGroup == ""
	}); err != nil {
		return nil, err
	}
	if err := c.Queues.Walk(ctx, func(q *client.Queue) bool {
		hours = string(q.HoursOfOperation.Value.ID)
		return hours == ""
	}); err != nil {
		return nil, err
	}
	if hours == "" {
		return nil, errors.New("no queue of the account names its hours of operation: the tests' queues need one")
	}
	seedRoleAgent, seedRoleSupervisor, seedDefaultGroup = role, role, defaultGroup
	seedDefaultHours, seed24x7Hours = hours, hours

	// Made by this run.
	tier1, err := c.AgentGroups.Create(ctx, client.AgentGroupRequest{Name: tfName("Tier 1"), Description: "First-line support"})
	if err != nil {
		return nil, err
	}
	undo = append(undo, func() error { return c.AgentGroups.Delete(ctx, string(tier1.ID)) })
	seedTier1Group = string(tier1.ID)

	// The fields the data-source tests read are the emulator seed's.
	desc, color := "Languages an agent can serve customers in", "#1F77B4"
	languages, err := c.SkillGroups.Create(ctx, client.SkillGroupRequest{Name: tfName("Languages"), Description: &desc, Color: &color})
	if err != nil {
		return nil, err
	}
	undo = append(undo, func() error { return c.SkillGroups.Delete(ctx, string(languages.ID)) })
	seedLanguagesSkillGroup, seedLanguagesSkillGroupName, seedFrenchSkillName = string(languages.ID), string(languages.Name), tfName("French")
	for _, sk := range []struct {
		name, description string
		id                *string
	}{{"Default Skill", "", &seedDefaultSkill}, {"Spanish", "", &seedSpanishSkill}, {"French", "Serves customers in French", &seedFrenchSkill}} {
		req := client.SkillRequest{Name: tfName(sk.name), SkillGroupID: string(languages.ID)}
		if sk.description != "" {
			req.Description = &sk.description
		}
		s, err := c.Skills.Create(ctx, string(languages.ID), req)
		if err != nil {
			return nil, err
		}
		id := string(s.ID)
		undo = append(undo, func() error { return c.Skills.Delete(ctx, string(languages.ID), id) })
		*sk.id = id
	}

	minute := time.Minute
	for _, q := range []struct {
		name   string
		id     *string
		groups []string
	}{{"Default Queue", &seedDefaultQueue, nil}, {"Support", &seedSupportQueue, []string{seedTier1Group}}, {"Sales", &seedSalesQueue, nil}} {
		made, err := c.Queues.Create(ctx, client.QueueRequest{Name: tfName(q.name), HoursOfOperationID: hours,
			AgentGroupIDs: q.groups, PreferredAgentTimeout: &minute})
		if err != nil {
			return nil, err
		}
		id := string(made.ID)
		undo = append(undo, func() error { return c.Queues.Delete(ctx, id) })
		*q.id = id
	}

	email, first, last, custom := tfEmail("maria.lopez"), "Maria", "Lopez", runPrefix()+"EMP-0042"
	maria, err := c.Agents.Create(ctx, &client.AgentRequest{EmailID: &email, FirstName: &first, LastName: &last, RoleID: &role, CustomID: &custom})
	if err != nil {
		return nil, err
	}
	undo = append(undo, func() error { return c.Agents.Delete(ctx, string(maria.ID)) })
	seedMariaID, seedMariaEmail, seedMariaCustomID = string(maria.ID), email, custom
	return cleanup, nil
}
