package export

import (
	"bytes"
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/koreai/terraform-provider-smartassist/internal/adoption"
	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
	"github.com/koreai/terraform-provider-smartassist/internal/provider"
)

// account is one emulator served on loopback, and the environment the
// exporter and the provider read to reach it.
type account struct {
	emu *emulator.Server
	env map[string]string
}

func newAccount(t *testing.T, cfg emulator.Config) *account {
	t.Helper()
	emu := emulator.New(cfg)
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	c := emu.Config()
	return &account{emu: emu, env: map[string]string{
		"SMARTASSIST_HOST":                srv.URL,
		"SMARTASSIST_STREAM_ID":           c.StreamID,
		"SMARTASSIST_ACCOUNT_ID":          c.AccountID,
		"SMARTASSIST_CLIENT_ID":           c.ClientID,
		"SMARTASSIST_CLIENT_SECRET":       c.ClientSecret,
		"SMARTASSIST_REQUESTS_PER_MINUTE": "60000",
	}}
}

func (a *account) getenv(k string) string { return a.env[k] }

// export runs the command into dir and answers its exit status and stderr.
func (a *account) export(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var stderr bytes.Buffer
	code := Main(context.Background(), args, &stderr, a.getenv, "test")
	return code, stderr.String()
}

// readDir reads every file of dir.
func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(data)
	}
	return out
}

// onlyImports fails unless the plan imports exactly n resources and
// changes nothing: N to import, 0 to add, 0 to change, 0 to destroy.
type onlyImports struct{ n int }

func (c onlyImports) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	var imported int
	var other []string
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Mode != "managed" {
			continue
		}
		if rc.Change.Importing != nil {
			imported++
		}
		if !rc.Change.Actions.NoOp() {
			other = append(other, fmt.Sprintf("%s: %v", rc.Address, rc.Change.Actions))
		}
	}
	sort.Strings(other)
	if imported != c.n || len(other) > 0 {
		resp.Error = fmt.Errorf("plan imports %d resources (want %d) and changes %d: %s", imported, c.n, len(other), strings.Join(other, "; "))
	}
}

// roundTrip exports the account, then has terraform plan (only imports),
// apply, and plan again (no changes); then checks that nothing was written
// to the API and that a second export writes identical files.
func roundTrip(t *testing.T, acct *account, wantImports int) map[string]string {
	dir := t.TempDir()
	if code, stderr := acct.export(t, "-dir", dir); code != ExitOK {
		t.Fatalf("export exited %d: %s", code, stderr)
	}
	first := readDir(t, dir)
	for k, v := range acct.env {
		t.Setenv(k, v)
	}
	t.Setenv(adoption.EnvFile, filepath.Join(dir, adoption.FileName))
	factories := map[string]func() (tfprotov6.ProviderServer, error){
		"smartassist": providerserver.NewProtocol6WithError(provider.New("test")()),
	}
	acct.emu.ResetCounts()
	resource.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				ProtoV6ProviderFactories: factories,
				ConfigDirectory:          config.StaticDirectory(dir),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{onlyImports{n: wantImports}},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				ProtoV6ProviderFactories: factories,
				ConfigDirectory:          config.StaticDirectory(dir),
				PlanOnly:                 true,
				Check: func(*terraform.State) error {
					var writes []string
					for k, n := range acct.emu.Counts() {
						if !strings.HasPrefix(k, "GET ") && n > 0 {
							writes = append(writes, fmt.Sprintf("%s: %d", k, n))
						}
					}
					if len(writes) > 0 {
						return fmt.Errorf("adopting the account wrote to the API: %v", writes)
					}
					again := t.TempDir()
					if code, stderr := acct.export(t, "-dir", again); code != ExitOK {
						return fmt.Errorf("second export exited %d: %s", code, stderr)
					}
					second := readDir(t, again)
					// The hand-off says when it was written; the first
					// plan after the import removed the first one.
					delete(first, adoption.FileName)
					delete(second, adoption.FileName)
					for name, content := range first {
						if second[name] != content {
							return fmt.Errorf("the second export wrote a different %s:\n%s\n--- first:\n%s", name, second[name], content)
						}
					}
					if len(second) != len(first) {
						return fmt.Errorf("the second export wrote %d files, the first %d", len(second), len(first))
					}
					return nil
				},
			},
		},
	})
	return first
}

