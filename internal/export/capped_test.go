package export

import (
	"testing"

	"github.com/koreai/terraform-provider-smartassist/internal/adoption"
	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// Under issue 25's server (5 a page, the asked limit echoed, hasMore
// alone), the export writes the same files as under the default reading,
// providers.tf aside, and reads each list in exactly its pages of 5: the last page says
// hasMore: false, so no empty page more.
func TestExportUnderACappedListWithoutTotals(t *testing.T) {
	plain := newAccount(t, emulator.Config{Seed: largeSeed()})
	want := t.TempDir()
	if code, stderr := plain.export(t, "-dir", want); code != ExitOK {
		t.Fatalf("export exited %d: %s", code, stderr)
	}
	capped := newAccount(t, emulator.Config{Seed: largeSeed(), Readings: emulator.Readings{ListLimit: emulator.ListLimitCapped,
		ListLimitCap: 5, ListLimitEcho: true, ListFigures: emulator.ListFiguresHasMore}})
	got := t.TempDir()
	if code, stderr := capped.export(t, "-dir", got); code != ExitOK {
		t.Fatalf("export exited %d: %s", code, stderr)
	}
	wantFiles, gotFiles := readDir(t, want), readDir(t, got)
	for name, content := range wantFiles {
		// providers.tf and the adoption hand-off name each emulator's host
		if name != "providers.tf" && name != adoption.FileName && gotFiles[name] != content {
			t.Errorf("%s differs under the capped reading:\n%s\n--- under the default one:\n%s", name, gotFiles[name], content)
		}
	}
	if len(gotFiles) != len(wantFiles) {
		t.Errorf("%d files, want %d", len(gotFiles), len(wantFiles))
	}
	pages := func(n int) int { return max(1, (n+4)/5) }
	skillPages := 0
	groups := capped.emu.SkillGroups()
	for _, g := range groups {
		n := 0
		for _, s := range capped.emu.Skills() {
			if s["skillGroupId"] == g["id"] {
				n++
			}
		}
		skillPages += pages(n)
	}
	for route, want := range map[string]int{
		"GET /skill-groups": pages(len(groups)), "GET /skill-groups/{skillGroupId}/skills": skillPages,
		"GET /agent-groups": pages(len(capped.emu.AgentGroups())), "GET /queues": pages(len(capped.emu.Queues())),
		"GET /agents": pages(len(capped.emu.Agents())), "GET /contacts": pages(len(capped.emu.Contacts())),
	} {
		if got := capped.emu.Count(route); got != want {
			t.Errorf("%s: %d calls, want %d (all: %v)", route, got, want, capped.emu.Counts())
		}
	}
}
