package provider

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// simpleAgents is n minimal agents named fault0…, with a first name that
// steps can change.
func simpleAgents(n int, firstName string) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `
resource "smartassist_agent" "f%d" {
  email      = "fault%d@example.com"
  first_name = %q
  last_name  = "Tester"
  role_id    = %q
}
`, i, i, firstName, seedRoleAgent)
	}
	return b.String()
}

// agentsWithEmail counts the emulator's agents with an email.
func agentsWithEmail(env *testEnv, email string) int {
	n := 0
	for _, a := range env.emu.Agents() {
		if strings.EqualFold(fmt.Sprint(a["emailId"]), email) {
			n++
		}
	}
	return n
}

// A storm of ten 429s, each asking to wait a second, during an apply of
// five agents: the apply succeeds, every 429 is absorbed, each retry waits
// the second Retry-After asks for (on the clock the provider and the
// emulator share), and no agent is created twice.
func TestFault429StormIsAbsorbed(t *testing.T) {
	skipLive(t, liveNeedsFaults)
	clock := newJumpClock()
	env := newTestEnv(t, emulator.Config{Now: clock.Now})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: jumpProviderFactories(clock),
		Steps: []resource.TestStep{{
			PreConfig: func() {
				env.emu.InjectFault(emulator.Fault{Status: http.StatusTooManyRequests, RetryAfter: "1", Count: 10})
			},
			Config: env.config(simpleAgents(5, "Storm")),
			Check: func(*terraform.State) error {
				if n := env.emu.StatusCounts()[429]; n != 10 {
					return fmt.Errorf("the emulator answered 429 %d times, want all 10 injected", n)
				}
				long := 0
				for _, d := range clock.waits() {
					if d >= 900*time.Millisecond {
						long++
					}
				}
				if long == 0 {
					return fmt.Errorf("no wait of about a second among %v: the 1s Retry-After was not honoured", clock.waits())
				}
				for i := 0; i < 5; i++ {
					if n := agentsWithEmail(env, fmt.Sprintf("fault%d@example.com", i)); n != 1 {
						return fmt.Errorf("fault%d@example.com exists %d times", i, n)
					}
				}
				return nil
			},
		}},
	})
}

// 502, 503 and 504 on the reads and PUTs of an update are retried and the
// apply succeeds; a burst that outlasts max_retries says how many attempts
// were made and what the last answer was.
//
// The retries' backoff is waited on a jumpClock: no real seconds.
func TestFault5xxBursts(t *testing.T) {
	skipLive(t, liveNeedsFaults)
	clock := newJumpClock()
	env := newTestEnv(t, emulator.Config{Now: clock.Now})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: jumpProviderFactories(clock),
		Steps: []resource.TestStep{
			{Config: env.config(simpleAgents(1, "Before"))},
			{
				PreConfig: func() {
					env.emu.InjectFault(emulator.Fault{Method: "GET", Route: "/agents/{id}", Status: http.StatusBadGateway})
					env.emu.InjectFault(emulator.Fault{Method: "PUT", Route: "/agents/{id}", Status: http.StatusServiceUnavailable})
					env.emu.InjectFault(emulator.Fault{Method: "PUT", Route: "/agents/{id}", Status: http.StatusGatewayTimeout})
					env.resetCounts()
				},
				Config: env.config(simpleAgents(1, "After")),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("smartassist_agent.f0", "first_name", "After"),
					func(*terraform.State) error {
						s := env.emu.StatusCounts()
						if s[502] != 1 || s[503] != 1 || s[504] != 1 || env.emu.Count("PUT /agents/{id}") != 3 {
							return fmt.Errorf("statuses %v, PUTs %d", s, env.emu.Count("PUT /agents/{id}"))
						}
						rec, _ := env.emu.AgentByEmail("fault0@example.com")
						return expectRecord(rec, map[string]any{"firstName": "After"})
					},
				),
			},
			{
				PreConfig: func() {
					env.emu.InjectFault(emulator.Fault{Method: "GET", Route: "/agents/{id}", Status: http.StatusServiceUnavailable, Count: 5})
				},
				Config:      env.providerBlock("max_retries = 1") + simpleAgents(1, "After"),
				ExpectError: wrapped(`Unable to read agent.*GET /agents/a-[^:]+: gave up after 2 attempts \(retries exhausted\); the last answer was HTTP 503 Service Unavailable.*max_retries was reached`),
			},
			{
				PreConfig: env.emu.ClearFaults,
				Config:    env.config(simpleAgents(1, "After")),
			},
		},
	})
}

