package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

const scheduleAddr = "smartassist_campaign_schedule.spring"

// The schedule's identity is its campaign's id and the stream: create
// records it, and an import block that gives it imports the schedule with
// one read of the campaign. The details have no read, so the import plans
// an update that sends them again (a plannable import cannot be verified
// with ImportStateVerify; the lifecycle test verifies the import by id,
// ignoring them).
func TestAccCampaignScheduleIdentity(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	env := newTestEnv(t, emulator.Config{Seed: runCampaignSeed("Ready")})
	config := env.config(scheduleConfig(dailySchedule))
	stream := env.streamID()
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(scheduleAddr, map[string]knownvalue.Check{
						"id": knownvalue.StringExact(runVoiceCampaign), "stream_id": knownvalue.StringExact(stream),
					}),
					statecheck.ExpectIdentityValueMatchesState(scheduleAddr, tfjsonpath.New("id")),
				},
			},
			{
				PreConfig:          env.resetCounts,
				Config:             config,
				ResourceName:       scheduleAddr,
				ImportState:        true,
				ImportStateKind:    resource.ImportBlockWithResourceIdentity,
				ExpectNonEmptyPlan: true, // the details are sent again
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(scheduleAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(scheduleAddr, tfjsonpath.New("id"), knownvalue.StringExact(runVoiceCampaign)),
					plancheck.ExpectKnownValue(scheduleAddr, tfjsonpath.New("campaign_type"), knownvalue.StringExact("voice")),
					countsCheck(env.expectCounts(map[string]int{"GET /campaign/{id}": 1})),
				}},
			},
		},
	})
}

// An identity of another stream is refused before any request.
func TestAccCampaignScheduleIdentityOfAnotherStream(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	env := newTestEnv(t, emulator.Config{Seed: runCampaignSeed("Ready")})
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.config(scheduleConfig(dailySchedule) + fmt.Sprintf(`
import {
  to       = %s
  identity = { id = %q, stream_id = "st-someone-else" }
}
`, scheduleAddr, runVoiceCampaign)),
			ExpectError: wrapped(fmt.Sprintf(`Unable to import by identity .*The identity's stream_id is "st-someone-else", but the `+
				`provider is configured for the stream "%s".`, env.emu.Config().StreamID)),
		}},
	})
	env.expectNoRequests(t)
}

// TestCampaignScheduleIdentityRead reads, through the provider's protocol
// server as a CLI does, schedules whose state carries no identity (written
// before identities): the read gives the identity whether it keeps the
// schedule (on), or drops it (turned off, or its campaign gone). A state
// whose identity names another stream is neither read nor deleted. No CLI
// is involved, so it runs under every CLI.
func TestCampaignScheduleIdentityRead(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	seed := runCampaignSeed("Ready")
	for _, doc := range seed.Campaigns {
		if doc["id"] == runVoiceCampaign {
			doc["schedule"] = map[string]any{"isSchedulingEnabled": true, "isRecurrenceEnabled": true}
		}
	}
	env := newSerialTestEnv(t, emulator.Config{Seed: seed})
	stream := env.emu.Config().StreamID
	server := configuredServer(t, env)
	const typeName = "smartassist_campaign_schedule"
	typ := server.resourceType(t, typeName)
	str := func(v string) tftypes.Value { return tftypes.NewValue(tftypes.String, v) }
	state := func(id, kind string) *tfprotov6.DynamicValue {
		return dynamicValue(t, typ, map[string]tftypes.Value{"id": str(id), "campaign_id": str(id), "campaign_type": str(kind)})
	}
	for _, tc := range []struct {
		name, id, kind string
		kept           bool
	}{
		{"on", runVoiceCampaign, "voice", true},
		{"off", runSMSCampaign, "sms", false},
		{"campaign gone", "cd-00000000-0000-4000-8000-000000000000", "voice", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := server.ReadResource(t.Context(), &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: state(tc.id, tc.kind)})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range resp.Diagnostics {
				if d.Severity == tfprotov6.DiagnosticSeverityError {
					t.Fatalf("the read of state without identity failed: %s: %s", d.Summary, d.Detail)
				}
			}
			got := unmarshalObject(t, resp.NewState, typ)
			if tc.kept != (got != nil) || (tc.kept && (got["id"] != tc.id || got["campaign_name"] != "Spring renewals")) {
				t.Errorf("state after the read = %v, want kept %v", got, tc.kept)
			}
			if resp.NewIdentity == nil {
				t.Fatal("the read gave no identity")
			}
			ident := unmarshalObject(t, resp.NewIdentity.IdentityData, server.identityType(t, typeName))
			if ident["id"] != tc.id || ident["stream_id"] != stream {
				t.Errorf("identity %v, want id %s in stream %s", ident, tc.id, stream)
			}
		})
	}

	t.Run("another stream", func(t *testing.T) {
		const other = "st-someone-else"
		prior := state(runVoiceCampaign, "voice")
		identity := &tfprotov6.ResourceIdentityData{IdentityData: dynamicValue(t, server.identityType(t, typeName),
			map[string]tftypes.Value{"id": str(runVoiceCampaign), "stream_id": str(other)})}
		want := fmt.Sprintf("The state records the campaign schedule %s in the stream %q (its identity), but the provider is "+
			"configured for the stream %q, so nothing was sent and nothing was removed from the state.", runVoiceCampaign, other, stream)
		env.emu.ResetCounts()
		read, err := server.ReadResource(t.Context(), &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: prior, CurrentIdentity: identity})
		if err != nil {
			t.Fatal(err)
		}
		expectDiagnostic(t, "read", read.Diagnostics, "Unable to read campaign schedule", want)
		null, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, nil))
		if err != nil {
			t.Fatal(err)
		}
		del, err := server.ApplyResourceChange(t.Context(), &tfprotov6.ApplyResourceChangeRequest{
			TypeName: typeName, PriorState: prior, PlannedState: &null, Config: &null, PlannedIdentity: identity})
		if err != nil {
			t.Fatal(err)
		}
		expectDiagnostic(t, "delete", del.Diagnostics, "Unable to delete campaign schedule", want)
		if n := env.emu.TotalRequests(); n != 0 {
			t.Errorf("%d requests reached the API (%v); a state of another stream should send none", n, env.emu.Counts())
		}
	})
}
