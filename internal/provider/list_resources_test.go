package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// Seed ids the list tests name, besides those in provider_test.go.
const (
	seedAdminID       = "a-0d4c3b2-1a09-4f8e-9d7c-6b5a4f3e2d1c"
	seedDefaultSGroup = "633ffac608f3a07459939a10"
	seedLanguageGroup = "633ffac608f3a07459939a20"
	seedBillingSkill  = "633ffac608f3a07459939a1e"
)

// queryTest runs steps against env under Terraform 1.14+ (the list
// resources' CLIs): a first step that only configures the provider, which
// the query steps' list blocks then use.
func queryTest(t *testing.T, env *testEnv, steps ...resource.TestStep) {
	t.Helper()
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: testProviderFactories,
		Steps:                    append([]resource.TestStep{{Config: env.providerBlock()}}, steps...),
	})
}

// queryStep is a query step of the list blocks, after the request counts
// are reset.
func (e *testEnv) queryStep(blocks string, checks ...querycheck.QueryResultCheck) resource.TestStep {
	return resource.TestStep{PreConfig: e.resetCounts, Query: true, Config: blocks, QueryResultChecks: checks}
}

// listBlock is a list block of the provider's, with body inside it.
func listBlock(typ, name, body string) string {
	return fmt.Sprintf("list %q %q {\n  provider = smartassist\n%s\n}\n", typ, name, body)
}

// displayNames checks the display names of one list block's results, in
// the order they were streamed.
type displayNames struct {
	address string
	want    []string
}

func (d displayNames) CheckQuery(_ context.Context, req querycheck.CheckQueryRequest, resp *querycheck.CheckQueryResponse) {
	var got []string
	for _, r := range req.Query {
		if strings.TrimPrefix(r.Address, "list.") == d.address {
			got = append(got, r.DisplayName)
		}
	}
	if strings.Join(got, "|") != strings.Join(d.want, "|") {
		resp.Error = fmt.Errorf("%s: display names %q, want %q", d.address, got, d.want)
	}
}

// apiCalls checks the emulator's request counts when the query has run:
// each named route exactly, and no other route.
type apiCalls struct {
	env  *testEnv
	want map[string]int
}

func (c apiCalls) CheckQuery(_ context.Context, _ querycheck.CheckQueryRequest, resp *querycheck.CheckQueryResponse) {
	resp.Error = c.env.expectCounts(c.want)(nil)
}

func streamIdentity(env *testEnv, id string) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{
		"id": knownvalue.StringExact(id), "stream_id": knownvalue.StringExact(env.emu.Config().StreamID),
	}
}

// TestQuery_EveryKind lists every kind on the seeded account: each result
// has a display name a person recognises and its identity, in the API's
// order, and the whole query costs one page of each list, with no read of a
// single object. The skills, listed without a skill group, read the skill
// groups' list too, then each group's skills.
func TestQuery_EveryKind(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	env := newTestEnv(t)
	stream := env.emu.Config().StreamID
	queryTest(t, env, env.queryStep(allKindsQuery,
		displayNames{"smartassist_agent.all", []string{"Ada Admin <admin@example.com>", "Maria Lopez <" + seedMariaEmail + ">"}},
		displayNames{"smartassist_queue.all", []string{"Default Queue", "Support", "Sales", "Billing"}},
		displayNames{"smartassist_skill_group.all", []string{"Default SkillGroup", "Languages"}},
		displayNames{"smartassist_skill.all", []string{"Default Skill", "Billing Expert", "Spanish", "French"}},
		displayNames{"smartassist_agent_group.all", []string{"Default Agent Group", "Tier 1"}},
		// The seed's fourth contact is INACTIVE (deleted): it is not listed.
		displayNames{"smartassist_contact.all", []string{"john doe (+912445600001)", "jane doe (+912445670002)", "Priya Raman (+14155550142)"}},
		querycheck.ExpectLength("smartassist_queue.all", 4),
		querycheck.ExpectIdentity("smartassist_agent.all", streamIdentity(env, seedMariaID)),
		querycheck.ExpectIdentity("smartassist_queue.all", streamIdentity(env, seedSupportQueue)),
		querycheck.ExpectIdentity("smartassist_agent_group.all", streamIdentity(env, seedTier1Group)),
		querycheck.ExpectIdentity("smartassist_skill_group.all", streamIdentity(env, seedLanguageGroup)),
		querycheck.ExpectIdentity("smartassist_skill.all", map[string]knownvalue.Check{
			"id": knownvalue.StringExact(seedSpanishSkill), "skill_group_id": knownvalue.StringExact(seedLanguageGroup),
			"stream_id": knownvalue.StringExact(stream),
		}),
		querycheck.ExpectResourceDisplayName("smartassist_contact.all",
			queryfilter.ByResourceIdentity(streamIdentity(env, "6964b0126fc554153c0a1b03")), knownvalue.StringExact("Priya Raman (+14155550142)")),
		apiCalls{env, map[string]int{
			"GET /agents": 1, "GET /queues": 1, "GET /skill-groups": 2, "GET /skill-groups/{skillGroupId}/skills": 2,
			"GET /agent-groups": 1, "GET /contacts": 1,
		}},
	))
}