// The connection drops after the create reached the API: the agent exists,
// the POST is not retried, and the provider finds the agent and keeps it in
// state. No duplicate exists.
func TestFaultDroppedAfterCreateIsReconciled(t *testing.T) {
	skipLive(t, liveNeedsFaults)
	env := newTestEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: func() {
				env.emu.InjectFault(emulator.Fault{Method: "POST", Route: "/agents", Drop: emulator.DropAfterHandling})
				env.resetCounts()
			},
			Config: env.config(simpleAgents(1, "Dropped")),
			Check: resource.ComposeAggregateTestCheckFunc(
				env.expectCounts(map[string]int{"POST /agents": 1, "GET /agents": 1}),
				func(s *terraform.State) error {
					if n := agentsWithEmail(env, "fault0@example.com"); n != 1 {
						return fmt.Errorf("fault0@example.com exists %d times, want once", n)
					}
					rec, _ := env.emu.AgentByEmail("fault0@example.com")
					if id := s.RootModule().Resources["smartassist_agent.f0"].Primary.ID; id != rec["id"] {
						return fmt.Errorf("state id %q, emulator id %v", id, rec["id"])
					}
					return nil
				},
			),
		}},
	})
}

// The connection drops before the create reached the API: nothing exists,
// and the error says so rather than leaving the user to guess.
func TestFaultDroppedBeforeCreateSaysNothingWasCreated(t *testing.T) {
	skipLive(t, liveNeedsFaults)
	env := newTestEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: func() {
				env.emu.InjectFault(emulator.Fault{Method: "POST", Route: "/agents", Drop: emulator.DropBeforeHandling})
			},
			Config:      env.config(simpleAgents(1, "Dropped")),
			ExpectError: wrapped(`Unable to create agent.*POST /agents: .*EOF \(no agent with the email fault0@example.com exists afterwards, so none was created\)`),
		}},
	})
	if n := agentsWithEmail(env, "fault0@example.com"); n != 0 {
		t.Fatalf("fault0@example.com exists %d times", n)
	}
	if n := env.emu.Count("POST /agents"); n != 1 {
		t.Fatalf("the POST was sent %d times; a POST that may have arrived must not be retried", n)
	}
}

// A PUT that times out is retried (it is idempotent) and the apply
// succeeds, with state matching the emulator.
//
// The emulator's 3s latency against the 1s request_timeout is real time,
// and must be: the timeout is an HTTP client deadline on the wire, which no
// injected clock moves.
func TestFaultTimedOutPUTIsRetried(t *testing.T) {
	skipLive(t, liveNeedsFaults)
	env := newTestEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{Config: env.providerBlock(`request_timeout = "1s"`) + simpleAgents(1, "Slow")},
			{
				PreConfig: func() {
					env.emu.InjectFault(emulator.Fault{Method: "PUT", Route: "/agents/{id}", Latency: 3 * time.Second})
					env.resetCounts()
				},
				Config: env.providerBlock(`request_timeout = "1s"`) + simpleAgents(1, "Patient"),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("smartassist_agent.f0", "first_name", "Patient"),
					func(*terraform.State) error {
						if n := env.emu.Count("PUT /agents/{id}"); n != 2 {
							return fmt.Errorf("%d PUTs, want the timed-out one and its retry", n)
						}
						rec, _ := env.emu.AgentByEmail("fault0@example.com")
						return expectRecord(rec, map[string]any{"firstName": "Patient"})
					},
				),
			},
		},
	})
}

// Broken answers give a clear error naming the endpoint, never a panic.
func TestFaultBrokenBodies(t *testing.T) {
	skipLive(t, liveNeedsFaults)
	cases := []struct {
		name  string
		fault emulator.Fault
		want  string
	}{
		{"malformed", emulator.Fault{Malformed: true}, `GET /agents/` + seedMariaID + `: the response is not the JSON this endpoint documents`},
		{"truncated", emulator.Fault{Truncated: true}, `GET /agents/` + seedMariaID + `: reading the response body: unexpected EOF`},
		{"over-large", emulator.Fault{OversizeBytes: 17 << 20}, `GET /agents/` + seedMariaID + `: the response body is larger than the 16777216-byte limit`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := newTestEnv(t)
			f := tc.fault
			f.Method, f.Route, f.Count = "GET", "/agents/{id}", 3
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviderFactories,
				Steps: []resource.TestStep{{
					PreConfig:   func() { env.emu.InjectFault(f) },
					Config:      env.config(readMaria),
					ExpectError: wrapped(`Unable to read agent.*` + tc.want),
				}},
			})
		})
	}
}

