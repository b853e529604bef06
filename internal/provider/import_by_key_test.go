package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// TestImportByNaturalKey imports each resource by what people know it by,
// and checks the id the import found.
func TestImportByNaturalKey(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	env := newTestEnv(t)
	var steps []resource.TestStep
	for _, tc := range []struct {
		name, addr, key, wantID, body string
	}{
		{"queue by name", "smartassist_queue.x", "Support", seedSupportQueue,
			`resource "smartassist_queue" "x" {
  name                  = "Support"
  hours_of_operation_id = "6346a1b2c3d4e5f601234568"
}`},
		{"agent group by name", "smartassist_agent_group.x", "Tier 1", seedTier1Group,
			`resource "smartassist_agent_group" "x" {
  name        = "Tier 1"
  description = "First-line support"
}`},
		{"skill group by name", "smartassist_skill_group.x", "Languages", "633ffac608f3a07459939a20",
			`resource "smartassist_skill_group" "x" {
  name = "Languages"
}`},
		{"skill by group and skill name", "smartassist_skill.x", "Languages/French", seedFrenchSkill, frenchSkillBody},
		{"skill by group name and skill id", "smartassist_skill.x", "Languages/" + seedFrenchSkill, seedFrenchSkill, frenchSkillBody},
		{"contact by phone number", "smartassist_contact.x", "+91 2445600001", "6964af60450340957c6a1b01",
			`resource "smartassist_contact" "x" {
  first_name = "john"
  last_name  = "doe"
  salutation = "mr"
  cell_phone = {
    country_code = "+91"
    phone_number = "2445600001"
    extension    = "+"
  }
}`},
		{"agent by custom id", "smartassist_agent.x", seedMariaCustomID, seedMariaID,
			`resource "smartassist_agent" "x" {
  email      = "maria.lopez@example.com"
  first_name = "Maria"
  last_name  = "Lopez"
  role_id    = "67654be356840f366e79aaaa"
}`},
	} {
		step := importKeyStep(t, env, tc.name, tc.body, tc.addr, tc.key)
		step.ImportStateCheck = func(states []*terraform.InstanceState) error {
			if len(states) != 1 || states[0].ID != tc.wantID {
				return fmt.Errorf("%s: imported %v, want the one object %s", tc.name, states, tc.wantID)
			}
			return nil
		}
		steps = append(steps, step)
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testProviderFactories, Steps: steps})
}

// importKeyStep imports addr, declared in body, by key: one step of a
// TestCase that imports by several keys (a TestCase each would cost
// terraform init and two version calls each; runPlanTimeFailures).
func importKeyStep(t *testing.T, env *testEnv, name, body, addr, key string) resource.TestStep {
	return resource.TestStep{
		PreConfig:     func() { t.Logf("case %q", name) },
		Config:        env.config(body),
		ResourceName:  addr,
		ImportState:   true,
		ImportStateId: key,
	}
}

const frenchSkillBody = `resource "smartassist_skill" "x" {
  skill_group_id = "633ffac608f3a07459939a20"
  name           = "French"
}`

// TestImportByNaturalKeyNotFound: a key that names nothing says what was
// searched and how to import instead.
func TestImportByNaturalKeyNotFound(t *testing.T) {
	skipLive(t, liveNeedsCounts)
	env := newTestEnv(t)
	var steps []resource.TestStep
	for _, tc := range []struct{ name, addr, key, body, want string }{
		{"queue", "smartassist_queue.x", "Nowhere", `resource "smartassist_queue" "x" {
  name                  = "Nowhere"
  hours_of_operation_id = "6346a1b2c3d4e5f601234568"
}`, `Unable to import queue.*The import id "Nowhere" is neither a queue id \(qu-…\) nor the name of one queue: no queue has the id or the name "Nowhere"`},
		{"skill", "smartassist_skill.x", "Languages/Klingon", frenchSkillBody,
			`Unable to import skill.*no skill in the skill group 633ffac608f3a07459939a20 has the id or the name "Klingon"`},
		{"inactive contact", "smartassist_contact.x", "+447700900123", `resource "smartassist_contact" "x" {
  first_name = "a"
  last_name  = "b"
  salutation = "mr"
  cell_phone = {
    country_code = "+44"
    phone_number = "7700900123"
    extension    = "+"
  }
}`, `Unable to import contact.*no active contact has the phone number \+447700900123`},
	} {
		step := importKeyStep(t, env, tc.name, tc.body, tc.addr, tc.key)
		step.ExpectError = wrapped(tc.want)
		steps = append(steps, step)
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testProviderFactories, Steps: steps})
}

// TestPickByKeyAmbiguous: a name several objects share is an error that
// lists their ids; an id wins over a name.
func TestPickByKeyAmbiguous(t *testing.T) {
	type obj struct{ id, name string }
	list := []obj{{"qu-1", "Support"}, {"qu-2", "Sales"}, {"qu-3", "Support"}, {"Sales", "Other"}}
	id := func(o *obj) string { return o.id }
	name := func(o *obj) string { return o.name }
	_, err := pickByKey(list, "Support", "queue", "", id, name)
	if err == nil || err.Error() != `2 queues are named "Support": qu-1, qu-3. Import one of them by its id` {
		t.Fatalf("err = %v", err)
	}
	if got, err := pickByKey(list, "Sales", "queue", "", id, name); err != nil || got != "Sales" {
		t.Fatalf("an id equal to another's name: got %q, %v; want the object whose id it is", got, err)
	}
	if got, err := pickByKey(list, "qu-2", "queue", "", id, name); err != nil || got != "qu-2" {
		t.Fatalf("by id: got %q, %v", got, err)
	}
	if !strings.Contains(fmt.Sprint(pickByKeyErr(list, "x", id, name)), `no queue has the id or the name "x"`) {
		t.Fatal("a missing name is not reported")
	}
}

func pickByKeyErr[T any](list []T, key string, id, name func(*T) string) error {
	_, err := pickByKey(list, key, "queue", "", id, name)
	return err
}
