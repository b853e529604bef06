package provider

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// seedSampleConversation is the vendor page's sample conversation, which the
// default seed holds verbatim.
const seedSampleConversation = "c-3c04346-e522-4c53-9e03-c9566d859aad"

func conversationConfig(name, id string) string {
	return fmt.Sprintf(`
data "smartassist_conversation" %q {
  id = %q
}
`, name, id)
}

// seedConversation is one conversation of seed, as stored.
func seedConversation(t *testing.T, seed *emulator.Seed, id string) map[string]any {
	t.Helper()
	for _, c := range seed.Conversations {
		if c["_id"] == id {
			return c
		}
	}
	t.Fatalf("the seed has no conversation %s", id)
	return nil
}

// TestAccConversationDataSource_vendorSample reads the vendor documentation's
// sample through one GET and checks every kind of attribute.
func TestAccConversationDataSource_vendorSample(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	env := newTestEnv(t)
	const name = "data.smartassist_conversation.sample"
	at := func(p tfjsonpath.Path, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(name, p, v)
	}
	attr := func(name string) tfjsonpath.Path { return tfjsonpath.New(name) }
	participant := attr("participants").AtSliceIndex(0)
	transfer := attr("transfer_details").AtSliceIndex(0)
	stored := seedConversation(t, emulator.DefaultSeed(), seedSampleConversation)

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: env.resetCounts,
			Config:    env.config(conversationConfig("sample", seedSampleConversation)),
			ConfigStateChecks: []statecheck.StateCheck{
				at(attr("id"), knownvalue.StringExact(seedSampleConversation)),
				at(attr("status"), knownvalue.StringExact("CLOSED")),
				at(attr("conversation_type"), knownvalue.StringExact("messaging")),
				at(attr("source"), knownvalue.StringExact("rtm")),
				at(attr("language"), knownvalue.StringExact("en")),
				at(attr("priority"), knownvalue.Int64Exact(5)),
				at(attr("wait_time"), knownvalue.Int64Exact(3369)),
				at(attr("callback_opted"), knownvalue.Bool(false)),
				at(attr("survey_required"), knownvalue.StringExact("YES")),
				at(attr("is_proactive_agent_assist_enabled"), knownvalue.Bool(true)),
				at(attr("key_intent_name"), knownvalue.StringExact("TalkToAgent")),
				at(attr("key_intent_user_input"), knownvalue.StringExact("I want to talk to an agent")),
				at(attr("start_time"), knownvalue.StringExact("2023-05-22T04:55:05.351Z")),
				at(attr("end_time"), knownvalue.StringExact("2023-05-22T05:29:14.086Z")),
				at(attr("accepted_at"), knownvalue.StringExact("2023-05-22T04:55:07.718Z")),
				at(attr("created_at"), knownvalue.StringExact("2023-05-22T04:55:05.354Z")),
				at(attr("updated_at"), knownvalue.StringExact("2023-05-22T05:29:24.067Z")),
				at(attr("user_id"), knownvalue.StringExact("u-aa15c0f4-7f78-5912-8713-f5cd1c3e476e")),
				at(attr("bot_id"), knownvalue.StringExact("st-3bf09bef-f979-5489-b337-f465bd5db1f4")),
				at(attr("org_id"), knownvalue.StringExact("o-ca23f4c5-cc3e-586d-90e6-8375bf2d54ab")),
				at(attr("account_id"), knownvalue.StringExact("637368b4a1d039e34ba63bbf")),
				at(attr("bot_session_id"), knownvalue.StringExact("646af57bcc41e5bfbd5efb82")),

				at(attr("participants"), knownvalue.ListSizeExact(1)),
				at(participant, knownvalue.ObjectExact(map[string]knownvalue.Check{
					"queue_id":       knownvalue.StringExact(seedDefaultQueue),
					"queue_name":     knownvalue.StringExact("Default Queue"),
					"agent_id":       knownvalue.StringExact("u-b19cd89e-6533-59af-b491-eec9bf8f8b9f"),
					"name":           knownvalue.StringExact("John Doe"),
					"status":         knownvalue.StringExact("INACTIVE"),
					"assigned_at":    knownvalue.StringExact("2023-05-22T04:55:05.452Z"),
					"start_time":     knownvalue.StringExact("2023-05-22T04:55:07.718Z"),
					"end_time":       knownvalue.StringExact("2023-05-22T05:29:14.043Z"),
					"is_transferred": knownvalue.Bool(false),
				})),

				at(attr("queues"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.StringExact(seedDefaultQueue), "name": knownvalue.StringExact("Default Queue"),
						"type": knownvalue.StringExact("ASSIGNED"), "status": knownvalue.StringExact("INACTIVE"),
						"start_time": knownvalue.StringExact("2023-05-22T04:55:05.350Z"),
					}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.StringExact(seedDefaultQueue), "name": knownvalue.StringExact("Default Queue"),
						"type": knownvalue.StringExact("TRANSFERRED"), "status": knownvalue.StringExact("ACTIVE"),
						"start_time": knownvalue.StringExact("2023-05-22T05:29:14.007Z"),
					}),
				})),

				at(attr("transfer_details"), knownvalue.ListSizeExact(1)),
				at(transfer.AtMapKey("transferred_type"), knownvalue.StringExact("QUEUE")),
				at(transfer.AtMapKey("priority"), knownvalue.StringExact("HIGHEST")),
				at(transfer.AtMapKey("from_queue"), knownvalue.StringExact(seedDefaultQueue)),
				at(transfer.AtMapKey("transferred_at"), knownvalue.StringExact("2023-05-22T05:29:14.007Z")),
				at(transfer.AtMapKey("transferred_to"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id":   knownvalue.StringExact(seedDefaultQueue),
						"name": knownvalue.StringExact("Default Queue"),
						"type": knownvalue.StringExact("QUEUE"),
					}),
				})),

				at(attr("disposition").AtMapKey("status"), knownvalue.StringExact("DROP-OFF")),
				at(attr("disposition").AtMapKey("meta_status"), knownvalue.StringExact("SYSTEM_DROP_OFF")),
				at(attr("disposition").AtMapKey("remarks"), knownvalue.StringRegexp(regex(`^I’m sorry\. It seems like there are no agents`))),
				at(attr("skills"), knownvalue.ListSizeExact(0)),
				at(attr("notes"), knownvalue.ListSizeExact(0)),

				// raw_json is the stored document, userInfo included.
				at(attr("raw_json"), knownvalue.StringRegexp(regex(`"ipAddress":"106\.203\.156\.168"`))),
				at(attr("raw_json"), knownvalue.StringFunc(func(raw string) error {
					var got map[string]any
					if err := json.Unmarshal([]byte(raw), &got); err != nil {
						return fmt.Errorf("raw_json is not JSON: %w", err)
					}
					if !reflect.DeepEqual(got, stored) {
						return fmt.Errorf("raw_json differs from the stored conversation:\n got %v\nwant %v", got, stored)
					}
					return nil
				})),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(name, "transfer_details.0.transferred_to.0.name", "Default Queue"),
				resource.TestCheckResourceAttr(name, "transfer_details.0.transferred_to.0.id", seedDefaultQueue),
				env.expectCounts(map[string]int{"GET /conversations/{id}": 1}),
			),
		}},
	})
}

