package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// Seeded contact lists of the data-source and query tests.
const (
	seedRenewalsList = "cl-5eed001-aaaa-4bbb-8ccc-000000000001"
	seedDNCList      = "cl-5eed002-aaaa-4bbb-8ccc-000000000002"
)

// contactListsEnv is an emulator whose seed adds two contact lists: the
// renewals list with two numbers (one of them twice: it allows
// duplicates), and an empty do-not-call list.
func contactListsEnv(t *testing.T) *testEnv {
	skipLive(t, liveNeedsSeed)
	seed := emulator.DefaultSeed()
	seed.ContactLists = append(seed.ContactLists,
		map[string]any{"id": seedRenewalsList, "name": "Renewals July", "description": "Due in July", "allowDuplicates": true,
			"phoneNumbers": []any{"+14155550100", "+14155550101", "+14155550100"}},
		map[string]any{"id": seedDNCList, "name": "Do not call", "description": "Never call these"},
	)
	return newTestEnv(t, emulator.Config{Seed: seed})
}

func TestAccContactListDataSources(t *testing.T) {
	env := contactListsEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: env.resetCounts,
			Config: env.config(`
data "smartassist_contact_list" "by_id" {
  id = "` + seedRenewalsList + `"
}

data "smartassist_contact_list" "by_name" {
  name = "Do not call"
}

data "smartassist_contact_lists" "renewals" {
  name_contains = "RENEW"
}

data "smartassist_contact_list_numbers" "renewals" {
  contact_list_id = data.smartassist_contact_list.by_id.id
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.smartassist_contact_list.by_id", tfjsonpath.New("name"), knownvalue.StringExact("Renewals July")),
				statecheck.ExpectKnownValue("data.smartassist_contact_list.by_id", tfjsonpath.New("allow_duplicates"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue("data.smartassist_contact_list.by_id", tfjsonpath.New("total_record_count"), knownvalue.Int64Exact(3)),
				statecheck.ExpectKnownValue("data.smartassist_contact_list.by_id", tfjsonpath.New("source"), knownvalue.StringExact("passiveApi")),
				statecheck.ExpectKnownValue("data.smartassist_contact_list.by_name", tfjsonpath.New("id"), knownvalue.StringExact(seedDNCList)),
				statecheck.ExpectKnownValue("data.smartassist_contact_list.by_name", tfjsonpath.New("allow_duplicates"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue("data.smartassist_contact_lists.renewals", tfjsonpath.New("ids"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(seedRenewalsList)})),
				statecheck.ExpectKnownValue("data.smartassist_contact_lists.renewals", tfjsonpath.New("contact_lists").AtSliceIndex(0).AtMapKey("allow_duplicates"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.smartassist_contact_list_numbers.renewals", tfjsonpath.New("phone_numbers"),
					knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("+14155550100"), knownvalue.StringExact("+14155550101")})),
				statecheck.ExpectKnownValue("data.smartassist_contact_list_numbers.renewals", tfjsonpath.New("entries"), knownvalue.ListSizeExact(3)),
			},
			// By name: the list of lists, then the list; the plural: one call.
			Check: env.expectCounts(map[string]int{getContactList: 2, listContactLists: 2, getContactListNumber: 1}),
		}},
	})
}

func TestQuery_ContactLists(t *testing.T) {
	env := contactListsEnv(t)
	queryTest(t, env,
		env.queryStep(listBlock("smartassist_contact_list", "all", ""),
			displayNames{"smartassist_contact_list.all", []string{"Renewals July", "Do not call"}},
			querycheck.ExpectIdentity("smartassist_contact_list.all", streamIdentity(env, seedDNCList)),
			apiCalls{env, map[string]int{listContactLists: 1}},
		),
		env.queryStep(listBlock("smartassist_contact_list", "dnc", "  include_resource = true\n  config {\n    name_contains = \"call\"\n  }"),
			displayNames{"smartassist_contact_list.dnc", []string{"Do not call"}},
			apiCalls{env, map[string]int{listContactLists: 1, getContactList: 1}},
		),
	)
}
