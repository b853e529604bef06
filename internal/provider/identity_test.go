package provider

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// The identity tests need Terraform 1.12 or OpenTofu 1.12 (resource
// identity); each skips itself below, so `make test` under an older CLI
// still passes, and the CLI matrix runs them with -run '^TestIdentity'.

// identityCase is what the identity test of one resource needs.
type identityCase struct {
	addr       string
	config     string         // creates the object, with its dependencies taken from the seed
	ids        *regexp.Regexp // what the object's id looks like
	extra      map[string]knownvalue.Check
	naturalKey string         // an import id other than the id (a name, an email, a phone number)
	reads      map[string]int // the API calls an import makes (its read)
}

// run creates the object, checks its identity, imports it by identity and
// by its natural key, and checks that each import plans one import and no
// change, costs only the object's read, and records the identity.
func (c identityCase) run(t *testing.T) {
	env := newTestEnv(t)
	config := env.config(c.config)
	stream := env.streamID()
	want := map[string]knownvalue.Check{"id": knownvalue.StringRegexp(c.ids), "stream_id": knownvalue.StringExact(stream)}
	for k, v := range c.extra {
		want[k] = v
	}
	var id string
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(c.addr, want),
					statecheck.ExpectIdentityValueMatchesState(c.addr, tfjsonpath.New("id")),
				},
				Check: func(s *terraform.State) error {
					var err error
					id, err = stateIDOf(s, c.addr)
					return err
				},
			},
			{
				// import { to = … identity = { …the identity in state… } },
				// in a copy of the state without the object.
				PreConfig:       env.resetCounts,
				Config:          config,
				ResourceName:    c.addr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					onlyImport(c.addr, func() map[string]string { return map[string]string{"id": id, "stream_id": stream} }),
					countsCheck(env.expectCountsSubset(c.reads)),
				}},
			},
			{
				// The import by natural key still works, and records the
				// identity too.
				Config:          config,
				ResourceName:    c.addr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   c.naturalKey,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					onlyImport(c.addr, func() map[string]string { return map[string]string{"id": id, "stream_id": stream} }),
				}},
			},
		},
	})
}

func TestIdentity_agent(t *testing.T) {
	identityCase{
		addr:       aliceAddr,
		config:     agentConfig("Alice", "novice", seedSupportQueue),
		ids:        regexp.MustCompile(`^a-.+`),
		naturalKey: tfEmail("alice"),
		reads:      map[string]int{"GET /agents/{id}": 1},
	}.run(t)
}

func TestIdentity_queue(t *testing.T) {
	identityCase{
		addr:       priorityAddr,
		config:     queueArgs{timeout: "45s"}.config(),
		ids:        regexp.MustCompile(`^qu-.+`),
		naturalKey: tfName("Priority"),
		reads:      map[string]int{"GET /queues/{id}": 1},
	}.run(t)
}

func TestIdentity_skill(t *testing.T) {
	identityCase{
		addr:       portugueseAddr,
		config:     skillConfig(seedLanguagesSkillGroup, tfName("Portuguese"), "Speaks Portuguese"),
		ids:        mongoID,
		extra:      map[string]knownvalue.Check{"skill_group_id": knownvalue.StringExact(seedLanguagesSkillGroup)},
		naturalKey: seedLanguagesSkillGroupName + "/" + tfName("Portuguese"),
		reads:      map[string]int{getSkill: 1},
	}.run(t)
}

func TestIdentity_skill_group(t *testing.T) {
	identityCase{
		addr:       productsAddr,
		config:     skillGroupConfig(tfName("Products"), "What we sell", "#0f0f0f"),
		ids:        mongoID,
		naturalKey: tfName("Products"),
		reads:      map[string]int{getSkillGroup: 1},
	}.run(t)
}

func TestIdentity_agent_group(t *testing.T) {
	identityCase{
		addr:       "smartassist_agent_group.tier2",
		config:     agentGroupConfig(tfName("Tier 2"), "Second line"),
		ids:        regexp.MustCompile(`^ag-.+`),
		naturalKey: tfName("Tier 2"),
		reads:      map[string]int{"GET /agent-groups/{id}": 1},
	}.run(t)
}

