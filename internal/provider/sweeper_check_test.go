package provider

import (
	"bytes"
	"fmt"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// emulatorGetenv is the SMARTASSIST_* variables of a live run pointed at
// an emulator served at url, with extra settings on top.
func emulatorGetenv(url string, emu *emulator.Server, extra map[string]string) func(string) string {
	c := emu.Config()
	vars := map[string]string{
		client.EnvHost: url, client.EnvStreamID: c.StreamID, client.EnvAccountID: c.AccountID,
		client.EnvClientID: c.ClientID, client.EnvClientSecret: c.ClientSecret,
		client.EnvSharedRateLimit: "false", client.EnvRequestsPerMinute: "60000",
	}
	for k, v := range extra {
		vars[k] = v
	}
	return func(k string) string { return vars[k] }
}

// The sweepers, against the emulator's default seed (the user's objects)
// and one tfacc- object of every kind: only the tfacc- ones go, in
// dependency order, each deletion printed; a second sweep deletes nothing.
// The tfacc- voice campaign is Active and names the tfacc- lists and
// queue, which the emulator does not delete while a campaign uses them.
func TestSweepersDeleteOnlyTestObjects(t *testing.T) {
	cfg := emulator.Config{}
	cfg.Readings.CampaignPreparingReads = -1
	emu := emulator.New(cfg)
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	getenv := emulatorGetenv(srv.URL, emu, map[string]string{envSweep: "1"})
	c, err := sweepClient("anything", getenv)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()

	// The user's objects, some named like a test's but without the prefix.
	before := map[string]int{
		"agents": len(emu.Agents()), "contacts": activeSeedContacts(emu), "queues": len(emu.Queues()),
		"skills": len(emu.Skills()), "skill groups": len(emu.SkillGroups()), "agent groups": len(emu.AgentGroups()),
		"campaigns": len(emu.Campaigns()), "contact lists": len(emu.ContactLists()),
	}
	if _, err := c.Queues.Create(ctx, client.QueueRequest{Name: "tfacc queue without the dash", HoursOfOperationID: seedDefaultHours}); err != nil {
		t.Fatal(err)
	}
	before["queues"]++

	// One test object of every kind, made as a test would.
	ag, err := c.AgentGroups.Create(ctx, client.AgentGroupRequest{Name: tfName("group"), Description: "made by a test"})
	if err != nil {
		t.Fatal(err)
	}
	sg, err := c.SkillGroups.Create(ctx, client.SkillGroupRequest{Name: tfName("skills")})
	if err != nil {
		t.Fatal(err)
	}
	for _, group := range []string{string(sg.ID), "633ffac608f3a07459939a20"} { // ours, and the user's Languages
		if _, err := c.Skills.Create(ctx, group, client.SkillRequest{Name: tfName("skill"), SkillGroupID: group}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.Queues.Create(ctx, client.QueueRequest{Name: tfName("queue"), HoursOfOperationID: seedDefaultHours, AgentGroupIDs: []string{string(ag.ID)}}); err != nil {
		t.Fatal(err)
	}
	// The user's own list and campaign, Active, which the sweep leaves running.
	userCampaign := sweepCampaignFixture(t, c, client.CampaignSMS, "Spring promo", "Spring customers", "", "")
	before["campaigns"]++
	before["contact lists"]++
	if _, err := c.CampaignRuns.Start(ctx, client.CampaignSMS, userCampaign); err != nil {
		t.Fatal(err)
	}
	// A tfacc- voice campaign on the tfacc- queue with a tfacc- do-not-call
	// list, started, and a tfacc- SMS campaign on the same contact list.
	voice := sweepCampaignFixture(t, c, client.CampaignVoice, tfName("calls"), tfName("leads"), tfName("dnc"), tfName("queue"))
	if _, err := c.CampaignRuns.Start(ctx, client.CampaignVoice, voice); err != nil {
		t.Fatal(err)
	}
	sweepCampaignFixture(t, c, client.CampaignSMS, tfName("texts"), tfName("leads"), "", "")
	if _, err := c.Contacts.Create(ctx, []client.ContactRequest{{FirstName: tfName("Ann"), LastName: "Lee", Salutation: "mrs",
		CellPhone: client.CellPhoneRequest{PhoneNumber: tfLocalPhone(1), CountryCode: "+1", Extension: "1"}}}); err != nil {
		t.Fatal(err)
	}
	email, first, last, role := tfEmail("agent"), "Tess", "Acc", seedRoleAgent
	if _, err := c.Agents.Create(ctx, &client.AgentRequest{EmailID: &email, FirstName: &first, LastName: &last, RoleID: &role}); err != nil {
		t.Fatal(err)
	}

	var out bytes.Buffer
	total := 0
	for _, k := range sweepKinds {
		n, err := k.sweep(ctx, c, &out)
		if err != nil {
			t.Fatalf("%s: %v", k.name, err)
		}
		total += n
	}
	if total != 11 {
		t.Errorf("the sweep deleted %d objects, want 11:\n%s", total, out.String())
	}
	// Each deletion is printed, in dependency order.
	var kinds []string
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		m := regexp.MustCompile(`^sweep: (deleted|stopped) (agent group|skill group|agent|contact list|contact|queue|skill|SMS campaign|voice campaign) \S+ \((.*)\)$`).FindStringSubmatch(line)
		if m == nil || !isTestObject(m[3]) {
			t.Fatalf("unexpected sweep output line %q", line)
		}
		kinds = append(kinds, strings.TrimPrefix(m[1]+" "+m[2], "deleted "))
	}
	if got, want := strings.Join(kinds, ","), "SMS campaign,stopped voice campaign,voice campaign,agent,contact,queue,skill,skill,"+
		"skill group,agent group,contact list,contact list"; got != want {
		t.Errorf("deletion order %s, want %s", got, want)
	}
	if st := emu.Campaign(userCampaign)["status"]; st != "Active" {
		t.Errorf("the user's campaign is %v after the sweep, want it left Active", st)
	}
	after := map[string]int{
		"agents": len(emu.Agents()), "contacts": activeSeedContacts(emu), "queues": len(emu.Queues()),
		"skills": len(emu.Skills()), "skill groups": len(emu.SkillGroups()), "agent groups": len(emu.AgentGroups()),
		"campaigns": len(emu.Campaigns()), "contact lists": len(emu.ContactLists()),
	}
	if fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("after the sweep the emulator holds %v, want the user's objects %v", after, before)
	}

	// An account with nothing of the tests: nothing deleted.
	out.Reset()
	for _, k := range sweepKinds {
		if n, err := k.sweep(ctx, c, &out); err != nil || n != 0 {
			t.Fatalf("second sweep of %s: %d deleted, %v", k.name, n, err)
		}
	}
	if out.Len() != 0 {
		t.Errorf("second sweep printed %q", out.String())
	}
}

func activeSeedContacts(emu *emulator.Server) int {
	n := 0
	for _, c := range emu.Contacts() {
		if c["status"] != "INACTIVE" {
			n++
		}
	}
	return n
}

// A sweep deletes, so it needs SWEEP=1 or a -sweep value naming the stream.
func TestSweepNeedsConfirmation(t *testing.T) {
	emu := emulator.New(emulator.Config{})
	getenv := emulatorGetenv("http://127.0.0.1:1", emu, nil)
	stream := emu.Config().StreamID
	if _, err := sweepClient("us-east-1", getenv); err == nil ||
		!strings.Contains(err.Error(), "confirm with SWEEP=1, or give -sweep=<the stream id>") {
		t.Fatalf("a sweep of another region: %v, want a refusal", err)
	}
	if _, err := sweepClient(stream, getenv); err != nil {
		t.Fatalf("-sweep naming the stream: %v", err)
	}
	noHost := func(k string) string {
		if k == client.EnvHost {
			return ""
		}
		return getenv(k)
	}
	if _, err := sweepClient(stream, noHost); err == nil || !strings.Contains(err.Error(), "set SMARTASSIST_HOST") {
		t.Fatalf("without a host: %v, want the missing variable named", err)
	}
}

// A live run refuses to start, naming the missing variable.
func TestLiveRunNamesTheMissingVariable(t *testing.T) {
	emu := emulator.New(emulator.Config{})
	full := emulatorGetenv("http://127.0.0.1:1", emu, nil)
	if err := liveProblem(full); err != nil {
		t.Fatalf("with every variable: %v", err)
	}
	for name, want := range map[string]string{
		client.EnvHost:         "set SMARTASSIST_HOST",
		client.EnvStreamID:     "set SMARTASSIST_STREAM_ID",
		client.EnvAccountID:    "set SMARTASSIST_ACCOUNT_ID",
		client.EnvClientSecret: "set SMARTASSIST_CLIENT_ID and SMARTASSIST_CLIENT_SECRET (or SMARTASSIST_JWT)",
	} {
		err := liveProblem(func(k string) string {
			if k == name {
				return ""
			}
			return full(k)
		})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("without %s: %v, want %q", name, err, want)
		}
	}
}

// A sweep runs without a Terraform CLI: TestMain recognises -sweep before
// the flags are parsed.
func TestSweepingIsSeenBeforeFlagParsing(t *testing.T) {
	for args, want := range map[string]bool{
		"-sweep=st-1":            true,
		"--sweep=st-1":           true,
		"-test.v -sweep st-1":    true,
		"-test.run=^$":           false,
		"-test.v -sweep-run=x y": false,
	} {
		if got := sweeping(strings.Fields(args)); got != want {
			t.Errorf("sweeping(%q) = %t, want %t", args, got, want)
		}
	}
}
