package provider

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// examplesRoot is examples/ seen from this package's directory, where go
// test runs.
const examplesRoot = "../../examples"

// TestExamples runs terraform init and plan on every directory of examples/
// holding .tf files, with this provider served in-process and pointed at an
// emulator with the default seed. An example that drifts from the schema
// fails when Terraform validates it, before any request; one that references seed data that does not
// exist, or that a data source cannot read, fails at plan. Nothing is
// applied.
//
// Each example is copied as is into a staging directory, plus what a
// reader's own setup would supply:
//   - the SMARTASSIST_* environment variables of the emulator (every example
//     relies on them for credentials);
//   - a terraform block requiring koreai/smartassist when the example has
//     none (the snippets of the resource and data-source pages);
//   - an override file pointing the example's own provider block, if any,
//     at the emulator, since a value in the block wins over the environment
//     and examples/provider names the real host;
//   - for each import block, an agent with that email or id in the
//     emulator, since the examples import agents of the reader's account.
func TestExamples(t *testing.T) {
	skipLive(t, liveNeedsCounts)
	dirs := exampleDirs(t)

	clearProviderEnv(t)
	// The campaign examples read and import campaigns of the seed's.
	env := newSerialTestEnv(t, seededCampaigns())
	emu := env.emu.Config()
	for k, v := range map[string]string{
		"SMARTASSIST_HOST":                env.url,
		"SMARTASSIST_STREAM_ID":           emu.StreamID,
		"SMARTASSIST_ACCOUNT_ID":          emu.AccountID,
		"SMARTASSIST_CLIENT_ID":           emu.ClientID,
		"SMARTASSIST_CLIENT_SECRET":       emu.ClientSecret,
		"SMARTASSIST_REQUESTS_PER_MINUTE": "60000",
	} {
		t.Setenv(k, v)
	}
	override := fmt.Sprintf(`provider "smartassist" {
  host                = %q
  stream_id           = %q
  account_id          = %q
  requests_per_minute = 60000
}
`, env.url, emu.StreamID, emu.AccountID)

	for _, dir := range dirs {
		name, _ := filepath.Rel(examplesRoot, dir)
		t.Run(filepath.ToSlash(name), func(t *testing.T) {
			t.Parallel()
			ex := readExample(t, dir)
			for _, id := range ex.importIDs {
				ensureExampleAgent(t, env.emu, id)
			}
			staged := t.TempDir()
			for file, content := range ex.files {
				writeExampleFile(t, filepath.Join(staged, file), content)
			}
			if !ex.hasTerraformBlock {
				writeExampleFile(t, filepath.Join(staged, "zz_test_terraform.tf"), `terraform {
  required_providers {
    smartassist = {
      source = "koreai/smartassist"
    }
  }
}
`)
			}
			if ex.hasProviderBlock {
				writeExampleFile(t, filepath.Join(staged, "zz_test_emulator_override.tf"), override)
			}

			var checks []plancheck.PlanCheck
			if !ex.changesInfrastructure {
				// Data sources only: everything they read is known at plan
				// time, which proves they read the seed.
				checks = append(checks, exampleOutputsKnown{})
			}
			var versions []tfversion.TerraformVersionCheck
			if strings.HasPrefix(filepath.ToSlash(name), "actions/") || ex.hasActions {
				// Action blocks came with Terraform 1.14.
				versions = append(versions, tfversion.SkipBelow(tfversion.Version1_14_0))
			}
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks: versions,
				Steps: []resource.TestStep{{
					// On the step: the harness rejects providers on the test
					// case when a ConfigDirectory has a provider block.
					ProtoV6ProviderFactories: testProviderFactories,
					ConfigDirectory:          config.StaticDirectory(staged),
					PlanOnly:                 true,
					// A first plan of anything that declares resources,
					// imports or outputs has changes; examples/provider has
					// none.
					ExpectNonEmptyPlan: ex.changesInfrastructure || ex.hasOutputs,
					ConfigPlanChecks:   resource.ConfigPlanChecks{PostApplyPostRefresh: checks},
				}},
			})
		})
	}
}

// exampleDirs lists the directories under examples/ that hold .tf files.
func exampleDirs(t *testing.T) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(examplesRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".tf") {
			if dir := filepath.Dir(path); !slices.Contains(dirs, dir) {
				dirs = append(dirs, dir)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("listing examples: %v", err)
	}
	if len(dirs) == 0 {
		t.Fatalf("no .tf files under %s", examplesRoot)
	}
	slices.Sort(dirs)
	return dirs
}

// exampleDir is what the test needs to know of one example directory. The
// examples are terraform fmt'ed, so a block's header starts a line.
type exampleDir struct {
	files                 map[string]string
	hasTerraformBlock     bool
	hasProviderBlock      bool
	hasOutputs            bool
	hasActions            bool     // action blocks, which only Terraform 1.14+ parses
	changesInfrastructure bool     // declares resources or imports
	importIDs             []string // the id of each import block
}

var (
	exTerraformBlock = regexp.MustCompile(`(?m)^terraform\s*\{`)
	exProviderBlock  = regexp.MustCompile(`(?m)^provider\s+"smartassist"\s*\{`)
	exOutputBlock    = regexp.MustCompile(`(?m)^output\s+"`)
	exActionBlock    = regexp.MustCompile(`(?m)^action\s+"`)
	exResourceBlock  = regexp.MustCompile(`(?m)^(resource\s+"|import\s*\{)`)
	exImportID       = regexp.MustCompile(`(?ms)^import\s*\{.*?^\s*id\s*=\s*"([^"]+)".*?^\}`)
)

