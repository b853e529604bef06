package provider

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// emulatorConversationsMaxLimit is the largest page the emulator serves
// (maxPageLimit in internal/emulator/paging.go).
const emulatorConversationsMaxLimit = 100

// conversationFilter is one smartassist_conversations block and what it
// should return from a seed.
type conversationFilter struct {
	name     string
	statuses []string
	source   string
	language string
	limit    int
}

func (f conversationFilter) hcl() string {
	var b strings.Builder
	fmt.Fprintf(&b, "\ndata \"smartassist_conversations\" %q {\n", f.name)
	if len(f.statuses) > 0 {
		q := make([]string, len(f.statuses))
		for i, s := range f.statuses {
			q[i] = strconv.Quote(s)
		}
		fmt.Fprintf(&b, "  status = [%s]\n", strings.Join(q, ", "))
	}
	if f.source != "" {
		fmt.Fprintf(&b, "  source = %q\n", f.source)
	}
	if f.language != "" {
		fmt.Fprintf(&b, "  language = %q\n", f.language)
	}
	if f.limit > 0 {
		fmt.Fprintf(&b, "  limit = %d\n", f.limit)
	}
	b.WriteString("}\n")
	return b.String()
}

func (f conversationFilter) address() string { return "data.smartassist_conversations." + f.name }

// matches are the ids of the seed's conversations that pass the filters,
// computed from the seed itself (limit not applied).
func (f conversationFilter) matches(seed *emulator.Seed) []string {
	var out []string
	for _, c := range seed.Conversations {
		status, _ := c["status"].(string)
		source, _ := c["source"].(string)
		language, _ := c["language"].(string)
		if len(f.statuses) > 0 && !containsStr(f.statuses, status) {
			continue
		}
		if (f.source != "" && source != f.source) || (f.language != "" && language != f.language) {
			continue
		}
		out = append(out, c["_id"].(string))
	}
	return out
}

// listCalls is how many GET /conversations calls the data source should
// make for this filter on seed: one per page of the client's page size (as
// far as the emulator serves it), at least one.
func (f conversationFilter) listCalls(seed *emulator.Seed) int {
	n, limit := len(f.matches(seed)), f.limit
	if limit == 0 {
		limit = conversationsDefaultLimit
	}
	n = min(n, limit)
	page := min(client.ConversationPageSize, emulatorConversationsMaxLimit)
	return max(1, (n+page-1)/page)
}

func containsStr(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// exactIDs checks a list of ids against want, ignoring order. SetExact
// matches each expected id to a distinct element and the sizes must agree,
// so it also proves every id is returned exactly once.
func exactIDs(want []string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(want))
	for i, id := range want {
		checks[i] = knownvalue.StringExact(id)
	}
	return knownvalue.SetExact(checks)
}

// stateIDs reads a data source's ids from the flat state.
func stateIDs(s *terraform.State, address string) ([]string, error) {
	rs, ok := s.RootModule().Resources[address]
	if !ok {
		return nil, fmt.Errorf("%s is not in the state", address)
	}
	n, err := strconv.Atoi(rs.Primary.Attributes["ids.#"])
	if err != nil {
		return nil, fmt.Errorf("%s: ids.#: %w", address, err)
	}
	out := make([]string, n)
	for i := range out {
		out[i] = rs.Primary.Attributes[fmt.Sprintf("ids.%d", i)]
	}
	return out, nil
}

// checkIDsMatchConversations checks that conversations[i].id is ids[i].
func checkIDsMatchConversations(address string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		ids, err := stateIDs(s, address)
		if err != nil {
			return err
		}
		attrs := s.RootModule().Resources[address].Primary.Attributes
		if got := attrs["conversations.#"]; got != strconv.Itoa(len(ids)) {
			return fmt.Errorf("%s: %s conversations for %d ids", address, got, len(ids))
		}
		for i, id := range ids {
			if got := attrs[fmt.Sprintf("conversations.%d.id", i)]; got != id {
				return fmt.Errorf("%s: conversations.%d.id = %s, ids.%d = %s", address, i, got, i, id)
			}
		}
		return nil
	}
}