func TestExportRoundTripDefaultSeed(t *testing.T) {
	acct := newAccount(t, emulator.Config{})
	files := roundTrip(t, acct, 15)
	for _, want := range []string{
		"providers.tf", "skill_groups.tf", "skills.tf", "agent_groups.tf", "queues.tf", "agents.tf", "contacts.tf", "imports.tf",
	} {
		if _, ok := files[want]; !ok {
			t.Errorf("export did not write %s", want)
		}
	}
	for name, content := range files {
		if strings.Contains(content, acct.env["SMARTASSIST_CLIENT_SECRET"]) || strings.Contains(content, acct.env["SMARTASSIST_CLIENT_ID"]) {
			t.Errorf("%s holds a credential", name)
		}
	}
	checkContains(t, files["agents.tf"],
		`agent_group_id    = smartassist_agent_group.tier_1.id`,
		`id                 = smartassist_queue.support.id`,
		`id = data.smartassist_queue.default.id`,
		`custom_id         = "EMP-0042"`)
	checkContains(t, files["queues.tf"], `data "smartassist_queue" "default" {`, `agent_group_ids             = [smartassist_agent_group.tier_1.id]`)
	checkContains(t, files["agent_groups.tf"], `data "smartassist_agent_group" "default" {`,
		`user_id      = smartassist_agent.admin_example_com.user_id`)
	checkContains(t, files["skills.tf"], `skill_group_id = smartassist_skill_group.languages.id`)
	checkContains(t, files["imports.tf"], `id = "633ffac608f3a07459939a20/633ffac608f3a07459939a2a"`)
	checkContains(t, files["contacts.tf"], `salutation = "mrs"`)
	if strings.Contains(files["contacts.tf"], "7700900123") || strings.Contains(files["agents.tf"], "attachments_enabled") {
		t.Errorf("an INACTIVE contact or a default attribute was exported:\n%s", files["contacts.tf"])
	}
}

func TestExportRoundTripLargeSeed(t *testing.T) {
	acct := newAccount(t, emulator.Config{Seed: largeSeed(), Readings: emulator.Readings{ListLimit: emulator.ListLimitIgnored}})
	// 14 skill groups, 16 skills, 13 agent groups, 15 queues, 57 agents
	// and 15 active contacts, the defaults as data sources.
	files := roundTrip(t, acct, 14+16+13+15+57+15)
	checkContains(t, files["skills.tf"], `resource "smartassist_skill" "area_0_skill_0" {`, `resource "smartassist_skill" "area_0_skill_0_2" {`)
	checkContains(t, files["queues.tf"], `resource "smartassist_queue" "queue_24_queue" {`, `preferred_agent_timeout = "2m15s"`)
	checkContains(t, files["contacts.tf"], `resource "smartassist_contact" "sam_lee" {`, `resource "smartassist_contact" "sam_lee_12" {`)
	checkContains(t, files["agent_groups.tf"], `user_id      = smartassist_agent.agent_001_example_com.user_id`)
}

// TestExportReadsEveryPage checks that the large seed spans more than one
// page of every list, so the round trip above walks pages.
func TestExportReadsEveryPage(t *testing.T) {
	acct := newAccount(t, emulator.Config{Seed: largeSeed(), Readings: emulator.Readings{ListLimit: emulator.ListLimitIgnored}})
	if code, stderr := acct.export(t, "-dir", t.TempDir()); code != ExitOK {
		t.Fatalf("export exited %d: %s", code, stderr)
	}
	for route, min := range map[string]int{
		"GET /skill-groups": 2, "GET /skill-groups/{skillGroupId}/skills": 15, "GET /agent-groups": 2,
		"GET /queues": 2, "GET /agents": 6, "GET /contacts": 2, "GET /agents/{id}": 57,
	} {
		if got := acct.emu.Count(route); got < min {
			t.Errorf("%s: %d calls, want at least %d (all: %v)", route, got, min, acct.emu.Counts())
		}
	}
}

func checkContains(t *testing.T, content string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(content, w) {
			t.Errorf("missing %q in:\n%s", w, content)
		}
	}
}

// Contact lists round-trip by name and description; a list without a
// description (which the resource requires) is left out, and said so.
func TestExportRoundTripContactLists(t *testing.T) {
	seed := emulator.DefaultSeed()
	seed.ContactLists = append(seed.ContactLists,
		map[string]any{"id": "cl-e1", "name": "Renewals July", "description": "Due in July", "allowDuplicates": true},
		map[string]any{"id": "cl-e2", "name": "Uploaded", "description": ""},
	)
	acct := newAccount(t, emulator.Config{Seed: seed})
	code, stderr := acct.export(t, "-only", "contact_lists", "-dir", t.TempDir())
	if code != ExitOK || !strings.Contains(stderr, `cl-e2 ("Uploaded") has no description`) {
		t.Fatalf("export exited %d: %s", code, stderr)
	}
	files := roundTrip(t, acct, 15+1)
	checkContains(t, files["contact_lists.tf"], `resource "smartassist_contact_list" "renewals_july" {`, `description = "Due in July"`)
	checkContains(t, files["imports.tf"], `id = "cl-e1"`)
	if strings.Contains(files["contact_lists.tf"], "Uploaded") {
		t.Errorf("a list without a description was exported:\n%s", files["contact_lists.tf"])
	}
}