// TestQuery_Filters applies the plural data sources' filters: name (or
// email, or number) contains, ids, and a skill's group. An ids filter stops
// reading once every id is met, so the skills of one group are never read
// when the ids are all in the first.
func TestQuery_Filters(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	env := newTestEnv(t)
	queryTest(t, env, env.queryStep(
		listBlock("smartassist_agent", "maria", "  config {\n    email_contains = \"MARIA\"\n  }")+
			listBlock("smartassist_agent", "named", "  config {\n    name_contains = \"admin\"\n  }")+
			listBlock("smartassist_queue", "s", "  config {\n    name_contains = \"S\"\n  }")+
			listBlock("smartassist_queue", "ids", fmt.Sprintf("  config {\n    ids = [%q, %q, \"qu-none\"]\n  }", seedBillingQueue, seedDefaultQueue))+
			listBlock("smartassist_skill", "languages", fmt.Sprintf("  config {\n    skill_group_id = %q\n  }", seedLanguageGroup))+
			listBlock("smartassist_skill", "billing", fmt.Sprintf("  config {\n    ids = [%q]\n  }", seedBillingSkill))+
			listBlock("smartassist_skill_group", "lang", "  config {\n    name_contains = \"lang\"\n  }")+
			listBlock("smartassist_agent_group", "tier", "  config {\n    name_contains = \"tier\"\n  }")+
			listBlock("smartassist_contact", "doe", "  config {\n    name_contains = \"DOE\"\n  }")+
			listBlock("smartassist_contact", "us", "  config {\n    phone_number_contains = \"415 555\"\n  }"),
		displayNames{"smartassist_agent.maria", []string{"Maria Lopez <" + seedMariaEmail + ">"}},
		displayNames{"smartassist_agent.named", []string{"Ada Admin <admin@example.com>"}},
		displayNames{"smartassist_queue.s", []string{"Support", "Sales"}},
		displayNames{"smartassist_queue.ids", []string{"Default Queue", "Billing"}},
		displayNames{"smartassist_skill.languages", []string{"Spanish", "French"}},
		displayNames{"smartassist_skill.billing", []string{"Billing Expert"}},
		displayNames{"smartassist_skill_group.lang", []string{"Languages"}},
		displayNames{"smartassist_agent_group.tier", []string{"Tier 1"}},
		displayNames{"smartassist_contact.doe", []string{"john doe (+912445600001)", "jane doe (+912445670002)"}},
		displayNames{"smartassist_contact.us", []string{"Priya Raman (+14155550142)"}},
		// One page of each list a block reads; the skills of the
		// Languages group once (the billing ids are met in the default
		// group, whose skills are read once too).
		apiCalls{env, map[string]int{
			"GET /agents": 2, "GET /queues": 2, "GET /skill-groups": 2, "GET /skill-groups/{skillGroupId}/skills": 2,
			"GET /agent-groups": 1, "GET /contacts": 2,
		}},
	))
}

// manyObjects is a seed with 25 more queues, agents and contacts than the
// default one, for lists of several pages.
func manyObjects() *emulator.Seed {
	seed := emulator.DefaultSeed()
	agent, contact := seed.Agents[1], seed.Contacts[0]
	for i := 0; i < 25; i++ {
		seed.Queues = append(seed.Queues, map[string]any{"id": fmt.Sprintf("qu-many-%02d", i), "name": fmt.Sprintf("Many %02d", i)})
		a := map[string]any{}
		for k, v := range agent {
			a[k] = v
		}
		a["id"], a["userId"], a["emailId"] = fmt.Sprintf("a-many-%02d", i), fmt.Sprintf("u-many-%02d", i), fmt.Sprintf("many%02d@example.com", i)
		delete(a, "customId")
		seed.Agents = append(seed.Agents, a)
		c := map[string]any{}
		for k, v := range contact {
			c[k] = v
		}
		c["id"] = fmt.Sprintf("6964ffff0000000000%06d", i)
		c["cellPhone"] = map[string]any{"extension": "+", "phoneNumber": fmt.Sprintf("+9124456%05d", 100+i), "countryCode": "+91"}
		seed.Contacts = append(seed.Contacts, c)
	}
	return seed
}