// The same for contacts: the bulk create's connection drops after the API
// created them; the provider finds them by number, and none is duplicated.
func TestFaultDroppedAfterContactCreateIsReconciled(t *testing.T) {
	skipLive(t, liveNeedsFaults)
	env := newTestEnv(t)
	clock := newWaveClock(t) // the three creates go together however loaded the machine
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: waveProviderFactories(clock),
		Steps: []resource.TestStep{{
			PreConfig: func() {
				env.emu.InjectFault(emulator.Fault{Method: "POST", Route: "/contacts", Drop: emulator.DropAfterHandling})
				env.resetCounts()
				clock.expect(3)
			},
			Config: env.config(manyContacts(3, "Dropped")),
			Check: func(s *terraform.State) error {
				if n := env.emu.Count("POST /contacts"); n != 1 {
					return fmt.Errorf("%d creates sent; one that may have arrived must not be sent again", n)
				}
				if n := activeContacts(env, "Dropped"); n != 3 {
					return fmt.Errorf("%d contacts exist, want exactly 3", n)
				}
				for i := 0; i < 3; i++ {
					addr := fmt.Sprintf("smartassist_contact.many.%d", i)
					id := s.RootModule().Resources[addr].Primary.ID
					if c, ok := env.emu.Contact(id); !ok || c["lastName"] != "Dropped" {
						return fmt.Errorf("%s has id %q, which the emulator does not hold", addr, id)
					}
				}
				return nil
			},
		}},
	})
}

// Routing objects under faults. An agent group whose create answer is lost
// is found by name, made since the create began, and kept in state, with
// no second group. A queue create answered 502 may have been processed, so
// it is not sent again; the lookup by name says whether one exists: here
// none does.
func TestFaultRoutingCreates(t *testing.T) {
	skipLive(t, liveNeedsFaults)
	env := newTestEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.emu.InjectFault(emulator.Fault{Method: "POST", Route: "/agent-groups", Drop: emulator.DropAfterHandling})
					env.resetCounts()
				},
				Config: env.config(`
resource "smartassist_agent_group" "g" {
  name        = "Night shift"
  description = "Overnight cover"
}
`),
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectCounts(map[string]int{"POST /agent-groups": 1, "GET /agent-groups": 1}),
					func(s *terraform.State) error {
						g := env.emu.AgentGroupByName("Night shift")
						if g == nil {
							return fmt.Errorf("the agent group was not created")
						}
						if id := s.RootModule().Resources["smartassist_agent_group.g"].Primary.ID; id != g["id"] {
							return fmt.Errorf("state id %q, emulator id %v", id, g["id"])
						}
						return nil
					},
				),
			},
			{
				PreConfig: func() {
					env.emu.InjectFault(emulator.Fault{Method: "POST", Route: "/queues", Status: http.StatusBadGateway, Count: 1})
					env.resetCounts()
				},
				Config: env.config(`
resource "smartassist_agent_group" "g" {
  name        = "Night shift"
  description = "Overnight cover"
}

resource "smartassist_queue" "q" {
  name                  = "Overnight"
  hours_of_operation_id = "6346a1b2c3d4e5f601234568"
}
`),
				ExpectError: wrapped(`Unable to create queue.*POST /queues: HTTP 502 Bad Gateway: .* \(no queue with the name Overnight exists afterwards, so none was created\)`),
			},
		},
	})
}

// A 502 to an agent-group create, in an account whose team made a "Tier 1"
// in the UI long before: the 502 created nothing, and the one group of the
// name is older than the create, so it is not taken for the new one. The
// apply fails, naming the existing group and the import block that would
// take it up; the group is not in the state (a destroy cannot delete it)
// and is untouched.
func TestFaultAgentGroupCreate502LeavesTheTeamsOwnGroupAlone(t *testing.T) {
	skipLive(t, liveNeedsFaults)
	env := newTestEnv(t)
	existing := env.emu.AgentGroupByName("Tier 1")
	if existing == nil {
		t.Fatal("the seed has no agent group named Tier 1")
	}
	id := fmt.Sprint(existing["id"])
	before := fmt.Sprint(existing)
	groups := len(env.emu.AgentGroups())
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: func() {
				env.emu.InjectFault(emulator.Fault{Method: "POST", Route: "/agent-groups", Status: http.StatusBadGateway, Count: 1})
				env.resetCounts()
			},
			Config: env.config(`
resource "smartassist_agent_group" "t1" {
  name        = "Tier 1"
  description = "First-line support"
}
`),
			ExpectError: wrapped(`Unable to create agent group.*POST /agent-groups: HTTP 502 Bad Gateway.*one agent group with the name Tier 1 exists now, ` +
				`with the id ` + regexp.QuoteMeta(id) + `; each was created before the create began \(by createdAt\), so none is from this create.*` +
				`It was not put in the state.*import \{ to = <this resource's address, shown above> id = "` + regexp.QuoteMeta(id) + `" \}`),
		}},
	})
	if n := env.emu.Count("POST /agent-groups"); n != 1 {
		t.Errorf("the POST was sent %d times, want once", n)
	}
	if n := env.emu.Count("GET /agent-groups"); n != 1 {
		t.Errorf("the lookup read %d pages, want 1", n)
	}
	after := env.emu.AgentGroup(id)
	if after == nil || fmt.Sprint(after) != before {
		t.Fatalf("the team's group changed:\nbefore %s\nafter  %v", before, after)
	}
	if n := len(env.emu.AgentGroups()); n != groups {
		t.Fatalf("%d agent groups, want the %d there were", n, groups)
	}
}
