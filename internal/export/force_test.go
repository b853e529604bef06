package export

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/koreai/terraform-provider-smartassist/internal/adoption"
	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
	"github.com/koreai/terraform-provider-smartassist/internal/provider"
)

// TestExportForceOnlyKeepsTheOtherKinds is the folder of a whole export,
// adopted, then exported again with -only agents -force: every file but
// agents.tf stays byte for byte (imports.tf too: it keeps the import blocks
// of the other kinds), every resource stays declared, and terraform plan in
// the folder changes nothing (it would destroy every queue, skill and
// contact if their files were removed).
func TestExportForceOnlyKeepsTheOtherKinds(t *testing.T) {
	acct := newAccount(t, emulator.Config{})
	whole := t.TempDir()
	if code, stderr := acct.export(t, "-dir", whole); code != ExitOK {
		t.Fatalf("export exited %d: %s", code, stderr)
	}
	before := readDir(t, whole)
	again := t.TempDir()
	for name, content := range before {
		if err := os.WriteFile(filepath.Join(again, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	code, stderr := acct.export(t, "-dir", again, "-only", "agents", "-force")
	if code != ExitOK {
		t.Fatalf("export -only agents -force exited %d: %s", code, stderr)
	}
	checkContains(t, stderr, "wrote 4 files to "+again+": 2 resources to import, 0 data sources",
		"13 import blocks of the other types kept in imports.tf")
	after := readDir(t, again)
	if got, want := fileNames(after), fileNames(before); got != want {
		t.Fatalf("files after -only agents -force: %s, want %s", got, want)
	}
	for name, content := range before {
		if name != "agents.tf" && name != adoption.FileName && after[name] != content { // the hand-off: when written
			t.Errorf("%s changed:\n%s\n--- before:\n%s", name, after[name], content)
		}
	}
	// agents.tf is rewritten: the objects of the other kinds by id.
	checkContains(t, after["agents.tf"], `agent_group_id    = "ag-2f8e9d0-6c7b-4a3e-9d1c-5b6a7f8e9d0c"`)
	if after["agents.tf"] == before["agents.tf"] {
		t.Errorf("agents.tf was not rewritten")
	}
	// Every resource of the whole export is declared and imported still.
	declared, imported := addresses(after)
	wantDeclared, _ := addresses(before)
	if len(declared) != 15 || strings.Join(declared, " ") != strings.Join(wantDeclared, " ") {
		t.Errorf("declared after: %v\nbefore: %v", declared, wantDeclared)
	}
	if strings.Join(imported, " ") != strings.Join(declared, " ") {
		t.Errorf("import blocks %v, resources %v", imported, declared)
	}

	for k, v := range acct.env {
		t.Setenv(k, v)
	}
	factories := map[string]func() (tfprotov6.ProviderServer, error){
		"smartassist": providerserver.NewProtocol6WithError(provider.New("test")()),
	}
	resource.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				ProtoV6ProviderFactories: factories,
				ConfigDirectory:          config.StaticDirectory(whole),
				ConfigPlanChecks:         resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{onlyImports{n: 15}}},
			},
			{
				// PlanOnly fails on any planned change, a destroy included.
				ProtoV6ProviderFactories: factories,
				ConfigDirectory:          config.StaticDirectory(again),
				PlanOnly:                 true,
			},
		},
	})
}

// TestExportForceOnlyRefusesAnotherAccount: with -only, the files of the
// other kinds stay; when the folder's providers.tf is for another stream,
// they were read from another account, and the export refuses before any
// request, leaving the folder as it was.
func TestExportForceOnlyRefusesAnotherAccount(t *testing.T) {
	acct := newAccount(t, emulator.Config{})
	dir := t.TempDir()
	if code, stderr := acct.export(t, "-dir", dir); code != ExitOK {
		t.Fatalf("export exited %d: %s", code, stderr)
	}
	before := readDir(t, dir)
	acct.env["SMARTASSIST_STREAM_ID"] = "st-another-stream"
	acct.emu.ResetCounts()
	code, stderr := acct.export(t, "-dir", dir, "-only", "agents", "-force")
	if code != ExitBadInput {
		t.Fatalf("exit status %d, want %d: %s", code, ExitBadInput, stderr)
	}
	checkContains(t, stderr, "providers.tf in "+dir+" is for another account, stream or host than this export's",
		"export every type (leave out -only), or export into another folder")
	if n := acct.emu.TotalRequests(); n != 0 {
		t.Errorf("%d requests before the folder was refused", n)
	}
	after := readDir(t, dir)
	if fileNames(after) != fileNames(before) {
		t.Fatalf("files %s, want %s", fileNames(after), fileNames(before))
	}
	for name, content := range before {
		if after[name] != content {
			t.Errorf("%s changed", name)
		}
	}
}

func fileNames(files map[string]string) string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, " ")
}

var (
	resourceBlock = regexp.MustCompile(`(?m)^resource "(\w+)" "(\w+)" \{`)
	importTo      = regexp.MustCompile(`(?m)^\s*to\s*=\s*([\w.]+)\s*$`)
)

// addresses are the resource addresses the files declare, and those their
// import blocks name, each sorted.
func addresses(files map[string]string) (declared, imported []string) {
	for _, content := range files {
		for _, m := range resourceBlock.FindAllStringSubmatch(content, -1) {
			declared = append(declared, fmt.Sprintf("%s.%s", m[1], m[2]))
		}
		for _, m := range importTo.FindAllStringSubmatch(content, -1) {
			imported = append(imported, m[1])
		}
	}
	sort.Strings(declared)
	sort.Strings(imported)
	return declared, imported
}

// TestExportForceOnlyRefusesAnImportsFileItCannotRead: with -only, the
// other kinds' import blocks are kept from imports.tf; when the earlier
// export's imports.tf no longer parses, they cannot be, and the export
// refuses before any request, leaving the folder as it was.
func TestExportForceOnlyRefusesAnImportsFileItCannotRead(t *testing.T) {
	acct := newAccount(t, emulator.Config{})
	dir := t.TempDir()
	broken := generatedMarker + "import {\n  to = smartassist_queue.support\n"
	if err := os.WriteFile(filepath.Join(dir, "imports.tf"), []byte(broken), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stderr := acct.export(t, "-dir", dir, "-only", "agents", "-force")
	if code != ExitBadInput {
		t.Fatalf("exit status %d, want %d: %s", code, ExitBadInput, stderr)
	}
	checkContains(t, stderr, "imports.tf in "+dir+", written by an earlier export, does not parse",
		"correct or remove it, or export every type (leave out -only)")
	if n := acct.emu.TotalRequests(); n != 0 {
		t.Errorf("%d requests before the folder was refused", n)
	}
	if files := readDir(t, dir); fileNames(files) != "imports.tf" || files["imports.tf"] != broken {
		t.Errorf("the folder changed: %v", files)
	}
}
