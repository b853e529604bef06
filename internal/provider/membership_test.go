package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// interleaver wraps the emulator to force, during one apply, the order in
// which a queue's and a skill's updates would revert agents' membership
// changes if nothing serialised them: each update reads its object, then
// the agents write, then the update PUTs the members it read.
//
//   - An agent write (POST or PUT /agents) waits until the queue and the
//     skill have both been read in this apply.
//   - A queue or skill PUT waits until every agent write has been handled.
//
// Each wait is bounded (interleaveWait): with the provider's lock, one side
// waits for the lock while the other waits here for it, and the bound is
// what breaks that tie. It is the only real-time wait of the test, and
// only shapes the order; the test asserts outcomes, not durations.
type interleaver struct {
	emu    *emulator.Server
	agents int // agent writes in the apply

	mu                     sync.Mutex
	armed                  bool
	queueRead, skillRead   chan struct{}
	agentsDone             chan struct{}
	agentWrites, timeouts  int
	closedQueue, closedSkl bool
}

const interleaveWait = 3 * time.Second

func newInterleaver(emu *emulator.Server, agents int) *interleaver {
	return &interleaver{emu: emu, agents: agents, queueRead: make(chan struct{}), skillRead: make(chan struct{}), agentsDone: make(chan struct{})}
}

// arm starts the interleaving; the plan before it reads what it likes.
func (h *interleaver) arm() {
	h.mu.Lock()
	h.armed = true
	h.mu.Unlock()
}

func (h *interleaver) wait(ch <-chan struct{}) {
	select {
	case <-ch:
	case <-time.After(interleaveWait):
		h.mu.Lock()
		h.timeouts++
		h.mu.Unlock()
	}
}

func (h *interleaver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	armed := h.armed
	h.mu.Unlock()
	p := r.URL.Path
	isQueue := strings.Contains(p, "/queues/")
	isSkill := strings.Contains(p, "/skills/")
	isAgentWrite := (r.Method == http.MethodPost && strings.HasSuffix(p, "/agents")) ||
		(r.Method == http.MethodPut && strings.Contains(p, "/agents/"))
	switch {
	case !armed:
	case isAgentWrite:
		h.wait(h.queueRead)
		h.wait(h.skillRead)
		h.emu.ServeHTTP(w, r)
		h.mu.Lock()
		if h.agentWrites++; h.agentWrites == h.agents {
			close(h.agentsDone)
		}
		h.mu.Unlock()
		return
	case r.Method == http.MethodPut && (isQueue || isSkill):
		h.wait(h.agentsDone)
	case r.Method == http.MethodGet && (isQueue || isSkill):
		h.emu.ServeHTTP(w, r)
		h.mu.Lock()
		if isQueue && !h.closedQueue {
			h.closedQueue = true
			close(h.queueRead)
		}
		if isSkill && !h.closedSkl {
			h.closedSkl = true
			close(h.skillRead)
		}
		h.mu.Unlock()
		return
	}
	h.emu.ServeHTTP(w, r)
}

// armBeforeApply is a pre-apply plan check that only arms the interleaver:
// it runs after the plan, before the apply.
type armBeforeApply struct{ h *interleaver }

func (a armBeforeApply) CheckPlan(context.Context, plancheck.CheckPlanRequest, *plancheck.CheckPlanResponse) {
	a.h.arm()
}

func membershipConfig(env *testEnv, description string, join bool) string {
	// The agents find the queue and the skill through data sources, as a
	// configuration that does not manage them would: nothing orders the
	// agents' writes after the updates, and Terraform runs them together.
	// (Through the resources' ids, Terraform itself would order them.)
	member, lookups := "", ""
	if join {
		member = `
  queue {
    id = data.smartassist_queue.q.id
  }
  skill {
    id                = data.smartassist_skill.s.id
    proficiency_level = "good"
  }`
		lookups = `
data "smartassist_queue" "q" {
  name = "Membership"
}

data "smartassist_skill" "s" {
  skill_group_id = smartassist_skill_group.g.id
  name           = "Tagalog"
}
`
	}
	cfg := fmt.Sprintf(`
resource "smartassist_skill_group" "g" {
  name = "Membership"
}

resource "smartassist_skill" "s" {
  skill_group_id = smartassist_skill_group.g.id
  name           = "Tagalog"
  description    = %[1]q
}

resource "smartassist_queue" "q" {
  name                  = "Membership"
  description           = %[1]q
  hours_of_operation_id = "6346a1b2c3d4e5f601234568"
}

resource "smartassist_agent" "a" {
  email      = "member.a@example.com"
  first_name = "A"
  last_name  = "Member"
  role_id    = %[2]q
%[3]s
}
%[4]s`, description, seedRoleAgent, member, lookups)
	if join {
		cfg += fmt.Sprintf(`
resource "smartassist_agent" "b" {
  email      = "member.b@example.com"
  first_name = "B"
  last_name  = "Member"
  role_id    = %q
%s
}
`, seedRoleAgent, member)
	}
	return env.config(cfg)
}