// TestQuery_LimitStopsReadingPages lists accounts of 29 queues, 27 agents
// and 29 contacts from an API that answers 10 a page, whatever limit it is
// sent: with limit = 12 each list stops after its second page, and without
// a limit it reads all three (four for contacts, where the INACTIVE one
// counts).
func TestQuery_LimitStopsReadingPages(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	env := newTestEnv(t, emulator.Config{Seed: manyObjects(), Readings: emulator.Readings{ListLimit: emulator.ListLimitIgnored}})
	limited := listBlock("smartassist_queue", "some", "  limit = 12") + listBlock("smartassist_agent", "some", "  limit = 12") +
		listBlock("smartassist_contact", "some", "  limit = 12")
	queryTest(t, env,
		env.queryStep(limited,
			querycheck.ExpectLength("smartassist_queue.some", 12),
			querycheck.ExpectLength("smartassist_agent.some", 12),
			querycheck.ExpectLength("smartassist_contact.some", 12),
			apiCalls{env, map[string]int{"GET /queues": 2, "GET /agents": 2, "GET /contacts": 2}},
		),
		env.queryStep(listBlock("smartassist_queue", "every", "")+listBlock("smartassist_agent", "every", "")+
			listBlock("smartassist_contact", "every", ""),
			querycheck.ExpectLength("smartassist_queue.every", 29),
			querycheck.ExpectLength("smartassist_agent.every", 27),
			querycheck.ExpectLength("smartassist_contact.every", 28),
			apiCalls{env, map[string]int{"GET /queues": 3, "GET /agents": 3, "GET /contacts": 3}},
		),
	)
}

// TestQuery_IncludeResource fills each result with the state the
// resource's Read writes: an agent from its own GET (the list carries no
// custom_id), a queue from the list alone.
func TestQuery_IncludeResource(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	env := newTestEnv(t)
	queryTest(t, env, env.queryStep(
		listBlock("smartassist_agent", "maria", "  include_resource = true\n  config {\n    email_contains = \"maria\"\n  }")+
			listBlock("smartassist_queue", "billing", fmt.Sprintf("  include_resource = true\n  config {\n    ids = [%q]\n  }", seedBillingQueue)),
		querycheck.ExpectResourceKnownValues("smartassist_agent.maria", queryfilter.ByResourceIdentity(streamIdentity(env, seedMariaID)),
			[]querycheck.KnownValueCheck{
				{Path: tfjsonpath.New("custom_id"), KnownValue: knownvalue.StringExact(seedMariaCustomID)},
				{Path: tfjsonpath.New("email"), KnownValue: knownvalue.StringExact(seedMariaEmail)},
				{Path: tfjsonpath.New("queue").AtSliceIndex(0).AtMapKey("is_preferred_agent"), KnownValue: knownvalue.Bool(true)},
			}),
		querycheck.ExpectResourceKnownValues("smartassist_queue.billing", queryfilter.ByResourceIdentity(streamIdentity(env, seedBillingQueue)),
			[]querycheck.KnownValueCheck{
				{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("Billing")},
				{Path: tfjsonpath.New("preferred_agent_timeout"), KnownValue: knownvalue.StringExact("45s")},
			}),
		apiCalls{env, map[string]int{"GET /agents": 1, "GET /agents/{id}": 1, "GET /queues": 1}},
	))
}

