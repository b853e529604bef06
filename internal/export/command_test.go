package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// TestExportBadInput checks every input the user must fix: exit status 2, a
// message that says what to do, no request made and the folder as it was.
func TestExportBadInput(t *testing.T) {
	acct := newAccount(t, emulator.Config{})
	withTF := t.TempDir()
	if err := os.WriteFile(filepath.Join(withTF, "main.tf"), []byte("# mine\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	aFile := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(aFile, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		args  []string
		unset string
		set   [2]string // a setting's name and value
		want  string
	}{
		{"unknown type", []string{"-only", "queues,teams"}, "", [2]string{}, `-only: unknown type "teams"; the types are skill_groups, skills, agent_groups, queues, agents, contacts, contact_lists`},
		{"unknown flag", []string{"-verbose"}, "", [2]string{}, "flag provided but not defined: -verbose"},
		{"stray argument", []string{"now"}, "", [2]string{}, `unexpected arguments ["now"]`},
		{"unwritable folder", []string{"-dir", filepath.Join(aFile, "out")}, "", [2]string{}, "cannot create the folder " + filepath.Join(aFile, "out")},
		{".tf present", []string{"-dir", withTF}, "", [2]string{}, "already holds .tf files (main.tf); export into an empty folder, or give -force"},
		{"missing credentials", []string{"-dir", t.TempDir()}, "SMARTASSIST_CLIENT_SECRET", [2]string{}, "missing settings: set SMARTASSIST_CLIENT_ID and SMARTASSIST_CLIENT_SECRET (or SMARTASSIST_JWT)"},
		{"missing stream", []string{"-dir", t.TempDir()}, "SMARTASSIST_STREAM_ID", [2]string{}, "missing settings: set SMARTASSIST_STREAM_ID"},
		{"plain http to a remote host", []string{"-dir", t.TempDir()}, "", [2]string{"SMARTASSIST_HOST", "http://contact-center.example.com"},
			`SMARTASSIST_HOST is "http://contact-center.example.com"; plain http:// would send the credentials unencrypted`},
		{"shared budget setting", []string{"-dir", t.TempDir()}, "", [2]string{"SMARTASSIST_SHARED_RATE_LIMIT", "sometimes"},
			`SMARTASSIST_SHARED_RATE_LIMIT is "sometimes"; it must be true or false`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			acct.emu.ResetCounts()
			saved := acct.env[tc.unset]
			delete(acct.env, tc.unset)
			before, had := acct.env[tc.set[0]]
			if tc.set[0] != "" {
				acct.env[tc.set[0]] = tc.set[1]
			}
			defer func() {
				if tc.unset != "" {
					acct.env[tc.unset] = saved
				}
				switch {
				case tc.set[0] != "" && had:
					acct.env[tc.set[0]] = before
				case tc.set[0] != "":
					delete(acct.env, tc.set[0])
				}
			}()
			code, stderr := acct.export(t, tc.args...)
			if code != ExitBadInput {
				t.Fatalf("exit status %d, want %d; stderr: %s", code, ExitBadInput, stderr)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Fatalf("stderr %q does not say %q", stderr, tc.want)
			}
			if n := acct.emu.TotalRequests(); n != 0 {
				t.Fatalf("%d requests made before the bad input was refused", n)
			}
		})
	}
	if files := readDir(t, withTF); len(files) != 1 || files["main.tf"] != "# mine\n" {
		t.Fatalf("the folder with .tf files changed: %v", files)
	}
}