// TestMembershipChangesSurviveQueueAndSkillUpdates: in one apply, a queue's
// and a skill's descriptions change while one agent joins both (an update)
// and another is created in both. The emulator is made to interleave them
// in the order that loses the agents' membership unless the provider
// serialises them; after the apply, both the new descriptions and both
// agents' membership are in the emulator.
func TestMembershipChangesSurviveQueueAndSkillUpdates(t *testing.T) {
	skipLive(t, liveNeedsProcess)
	emu := emulator.New(emulator.Config{})
	h := newInterleaver(emu, 2)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	env := &testEnv{t: t, emu: emu, url: srv.URL}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{Config: membershipConfig(env, "Before", false)},
			{
				Config:           membershipConfig(env, "After", true),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{armBeforeApply{h}}},
				Check: func(s *terraform.State) error {
					qid := s.RootModule().Resources["smartassist_queue.q"].Primary.ID
					sid := s.RootModule().Resources["smartassist_skill.s"].Primary.ID
					if d := emu.Queue(qid)["description"]; d != "After" {
						return fmt.Errorf("queue description %v, want After", d)
					}
					if d := emu.Skill(sid)["description"]; d != "After" {
						return fmt.Errorf("skill description %v, want After", d)
					}
					for _, email := range []string{"member.a@example.com", "member.b@example.com"} {
						a, _ := emu.AgentByEmail(email)
						if !strings.Contains(fmt.Sprint(a["queues"]), qid) || !strings.Contains(fmt.Sprint(a["skills"]), sid) {
							return fmt.Errorf("%s lost its membership: queues %v, skills %v (the updates reverted it)", email, a["queues"], a["skills"])
						}
					}
					h.mu.Lock()
					defer h.mu.Unlock()
					t.Logf("%d agent writes, %d bounded waits ran out", h.agentWrites, h.timeouts)
					if h.agentWrites != 2 {
						return fmt.Errorf("%d agent writes during the apply, want 2", h.agentWrites)
					}
					return nil
				},
			},
		},
	})
}

func TestMembershipLocks(t *testing.T) {
	var l membershipLocks
	ctx := context.Background()
	// Agent writes of the same queue share it.
	a, err := l.members(ctx, []string{queueKey("q1"), skillKey("s1"), queueKey("q1")})
	must(t, err)
	b, err := l.members(ctx, []string{queueKey("q1")})
	must(t, err)

	// The queue's update waits for both; a cancelled wait ends at once.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := l.object(cctx, queueKey("q1")); err != context.Canceled {
		t.Fatalf("a cancelled update got %v, want context.Canceled", err)
	}
	got := make(chan func(), 1)
	go func() {
		unlock, err := l.object(ctx, queueKey("q1"))
		if err != nil {
			t.Error(err)
		}
		got <- unlock
	}()
	a()
	select {
	case <-got:
		t.Fatal("the update took the queue while an agent write still held it")
	default:
	}
	b()
	unlock := <-got

	// While the update holds the queue, an agent write of it waits (and
	// gives up with its context); one of another queue does not.
	cctx, cancel = context.WithCancel(ctx)
	cancel()
	if _, err := l.members(cctx, []string{skillKey("s1"), queueKey("q1")}); err != context.Canceled {
		t.Fatalf("an agent write of a held queue got %v, want to wait", err)
	}
	c, err := l.members(ctx, []string{queueKey("q2"), skillKey("s1")})
	must(t, err)
	c()
	unlock()
	d, err := l.members(ctx, []string{queueKey("q1")})
	must(t, err)
	d()
}
