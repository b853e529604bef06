package export

import (
	"reflect"
	"testing"
)

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Support", "support"},
		{"Tier 1", "tier_1"},
		{"  Billing -- Refunds!  ", "billing_refunds"},
		{"José Núñez", "jose_nunez"},
		{"Área", "area"},
		{"maria.lopez@example.com", "maria_lopez_example_com"},
		{"24x7", "queue_24x7"},
		{"1st line", "queue_1st_line"},
		{"日本語", "queue"},
		{"Ünïcödé 日本 Team", "unicode_team"},
		{"", "queue"},
		{"___", "queue"},
		{"ﬁnance", "finance"}, // NFKD splits the ligature
	} {
		if got := slug(tc.in, "queue"); got != tc.want {
			t.Errorf("slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestUniqueNames(t *testing.T) {
	cands := []candidate{
		{slug: "support", key: "qu-3"},
		{slug: "sales", key: "qu-9"},
		{slug: "support", key: "qu-1"},
		{slug: "support_2", key: "qu-5"}, // a name of its own that a numbered one must not take
		{slug: "support", key: "qu-2"},
	}
	want := []string{"support_4", "sales", "support", "support_2", "support_3"}
	if got := uniqueNames(cands); !reflect.DeepEqual(got, want) {
		t.Fatalf("uniqueNames = %v, want %v", got, want)
	}
	// The same objects in another order get the same names.
	reordered := []candidate{cands[4], cands[3], cands[2], cands[1], cands[0]}
	wantReordered := []string{"support_3", "support_2", "support", "sales", "support_4"}
	if got := uniqueNames(reordered); !reflect.DeepEqual(got, wantReordered) {
		t.Fatalf("uniqueNames (reordered) = %v, want %v", got, wantReordered)
	}
}