// TestExportForce writes over an earlier export with -force, and only the
// types asked for with -only, with ids where the target is not exported.
func TestExportForceOnly(t *testing.T) {
	acct := newAccount(t, emulator.Config{})
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte("# mine\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stderr := acct.export(t, "-dir", dir, "-force", "-only", "skills,agents")
	if code != ExitOK {
		t.Fatalf("exit status %d: %s", code, stderr)
	}
	files := readDir(t, dir)
	if got := fileNames(files); got != "agents.tf imports.tf main.tf providers.tf skills.tf smartassist-adoption.json" {
		t.Fatalf("files = %s", got)
	}
	checkContains(t, files["skills.tf"], `skill_group_id = "633ffac608f3a07459939a20"`)
	checkContains(t, files["agents.tf"], `agent_group_id    = "ag-2f8e9d0-6c7b-4a3e-9d1c-5b6a7f8e9d0c"`,
		`id = "qu-241a4d7-e5d0-45a9-8032-8238450501c2"`, `id                = smartassist_skill.languages_spanish.id`)
	checkContains(t, stderr, "agents: 2 listed; reading each, as the list lacks custom_id: 2 calls",
		"wrote 5 files to "+dir+": 6 resources to import, 0 data sources")
}

// TestExportFailureLeavesFolder: an account that cannot be read (wrong
// secret) fails with status 1 and leaves the folder empty.
func TestExportFailureLeavesFolder(t *testing.T) {
	acct := newAccount(t, emulator.Config{})
	acct.env["SMARTASSIST_CLIENT_SECRET"] = "wrong-secret-value"
	acct.env["SMARTASSIST_MAX_RETRIES"] = "0"
	dir := t.TempDir()
	code, stderr := acct.export(t, "-dir", dir)
	if code != ExitFailed {
		t.Fatalf("exit status %d, want %d: %s", code, ExitFailed, stderr)
	}
	checkContains(t, stderr, "export: reading skill_groups:", "401")
	if strings.Contains(stderr, "wrong-secret-value") {
		t.Fatalf("stderr shows the secret: %s", stderr)
	}
	if files := readDir(t, dir); len(files) != 0 {
		t.Fatalf("the folder holds %v after a failed export", files)
	}
}

// TestExportForceRemovesItsOwnStaleFiles: -force with -only rewrites the
// files of the kinds it exports (agents.tf), keeps those of the other kinds
// (queues.tf) and any other file of an earlier export (routing.tf) byte for
// byte, keeps the other kinds' import blocks in imports.tf and drops those
// of the kinds exported, and leaves the user's files alone, one that
// mentions the marker below its first line included. A later export of
// every kind answers for the whole folder and removes what it does not
// write.
func TestExportForceRemovesItsOwnStaleFiles(t *testing.T) {
	acct := newAccount(t, emulator.Config{})
	dir := t.TempDir()
	mine := "# mine\n" + generatedMarker
	queues := generatedMarker + "resource \"smartassist_queue\" \"old\" {}\n"
	routing := generatedMarker + "# of an older exporter\n"
	for name, content := range map[string]string{
		"main.tf":    mine,
		"queues.tf":  queues,
		"routing.tf": routing,
		"agents.tf":  generatedMarker + "# the earlier export\n",
		"imports.tf": generatedMarker + "import {\n  to = smartassist_agent.gone\n  id = \"a-gone\"\n}\n\n" +
			"import {\n  to = smartassist_queue.old\n  id = \"qu-old\"\n}\n",
		"notes.txt": "keep me\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	code, stderr := acct.export(t, "-dir", dir, "-force", "-only", "skills,agents")
	if code != ExitOK {
		t.Fatalf("exit status %d: %s", code, stderr)
	}
	checkContains(t, stderr, "6 resources to import, 0 data sources; 1 import blocks of the other types kept in imports.tf")
	files := readDir(t, dir)
	if got := fileNames(files); got != "agents.tf imports.tf main.tf notes.txt providers.tf queues.tf routing.tf skills.tf smartassist-adoption.json" {
		t.Fatalf("files = %s", got)
	}
	if files["main.tf"] != mine || files["notes.txt"] != "keep me\n" {
		t.Fatalf("the user's files changed: main.tf %q, notes.txt %q", files["main.tf"], files["notes.txt"])
	}
	if files["queues.tf"] != queues || files["routing.tf"] != routing {
		t.Fatalf("the files of the kinds not exported changed: queues.tf %q, routing.tf %q", files["queues.tf"], files["routing.tf"])
	}
	for _, n := range []string{"agents.tf", "imports.tf", "providers.tf", "skills.tf"} {
		if !strings.HasPrefix(files[n], generatedMarker) {
			t.Errorf("%s does not begin with the marker:\n%s", n, files[n])
		}
	}
	if strings.Contains(files["agents.tf"], "the earlier export") {
		t.Errorf("agents.tf was not rewritten:\n%s", files["agents.tf"])
	}
	// Skills first, then the queue kept, then the agents: the kinds' order.
	imports := files["imports.tf"]
	skill, queue, agent := strings.Index(imports, "smartassist_skill."), strings.Index(imports, "to = smartassist_queue.old\n  id = \"qu-old\""),
		strings.Index(imports, "smartassist_agent.")
	if skill < 0 || queue < skill || agent < queue || strings.Contains(imports, "a-gone") {
		t.Errorf("imports.tf does not hold the skills', the kept queue's and the agents' import blocks, in that order, "+
			"without the agent the earlier export imported:\n%s", imports)
	}

	if code, stderr := acct.export(t, "-dir", dir, "-force"); code != ExitOK {
		t.Fatalf("exit status %d: %s", code, stderr)
	}
	files = readDir(t, dir)
	if got := fileNames(files); got != "agent_groups.tf agents.tf contacts.tf imports.tf main.tf notes.txt providers.tf queues.tf skill_groups.tf skills.tf smartassist-adoption.json" {
		t.Fatalf("files after exporting every kind = %s", got)
	}
	if strings.Contains(files["queues.tf"], `"old"`) || strings.Contains(files["imports.tf"], "qu-old") {
		t.Errorf("exporting every kind kept the earlier queue:\n%s\n%s", files["queues.tf"], files["imports.tf"])
	}
}