// TestAccConversationsDataSource_filters checks each filter, and their
// combination, against what the default seed holds, and that limit keeps the
// first conversations in the API's order.
func TestAccConversationsDataSource_filters(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	seed := emulator.DefaultSeed()
	all := conversationFilter{name: "all"}
	filters := []conversationFilter{
		all,
		{name: "closed", statuses: []string{"CLOSED"}},
		{name: "open_or_idle", statuses: []string{"OPEN", "IDLE"}},
		{name: "web_chats", source: "rtm"},
		{name: "spanish", language: "es"},
		{name: "closed_english_chats", statuses: []string{"CLOSED"}, source: "rtm", language: "en"},
	}
	firstFive := conversationFilter{name: "first_five", limit: 5}
	closedCapped := conversationFilter{name: "closed_capped", statuses: []string{"CLOSED"}, limit: 3}

	env := newTestEnv(t)
	var (
		body   strings.Builder
		checks []statecheck.StateCheck
		tests  []resource.TestCheckFunc
		calls  int
	)
	total := len(all.matches(seed))
	for _, f := range filters {
		want := f.matches(seed)
		// The seed must make each filter mean something.
		if len(want) == 0 || (f.name != all.name && len(want) >= total) {
			t.Fatalf("filter %s matches %d of %d seed conversations; the seed no longer exercises it", f.name, len(want), total)
		}
		body.WriteString(f.hcl())
		checks = append(checks, statecheck.ExpectKnownValue(f.address(), tfjsonpath.New("ids"), exactIDs(want)))
		tests = append(tests, checkIDsMatchConversations(f.address()))
		calls += f.listCalls(seed)
	}
	for _, f := range []conversationFilter{firstFive, closedCapped} {
		if len(f.matches(seed)) <= f.limit {
			t.Fatalf("filter %s: the seed has too few matches to show the limit", f.name)
		}
		body.WriteString(f.hcl())
		checks = append(checks, statecheck.ExpectKnownValue(f.address(), tfjsonpath.New("ids"), knownvalue.ListSizeExact(f.limit)))
		tests = append(tests, checkIDsMatchConversations(f.address()))
		calls += f.listCalls(seed)
	}
	// limit keeps the first conversations in the API's order.
	tests = append(tests, func(s *terraform.State) error {
		allIDs, err := stateIDs(s, all.address())
		if err != nil {
			return err
		}
		first, err := stateIDs(s, firstFive.address())
		if err != nil {
			return err
		}
		if strings.Join(first, ",") != strings.Join(allIDs[:firstFive.limit], ",") {
			return fmt.Errorf("first_five = %v; want the first five of the unfiltered list, %v", first, allIDs[:firstFive.limit])
		}
		capped, err := stateIDs(s, closedCapped.address())
		if err != nil {
			return err
		}
		for _, id := range capped {
			if !containsStr(filters[1].matches(seed), id) {
				return fmt.Errorf("closed_capped holds %s, which is not CLOSED", id)
			}
		}
		return nil
	})
	// Each element carries the conversation's attributes.
	tests = append(tests,
		resource.TestCheckTypeSetElemNestedAttrs("data.smartassist_conversations.closed", "conversations.*", map[string]string{
			"id":                        seedSampleConversation,
			"status":                    "CLOSED",
			"wait_time":                 "3369",
			"priority":                  "5",
			"survey_required":           "YES",
			"participants.0.queue_name": "Default Queue",
			"disposition.status":        "DROP-OFF",
			"transfer_details.0.transferred_to.0.name": "Default Queue",
		}),
		env.expectCounts(map[string]int{"GET /conversations": calls}),
	)

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig:         env.resetCounts,
			Config:            env.config(body.String()),
			ConfigStateChecks: checks,
			Check:             resource.ComposeAggregateTestCheckFunc(tests...),
		}},
	})
}

