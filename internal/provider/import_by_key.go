package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// Imports by natural key. A resource's import id may be the object's id or
// what people know it by: a queue's, a skill group's or an agent group's
// name, a skill's group and name, a contact's phone number, an agent's email
// or custom id. A key is looked up in the API's list, through the client;
// a key that names several objects is an error that lists their ids, so the
// user can import by id instead.

// mongoID is the shape of a skill group's and a skill's ids in every sample
// (633ffac608f3a07459939a20): such an import id is taken as an id, without a
// lookup.
var mongoID = regexp.MustCompile(`^[0-9a-f]{24}$`)

// pickByKey answers the id of the one entry whose id, or else whose name, is
// key, by the client's name policy (client.OneNamed): several entries with
// that name is an error listing their ids; none is an error naming what was
// searched.
func pickByKey[T any](entries []T, key, kind, where string, id, name func(*T) string) (string, error) {
	var named []T
	for i := range entries {
		if id(&entries[i]) == key {
			return key, nil
		}
		if name(&entries[i]) == key {
			named = append(named, entries[i])
		}
	}
	one, err := client.OneNamed(kind, where, key, named, id)
	switch {
	case err == nil:
		return id(one), nil
	case client.IsAmbiguousName(err):
		return "", fmt.Errorf("%w. Import one of them by its id", err)
	}
	return "", fmt.Errorf("no %s%s has the id or the name %q (names are compared exactly, case included)", kind, where, key)
}

// queueIDFor answers the id of the queue key names: a queue id (qu-…) as
// it is, else the queue of that name.
func queueIDFor(ctx context.Context, c *client.Client, key string) (string, error) {
	if checkImportID(key, "queue", "qu-", "", "") == "" {
		return key, nil
	}
	queues, err := c.Queues.ListAll(ctx)
	if err != nil {
		return "", fmt.Errorf("listing the queues to find %q: %w", key, err)
	}
	return pickByKey(queues, key, "queue", "", func(q *client.Queue) string { return string(q.ID) },
		func(q *client.Queue) string { return string(q.Name) })
}

// agentGroupIDFor answers the id of the agent group key names: an agent
// group id (ag-…) as it is, else the group of that name.
func agentGroupIDFor(ctx context.Context, c *client.Client, key string) (string, error) {
	if checkImportID(key, "agent group", "ag-", "", "") == "" {
		return key, nil
	}
	groups, err := c.AgentGroups.ListAll(ctx)
	if err != nil {
		return "", fmt.Errorf("listing the agent groups to find %q: %w", key, err)
	}
	return pickByKey(groups, key, "agent group", "", func(g *client.AgentGroup) string { return string(g.ID) },
		func(g *client.AgentGroup) string { return string(g.Name) })
}

// skillGroupIDFor answers the id of the skill group key names: an id of
// the samples' shape as it is, else the group with that id or name.
func skillGroupIDFor(ctx context.Context, c *client.Client, key string) (string, error) {
	if mongoID.MatchString(key) {
		return key, nil
	}
	groups, err := c.SkillGroups.ListAll(ctx)
	if err != nil {
		return "", fmt.Errorf("listing the skill groups to find %q: %w", key, err)
	}
	return pickByKey(groups, key, "skill group", "", func(g *client.SkillGroup) string { return string(g.ID) },
		func(g *client.SkillGroup) string { return string(g.Name) })
}

// skillIDFor answers the id of the skill key names in the skill group.
func skillIDFor(ctx context.Context, c *client.Client, groupID, key string) (string, error) {
	if mongoID.MatchString(key) {
		return key, nil
	}
	skills, err := c.Skills.ListAll(ctx, groupID)
	if err != nil {
		return "", fmt.Errorf("listing the skills of the skill group %s to find %q: %w", groupID, key, err)
	}
	return pickByKey(skills, key, "skill", " in the skill group "+groupID, func(s *client.Skill) string { return string(s.ID) },
		func(s *client.Skill) string { return string(s.Name) })
}

// contactIDFor answers the id of the active contact whose number, with its
// country code, is phone (+<country code><number>; spaces and dashes are
// ignored).
func contactIDFor(ctx context.Context, c *client.Client, phone string) (string, error) {
	want := "+" + digitsOnly(phone)
	contacts, err := c.Contacts.ListAll(ctx)
	if err != nil {
		return "", fmt.Errorf("listing the contacts to find %s: %w", phone, err)
	}
	var ids []string
	for i := range contacts {
		ct := &contacts[i]
		full := string(ct.CellPhone.Value.PhoneNumber)
		if !strings.HasPrefix(full, "+") {
			full = string(ct.CellPhone.Value.CountryCode) + full
		}
		if ct.Active() && "+"+digitsOnly(full) == want {
			ids = append(ids, ct.ID())
		}
	}
	switch len(ids) {
	case 1:
		return ids[0], nil
	case 0:
		return "", fmt.Errorf("no active contact has the phone number %s. Give the number with its country code, such as +912445600000, or import by contact id", want)
	default:
		return "", fmt.Errorf("%d active contacts have the phone number %s: %s. Import one of them by its id", len(ids), want, strings.Join(ids, ", "))
	}
}

// agentIDForCustomID answers the id of the one agent with the custom id,
// ok false when no agent has it.
func agentIDForCustomID(ctx context.Context, c *client.Client, customID string) (id string, ok bool, err error) {
	agents, err := c.Agents.GetByCustomID(ctx, customID)
	if err != nil {
		if client.IsNotFound(err) {
			return "", false, nil
		}
		return "", false, fmt.Errorf("looking up the custom id %s: %w", customID, err)
	}
	var ids []string
	for _, a := range agents {
		if a.ID != "" {
			ids = append(ids, string(a.ID))
		}
	}
	switch len(ids) {
	case 0:
		return "", false, nil
	case 1:
		return ids[0], true, nil
	default:
		return "", false, fmt.Errorf("%d agents have the custom id %s: %s. Import one of them by its id", len(ids), customID, strings.Join(ids, ", "))
	}
}

// campaignIDFor answers the id of the campaign of kind that key names: an
// id (cd-…) as it is, else the one campaign of that kind with that name.
func campaignIDFor(ctx context.Context, c *client.Client, kind client.CampaignKind, key string) (string, error) {
	if strings.HasPrefix(key, "cd-") && !strings.ContainsAny(key, " /") {
		return key, nil
	}
	found, err := c.Campaigns.FindByName(ctx, kind, key)
	switch {
	case err == nil:
		return string(found.ID), nil
	case client.IsAmbiguousName(err):
		return "", fmt.Errorf("%w. Import one of them by its id", err)
	case client.IsNotListed(err):
		return "", fmt.Errorf("no %s has the id or the name %q (names are compared exactly, case included)", kindName(kind), key)
	}
	return "", fmt.Errorf("listing the %ss to find %q: %w", kindName(kind), key, err)
}