func readExample(t *testing.T, dir string) exampleDir {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.tf"))
	if err != nil {
		t.Fatal(err)
	}
	ex := exampleDir{files: map[string]string{}}
	for _, p := range paths {
		if filepath.Base(p) == identityExample {
			continue // TestIdentityExamples plans it, under a CLI that has identities.
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		src := string(data)
		ex.files[filepath.Base(p)] = src
		ex.hasTerraformBlock = ex.hasTerraformBlock || exTerraformBlock.MatchString(src)
		ex.hasProviderBlock = ex.hasProviderBlock || exProviderBlock.MatchString(src)
		ex.hasOutputs = ex.hasOutputs || exOutputBlock.MatchString(src)
		ex.hasActions = ex.hasActions || exActionBlock.MatchString(src)
		ex.changesInfrastructure = ex.changesInfrastructure || exResourceBlock.MatchString(src)
		for _, m := range exImportID.FindAllStringSubmatch(src, -1) {
			ex.importIDs = append(ex.importIDs, m[1])
		}
	}
	return ex
}

// ensureExampleAgent makes sure the emulator has an agent with this email (an id
// containing @) or agent id, as a copy of a seeded agent under that name.
func ensureExampleAgent(t *testing.T, emu *emulator.Server, id string) {
	t.Helper()
	if strings.Contains(id, "@") {
		if _, ok := emu.AgentByEmail(id); ok {
			return
		}
	} else if _, ok := emu.Agent(id); ok {
		return
	}
	doc, ok := emu.AgentByEmail(seedMariaEmail)
	if !ok {
		t.Fatalf("the default seed has no agent %s to copy", seedMariaEmail)
	}
	delete(doc, "customId")
	delete(doc, "id")
	if strings.Contains(id, "@") {
		doc["emailId"] = id
	} else {
		doc["id"] = id
		doc["emailId"] = "imported-" + id + "@example.com"
	}
	emu.PutAgentRecord(doc)
}

func writeExampleFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// exampleOutputsKnown fails when an output's value is unknown at plan time.
type exampleOutputsKnown struct{}

func (exampleOutputsKnown) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	var unknown []string
	for name, change := range req.Plan.OutputChanges {
		if u, _ := change.AfterUnknown.(bool); u {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		resp.Error = fmt.Errorf("outputs unknown at plan time (a data source was not read): %s", strings.Join(unknown, ", "))
	}
}

// identityExample is the import-by-identity example of a resource
// (tfplugindocs shows it on the resource's page). It needs Terraform or
// OpenTofu 1.12, and imports an object that the directory's other import
// example may import too, so TestExamples leaves it out.
const identityExample = "import-by-identity.tf"

// TestIdentityExamples plans each resource's import-by-identity.tf beside
// its resource.tf, which declares the resource it imports to, against the
// emulator with the default seed: the identity must be accepted and name a
// seeded object, or the import fails at plan.
func TestIdentityExamples(t *testing.T) {
	skipLive(t, liveNeedsCounts)
	files, err := filepath.Glob(filepath.Join(examplesRoot, "resources", "*", identityExample))
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, r := range (&smartassistProvider{}).Resources(t.Context()) {
		if _, ok := r().(fwresource.ResourceWithIdentity); ok {
			want++
		}
	}
	if len(files) != want {
		t.Fatalf("%d %s examples under %s/resources, want one for each of the %d resources with an identity", len(files), identityExample, examplesRoot, want)
	}
	// The schedule example imports the seeded voice campaign's schedule,
	// which a read finds only when it is on.
	cfg := seededCampaigns()
	for _, doc := range cfg.Seed.Campaigns {
		if doc["id"] == seedVoiceCampaign {
			doc["schedule"] = map[string]any{"isSchedulingEnabled": true, "isRecurrenceEnabled": true}
		}
	}
	env := newTestEnv(t, cfg)
	importTo := regexp.MustCompile(`(?m)^\s*to\s*=\s*(\S+)`)
	// A plan-only step per example in one TestCase (runPlanTimeFailures
	// says why).
	var steps []resource.TestStep
	for _, file := range files {
		dir := filepath.Dir(file)
		example, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		resourceTF, err := os.ReadFile(filepath.Join(dir, "resource.tf"))
		if err != nil {
			t.Fatal(err)
		}
		to := importTo.FindStringSubmatch(string(example))
		if to == nil {
			t.Fatalf("%s has no import block with a to address", file)
		}
		steps = append(steps, resource.TestStep{
			PreConfig:          func() { t.Logf("example %s", file) },
			Config:             env.config(string(resourceTF) + "\n" + string(example)),
			PlanOnly:           true,
			ExpectNonEmptyPlan: true, // resource.tf is not the seeded object's configuration
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
				importsOnly(to[1]),
			}},
		})
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		ProtoV6ProviderFactories: testProviderFactories,
		Steps:                    steps,
	})
}

// importsOnly checks that a plan imports addr and nothing else.
type importsOnly string

func (a importsOnly) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	var imports []string
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Change.Importing != nil {
			imports = append(imports, rc.Address)
		}
	}
	if !slices.Equal(imports, []string{string(a)}) {
		resp.Error = fmt.Errorf("the plan imports %v, want exactly [%s]", imports, a)
	}
}