// TestQuery_Errors: a list the API refuses is an error of the query that
// names the list and what the API said, and an agent whose own read fails
// is a result carrying that error.
func TestQuery_Errors(t *testing.T) {
	skipLive(t, liveNeedsFaults)
	env := newTestEnv(t)
	queryTest(t, env,
		resource.TestStep{
			PreConfig: func() {
				env.emu.InjectFault(emulator.Fault{Method: "GET", Route: "/queues", Status: 403, Count: 5})
			},
			Query:       true,
			Config:      listBlock("smartassist_queue", "all", ""),
			ExpectError: regex(`(?s)Unable to list queues.*Listing the queues failed: GET /queues\?limit=100&page=1: HTTP 403`),
		},
		resource.TestStep{
			PreConfig: func() {
				env.emu.ClearFaults()
				env.emu.InjectFault(emulator.Fault{Method: "GET", Route: "/agents/{id}", Status: 403, Count: 5})
			},
			Query:       true,
			Config:      listBlock("smartassist_agent", "maria", "  include_resource = true\n  config {\n    email_contains = \"maria\"\n  }"),
			ExpectError: regex(`(?s)Unable to read agent.*Reading the listed agent ` + seedMariaID + ` failed: GET /agents/` + seedMariaID + `: HTTP 403`),
		},
	)
}

// TestQuery_PhoneFilterWithoutDigits: a phone filter with no digit would
// match every contact (and -generate-config-out would import them all): it
// is an error of the query that names the attribute, before any request.
func TestQuery_PhoneFilterWithoutDigits(t *testing.T) {
	env := newTestEnv(t)
	queryTest(t, env, resource.TestStep{
		PreConfig:   env.resetCounts,
		Query:       true,
		Config:      listBlock("smartassist_contact", "plus", "  config {\n    phone_number_contains = \"+ -\"\n  }"),
		ExpectError: regex(`(?s)Invalid phone_number_contains.*Attribute phone_number_contains: "\+ -" has no digit`),
	})
	env.expectNoRequests(t)
}

// TestQuery_Examples runs every list resource's documented example (the
// .tfquery.hcl files under examples/list-resources) as one query against
// the seeded emulator: each must be valid for the list resource's schema
// and list what the seed holds.
func TestQuery_Examples(t *testing.T) {
	skipLive(t, liveNeedsCounts)
	paths, err := filepath.Glob(filepath.Join(examplesRoot, "list-resources", "*", "list-resource.tfquery.hcl"))
	must(t, err)
	if want := len((&smartassistProvider{}).ListResources(t.Context())); len(paths) != want {
		t.Fatalf("%d list resource examples (%v), want one for each of the %d list resources", len(paths), paths, want)
	}
	var blocks strings.Builder
	for _, p := range paths {
		b, err := os.ReadFile(p)
		must(t, err)
		blocks.Write(b)
	}
	env := newTestEnv(t, seededCampaigns())
	queryTest(t, env, env.queryStep(blocks.String(),
		querycheck.ExpectLength("smartassist_agent.all", 2),
		querycheck.ExpectLength("smartassist_queue.support", 1),
		querycheck.ExpectLength("smartassist_skill.languages", 2),
		querycheck.ExpectLength("smartassist_skill_group.known", 2),
		querycheck.ExpectLength("smartassist_agent_group.tiers", 1),
		querycheck.ExpectLength("smartassist_contact.does", 2),
		querycheck.ExpectLength("smartassist_sms_campaign.all", 1),
		querycheck.ExpectLength("smartassist_voice_campaign.spring", 1),
		// The campaign tests' seed adds three contact lists.
		querycheck.ExpectLength("smartassist_contact_list.all", 3),
	))
}

// TestQuery_ErrorAfterSomeResults: a page that fails after earlier pages
// were streamed ends the query with the error, naming the list and what
// the API said; the results already streamed are not taken for the whole
// list.
func TestQuery_ErrorAfterSomeResults(t *testing.T) {
	skipLive(t, liveNeedsFaults)
	env := newTestEnv(t, emulator.Config{Seed: manyObjects(), Readings: emulator.Readings{ListLimit: emulator.ListLimitIgnored}})
	queryTest(t, env, resource.TestStep{
		PreConfig: func() {
			env.emu.SetHook(func(p emulator.HookPhase, method, route string, _ map[string]string) {
				// Once the first page is answered, the next page fails.
				if p == emulator.AfterHandle && method == "GET" && route == "/queues" {
					env.emu.SetHook(nil)
					env.emu.InjectFault(emulator.Fault{Method: "GET", Route: "/queues", Status: 403, Count: 5})
				}
			})
		},
		Query:       true,
		Config:      listBlock("smartassist_queue", "all", ""),
		ExpectError: regex(`(?s)Unable to list queues.*Listing the queues failed: GET /queues\?limit=100&page=2: HTTP 403`),
	})
}
