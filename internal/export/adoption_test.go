package export

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
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

// checkPlan is a plan check made of a function.
type checkPlan func() error

func (f checkPlan) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = f()
}

// manyAgentsSeed is the default seed and n more agents, made before the
// first request, whose list entries lack customId as the vendor's do; the
// first of them has one.
func manyAgentsSeed(n int) *emulator.Seed {
	seed := emulator.DefaultSeed()
	seed.Agents = append(seed.Agents, emulator.SeedAgents(n, "adopt")...)
	seed.Agents[len(seed.Agents)-n]["customId"] = "EMP-ADOPT"
	return seed
}

// Adopting an account reads each agent once: the export walks the list and
// reads each agent (the list lacks custom_id), and writes the custom ids
// beside the configuration; the import then reads the agents through one
// walk of the list and no GET of an agent, and the first plan after it is
// one walk, plus a GET of each agent with a custom_id (the list cannot
// show a change to it), and shows no changes. That plan removes the
// hand-off.
func TestAdoptionReadsEachAgentOnce(t *testing.T) {
	const extra = 35
	acct := newAccount(t, emulator.Config{Seed: manyAgentsSeed(extra)})
	dir := t.TempDir()
	if code, stderr := acct.export(t, "-dir", dir, "-only", "agents"); code != ExitOK {
		t.Fatalf("export exited %d: %s", code, stderr)
	}
	handoff := filepath.Join(dir, adoption.FileName)
	agents, withCustomID := 0, 0
	{
		data, err := os.ReadFile(handoff)
		if err != nil {
			t.Fatalf("the export wrote no hand-off: %v", err)
		}
		for _, line := range strings.Split(string(data), ",") {
			if strings.Contains(line, `"a-`) || strings.Contains(line, `"agents":{`) {
				agents++
				if !strings.HasSuffix(strings.TrimRight(line, "}\n"), `""`) {
					withCustomID++
				}
			}
		}
		for _, secret := range []string{acct.env["SMARTASSIST_CLIENT_SECRET"], acct.env["SMARTASSIST_CLIENT_ID"]} {
			if strings.Contains(string(data), secret) {
				t.Fatalf("the hand-off holds a credential:\n%s", data)
			}
		}
	}
	pages := (agents + 9) / 10 // the emulator's page of ten
	if got := acct.emu.Count("GET /agents/{id}"); got != agents {
		t.Fatalf("the export read %d agents one by one, want %d", got, agents)
	}
	if got := acct.emu.Count("GET /agents"); got != pages {
		t.Fatalf("the export read %d list pages, want %d", got, pages)
	}
	if withCustomID != 2 { // the default seed's EMP-0042, and EMP-ADOPT
		t.Fatalf("%d agents with a custom id in the hand-off, want 2", withCustomID)
	}

	for k, v := range acct.env {
		t.Setenv(k, v)
	}
	t.Setenv(adoption.EnvFile, handoff)
	factories := map[string]func() (tfprotov6.ProviderServer, error){
		"smartassist": providerserver.NewProtocol6WithError(provider.New("test")()),
	}
	calls := func(phase string, wantPages, wantGets int) error {
		got := acct.emu.Counts()
		var other []string
		for route, n := range got {
			if route != "GET /agents" && route != "GET /agents/{id}" && n > 0 {
				other = append(other, fmt.Sprintf("%s %d", route, n))
			}
		}
		if got["GET /agents"] != wantPages || got["GET /agents/{id}"] != wantGets || len(other) > 0 {
			return fmt.Errorf("%s: %d list pages and %d agent reads (other calls: %v); want %d and %d",
				phase, got["GET /agents"], got["GET /agents/{id}"], other, wantPages, wantGets)
		}
		return nil
	}
	acct.emu.ResetCounts()
	resource.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			ProtoV6ProviderFactories: factories,
			ConfigDirectory:          config.StaticDirectory(dir),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{onlyImports{n: agents}},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan(), checkPlan(func() error {
					if err := calls("the first plan after the import", pages, withCustomID); err != nil {
						return err
					}
					if _, err := os.Stat(handoff); !errors.Is(err, os.ErrNotExist) {
						return fmt.Errorf("the hand-off outlived the adoption: %v", err)
					}
					return nil
				})},
			},
			Check: func(*terraform.State) error {
				defer acct.emu.ResetCounts()
				if _, err := os.Stat(handoff); err != nil {
					return fmt.Errorf("the import removed the hand-off before the adoption was over: %v", err)
				}
				return calls("the import", pages, 0)
			},
		}},
	})
}

// A hand-off of another account, or a stale one, is not used: the import
// reads each agent with a GET, as without one, and still adopts the account
// with no changes. The stale one is removed; the foreign one, another
// configuration's, is left.
func TestAdoptionRefusesAForeignOrStaleHandoff(t *testing.T) {
	for _, tc := range []struct {
		name   string
		edit   func(string) string
		remove bool
	}{
		{"foreign", func(s string) string {
			return strings.Replace(s, `"accountId":"`, `"accountId":"other-`, 1)
		}, false},
		{"stale", func(s string) string {
			i := strings.Index(s, `"written":"`) + len(`"written":"`)
			return s[:i] + "2020-01-01T00:00:00Z" + s[i+len("2006-01-02T15:04:05.999999999Z"):]
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			acct := newAccount(t, emulator.Config{Seed: manyAgentsSeed(5)})
			dir := t.TempDir()
			if code, stderr := acct.export(t, "-dir", dir, "-only", "agents"); code != ExitOK {
				t.Fatalf("export exited %d: %s", code, stderr)
			}
			handoff := filepath.Join(dir, adoption.FileName)
			data, err := os.ReadFile(handoff)
			if err != nil {
				t.Fatal(err)
			}
			edited := tc.edit(string(data))
			if edited == string(data) || !strings.Contains(edited, "version") {
				t.Fatalf("the edit changed nothing:\n%s", data)
			}
			if err := os.WriteFile(handoff, []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
			agents := acct.emu.Count("GET /agents/{id}")
			for k, v := range acct.env {
				t.Setenv(k, v)
			}
			t.Setenv(adoption.EnvFile, handoff)
			acct.emu.ResetCounts()
			resource.Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					ProtoV6ProviderFactories: map[string]func() (tfprotov6.ProviderServer, error){
						"smartassist": providerserver.NewProtocol6WithError(provider.New("test")()),
					},
					ConfigDirectory: config.StaticDirectory(dir),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply:             []plancheck.PlanCheck{onlyImports{n: agents}},
						PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					Check: func(*terraform.State) error {
						if got := acct.emu.Count("GET /agents/{id}"); got != agents {
							return fmt.Errorf("the import read %d agents one by one, want all %d: the hand-off was used", got, agents)
						}
						_, err := os.Stat(handoff)
						if gone := errors.Is(err, os.ErrNotExist); gone != tc.remove {
							return fmt.Errorf("hand-off removed: %v, want %v (%v)", gone, tc.remove, err)
						}
						return nil
					},
				}},
			})
		})
	}
}