// TestAccConversationDataSource_lenientTypes reads a conversation whose
// fields come in other types than the sample's, and one without the optional
// parts: the read succeeds and maps what it can.
func TestAccConversationDataSource_lenientTypes(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	const id = "c-odd-types-0000-0000-000000000001"
	seed := emulator.DefaultSeed()
	seed.Conversations = append(seed.Conversations, map[string]any{
		"_id":            id,
		"status":         "OPEN",
		"createdAt":      "2024-02-01T00:00:00.000Z",
		"priority":       "7",            // a string, as the field table documents
		"waitTime":       "not-a-number", // unusable: null
		"surveyRequired": true,           // a boolean, as the field table documents
		"callbackOpted":  "YES",
		"participants":   "none", // not an array: empty
		"queues":         []any{map[string]any{"id": 42, "name": "Numbered"}},
		"skills":         []any{seedDefaultSkill, map[string]any{"id": "s-2", "level": 3}},
		"notes":          []any{map[string]any{"note": "Call back\ntomorrow"}},
		// no dispositions, transferDetails, endTime
	})
	env := newTestEnv(t, emulator.Config{Seed: seed})
	const name = "data.smartassist_conversation.odd"
	at := func(p string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(name, tfjsonpath.New(p), v)
	}

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: env.resetCounts,
			Config:    env.config(conversationConfig("odd", id)),
			ConfigStateChecks: []statecheck.StateCheck{
				at("status", knownvalue.StringExact("OPEN")),
				at("priority", knownvalue.Int64Exact(7)),
				at("wait_time", knownvalue.Null()),
				at("survey_required", knownvalue.StringExact("true")),
				at("callback_opted", knownvalue.Bool(true)),
				at("is_proactive_agent_assist_enabled", knownvalue.Null()),
				at("end_time", knownvalue.Null()),
				at("participants", knownvalue.ListSizeExact(0)),
				at("transfer_details", knownvalue.ListSizeExact(0)),
				at("disposition", knownvalue.Null()),
				statecheck.ExpectKnownValue(name, tfjsonpath.New("queues").AtSliceIndex(0).AtMapKey("id"), knownvalue.StringExact("42")),
				at("skills", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact(`"` + seedDefaultSkill + `"`),
					knownvalue.StringExact(`{"id":"s-2","level":3}`),
				})),
				at("notes", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact(`{"note":"Call back\ntomorrow"}`),
				})),
			},
			Check: env.expectCounts(map[string]int{"GET /conversations/{id}": 1}),
		}},
	})
}

// TestAccConversationDataSource_notFound: an unknown id is an error that
// names the id, not an empty conversation.
func TestAccConversationDataSource_notFound(t *testing.T) {
	env := newTestEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config:      env.config(conversationConfig("missing", "c-does-not-exist")),
			ExpectError: regex(`Unable to read conversation[\s\S]*No conversation has the id c-does-not-exist`),
		}},
	})
	if env.emu == nil {
		return
	}
	if n := env.emu.Count("GET /conversations/{id}"); n != 1 {
		t.Errorf("GET /conversations/{id} was called %d times, want 1 (a 404 is not retried)", n)
	}
}

// TestAccConversationDataSource_examples applies the documentation's example
// against the seed, so the example keeps working.
func TestAccConversationDataSource_examples(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	example, err := os.ReadFile("../../examples/data-sources/smartassist_conversation/data-source.tf")
	if err != nil {
		t.Fatal(err)
	}
	env := newTestEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.config(string(example)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("escalated_chat_summary", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"status":      knownvalue.StringExact("CLOSED"),
					"wait_ms":     knownvalue.Int64Exact(3369),
					"disposition": knownvalue.StringExact("DROP-OFF"),
					"queues":      knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("Default Queue")}),
					"transfers":   knownvalue.Int64Exact(1),
				})),
				statecheck.ExpectKnownOutputValue("escalated_chat_country", knownvalue.StringExact("India")),
			},
		}},
	})
}