// pagingSeed is the default seed with copies copies of each conversation
// under new ids, so a listing spans several of the client's pages.
func pagingSeed(t *testing.T, copies int) *emulator.Seed {
	t.Helper()
	seed := emulator.DefaultSeed()
	base := seed.Conversations
	for k := 1; k <= copies; k++ {
		for _, c := range base {
			data, err := json.Marshal(c)
			if err != nil {
				t.Fatal(err)
			}
			var cp map[string]any
			if err := json.Unmarshal(data, &cp); err != nil {
				t.Fatal(err)
			}
			cp["_id"] = fmt.Sprintf("%s-copy%d", c["_id"], k)
			seed.Conversations = append(seed.Conversations, cp)
		}
	}
	return seed
}

// TestAccConversationsDataSource_paging lists more conversations than one
// page holds: every match comes back exactly once, over the expected number
// of calls, and limit stops the walk part-way.
func TestAccConversationsDataSource_paging(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	page := min(client.ConversationPageSize, emulatorConversationsMaxLimit)
	// Enough copies that even the status-filtered listing spans two pages.
	copies := 2*page/len(emulator.DefaultSeed().Conversations) + 1
	seed := pagingSeed(t, copies)
	env := newTestEnv(t, emulator.Config{Seed: seed})

	everything := conversationFilter{name: "everything", limit: conversationsMaxLimit}
	closedOrOpen := conversationFilter{name: "closed_or_open", statuses: []string{"CLOSED", "OPEN"}, limit: conversationsMaxLimit}
	capped := conversationFilter{name: "capped", limit: page + page/2}
	defaulted := conversationFilter{name: "defaulted"} // limit unset: 100
	if n := len(everything.matches(seed)); n <= conversationsDefaultLimit || n > conversationsMaxLimit {
		t.Fatalf("the paging seed has %d conversations; the steps need more than the default limit and no more than the ceiling", n)
	}

	step := func(f conversationFilter, want knownvalue.Check) resource.TestStep {
		calls := f.listCalls(seed)
		if calls < 2 {
			t.Fatalf("filter %s would take %d call(s); the paging seed is too small", f.name, calls)
		}
		return resource.TestStep{
			PreConfig:         env.resetCounts,
			Config:            env.config(f.hcl()),
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(f.address(), tfjsonpath.New("ids"), want)},
			Check: resource.ComposeAggregateTestCheckFunc(
				checkIDsMatchConversations(f.address()),
				env.expectCounts(map[string]int{"GET /conversations": calls}),
				func(*terraform.State) error {
					if n := env.emu.Count("GET /conversations"); n < 2 {
						return fmt.Errorf("%d GET /conversations calls; the listing did not span pages", n)
					}
					return nil
				},
			),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			step(everything, exactIDs(everything.matches(seed))),
			step(closedOrOpen, exactIDs(closedOrOpen.matches(seed))),
			step(capped, knownvalue.ListSizeExact(capped.limit)),
			{
				PreConfig: env.resetCounts,
				Config:    env.config(defaulted.hcl()),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(defaulted.address(), tfjsonpath.New("ids"), knownvalue.ListSizeExact(conversationsDefaultLimit)),
					statecheck.ExpectKnownValue(defaulted.address(), tfjsonpath.New("limit"), knownvalue.Int64Exact(conversationsDefaultLimit)),
				},
				Check: env.expectCounts(map[string]int{"GET /conversations": defaulted.listCalls(seed)}),
			},
		},
	})
}

// example against the seed.
func TestAccConversationsDataSource_examples(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	example, err := os.ReadFile("../../examples/data-sources/smartassist_conversations/data-source.tf")
	if err != nil {
		t.Fatal(err)
	}
	seed := emulator.DefaultSeed()
	closedChats := conversationFilter{statuses: []string{"CLOSED"}, source: "rtm", language: "en"}.matches(seed)
	var droppedOff []string
	for _, id := range closedChats {
		if d, _ := seedConversation(t, seed, id)["dispositions"].(map[string]any); d["status"] == "DROP-OFF" {
			droppedOff = append(droppedOff, id)
		}
	}
	if !containsStr(droppedOff, seedSampleConversation) {
		t.Fatalf("the vendor sample should be among the dropped-off closed English chats, got %v", droppedOff)
	}
	env := newTestEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.config(string(example)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("closed_chat_ids", exactIDs(closedChats)),
				statecheck.ExpectKnownOutputValue("closed_chats_dropped_off", exactIDs(droppedOff)),
			},
		}},
	})
}