func TestIdentity_contact(t *testing.T) {
	identityCase{
		addr:       "smartassist_contact.jdoe",
		config:     contactConfig(tfName("John"), tfLocalPhone(11)),
		ids:        regexp.MustCompile(`^.+$`),
		naturalKey: tfPhone(11),
		reads:      map[string]int{"GET /contacts": 1},
	}.run(t)
}

// TestIdentityRefusesAnotherStream imports by an identity whose stream_id
// is not the provider's: the import stops with an error that names both
// streams, before any request for the object.
func TestIdentityRefusesAnotherStream(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	for _, tc := range []struct {
		name, config, identity string
	}{
		{
			name:     "queue",
			config:   queueArgs{timeout: "45s"}.config(),
			identity: fmt.Sprintf(`{ id = %q, stream_id = "st-someone-else" }`, seedSupportQueue),
		},
		{
			name:     "skill",
			config:   skillConfig(seedLanguagesSkillGroup, "Spanish", ""),
			identity: fmt.Sprintf(`{ skill_group_id = %q, id = %q, stream_id = "st-someone-else" }`, seedLanguagesSkillGroup, seedSpanishSkill),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := newTestEnv(t)
			addr := map[string]string{"queue": priorityAddr, "skill": portugueseAddr}[tc.name]
			resource.Test(t, resource.TestCase{
				TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
				ProtoV6ProviderFactories: testProviderFactories,
				Steps: []resource.TestStep{{
					Config: env.config(tc.config + fmt.Sprintf("\nimport {\n  to       = %s\n  identity = %s\n}\n", addr, tc.identity)),
					ExpectError: wrapped(fmt.Sprintf(`Unable to import by identity .*The identity's stream_id is "st-someone-else", but the `+
						`provider is configured for the stream "%s". Import it with a provider configured for that stream, or leave `+
						`stream_id out of the identity.`, env.emu.Config().StreamID)),
				}},
			})
			env.expectNoRequests(t)
		})
	}
}

// onlyImport checks that a plan imports addr, with the identity want
// gives, and changes nothing: no action on any resource.
func onlyImport(addr string, want func() map[string]string) plancheck.PlanCheck {
	return onlyImportCheck{addr: addr, want: want}
}

type onlyImportCheck struct {
	addr string
	want func() map[string]string
}

func (c onlyImportCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	var problems, imports []string
	for _, rc := range req.Plan.ResourceChanges {
		if !rc.Change.Actions.NoOp() {
			problems = append(problems, fmt.Sprintf("%s: %v", rc.Address, rc.Change.Actions))
		}
		if rc.Change.Importing != nil {
			imports = append(imports, rc.Address)
		}
	}
	if !slices.Equal(imports, []string{c.addr}) {
		problems = append(problems, fmt.Sprintf("imports %v, want exactly [%s]", imports, c.addr))
	}
	got := map[string]string{}
	if req.Plan.PlannedValues != nil && req.Plan.PlannedValues.RootModule != nil {
		for _, r := range req.Plan.PlannedValues.RootModule.Resources {
			if r.Address == c.addr {
				for k, v := range r.IdentityValues {
					got[k] = fmt.Sprint(v)
				}
			}
		}
	}
	want := c.want()
	for k, v := range want {
		if got[k] != v {
			problems = append(problems, fmt.Sprintf("planned identity %s = %q, want %q (identity %v)", k, got[k], v, got))
		}
	}
	if len(problems) > 0 {
		resp.Error = fmt.Errorf("the import plan should import %s and change nothing:\n  %s", c.addr, strings.Join(problems, "\n  "))
	}
}

// countsCheck runs a state check function (the emulator's counters) as a
// plan check.
type countsCheck resource.TestCheckFunc

func (f countsCheck) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = f(nil)
}
