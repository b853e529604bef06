package provider

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// seedJohnContact is a contact of the default seed.
const seedJohnContact = "6964af60450340957c6a1b01"

// TestIdentityReadOfStateWithoutIdentity reads, through the provider's
// protocol server as a CLI does, state that carries no identity (written by
// an earlier provider, or by a CLI before 1.12): the read must succeed and
// give the identity, also when it finds the object gone and drops it. No
// CLI is involved, so it runs under every CLI of the matrix.
func TestIdentityReadOfStateWithoutIdentity(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	env := newSerialTestEnv(t)
	stream := env.emu.Config().StreamID
	server := configuredServer(t, env)
	const gone = "633ffac608f3a07459939fff" // no object has it
	for _, tc := range []struct {
		typeName, id, groupID, goneID string
	}{
		{"smartassist_agent", seedMariaID, "", "a-" + gone},
		{"smartassist_queue", seedSupportQueue, "", "qu-" + gone},
		{"smartassist_skill", seedSpanishSkill, seedLanguagesSkillGroup, gone},
		{"smartassist_skill_group", seedLanguagesSkillGroup, "", gone},
		{"smartassist_agent_group", seedTier1Group, "", "ag-" + gone},
		{"smartassist_contact", seedJohnContact, "", gone},
	} {
		t.Run(tc.typeName, func(t *testing.T) {
			for _, read := range []struct {
				name, id string
				exists   bool
			}{{"exists", tc.id, true}, {"gone", tc.goneID, false}} {
				state := map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, read.id)}
				want := map[string]string{"id": read.id, "stream_id": stream}
				if tc.groupID != "" {
					state["skill_group_id"] = tftypes.NewValue(tftypes.String, tc.groupID)
					want["skill_group_id"] = tc.groupID
				}
				resp, err := server.ReadResource(t.Context(), &tfprotov6.ReadResourceRequest{
					TypeName:     tc.typeName,
					CurrentState: dynamicValue(t, server.resourceType(t, tc.typeName), state),
					// CurrentIdentity nil: the state has none.
				})
				if err != nil {
					t.Fatalf("%s: ReadResource: %v", read.name, err)
				}
				for _, d := range resp.Diagnostics {
					if d.Severity == tfprotov6.DiagnosticSeverityError {
						t.Fatalf("%s: the read of state without identity failed: %s: %s", read.name, d.Summary, d.Detail)
					}
				}
				newState := unmarshalObject(t, resp.NewState, server.resourceType(t, tc.typeName))
				if gotID := newState["id"]; read.exists != (gotID != "") || (read.exists && gotID != read.id) {
					t.Errorf("%s: state id after the read = %q (exists %v)", read.name, gotID, read.exists)
				}
				if resp.NewIdentity == nil {
					t.Fatalf("%s: the read gave no identity", read.name)
				}
				got := unmarshalObject(t, resp.NewIdentity.IdentityData, server.identityType(t, tc.typeName))
				for k, v := range want {
					if got[k] != v {
						t.Errorf("%s: identity %s = %q, want %q (identity %v)", read.name, k, got[k], v, got)
					}
				}
			}
		})
	}
}

// protoServer is the provider's protocol server with its schemas.
type protoServer struct {
	tfprotov6.ProviderServer
	schemas  *tfprotov6.GetProviderSchemaResponse
	identity *tfprotov6.GetResourceIdentitySchemasResponse
}

func (s *protoServer) resourceType(t *testing.T, typeName string) tftypes.Type {
	t.Helper()
	sch, ok := s.schemas.ResourceSchemas[typeName]
	if !ok {
		t.Fatalf("no resource %s", typeName)
	}
	return sch.ValueType()
}

func (s *protoServer) identityType(t *testing.T, typeName string) tftypes.Type {
	t.Helper()
	sch, ok := s.identity.IdentitySchemas[typeName]
	if !ok {
		t.Fatalf("no identity schema for %s", typeName)
	}
	return sch.ValueType()
}

// configuredServer is the provider's protocol server, configured for the
// emulator as a CLI would.
func configuredServer(t *testing.T, env *testEnv) *protoServer {
	t.Helper()
	clearProviderEnv(t)
	srv, err := providerserver.NewProtocol6WithError(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	s := &protoServer{ProviderServer: srv}
	if s.schemas, err = srv.GetProviderSchema(t.Context(), &tfprotov6.GetProviderSchemaRequest{}); err != nil {
		t.Fatal(err)
	}
	if s.identity, err = srv.GetResourceIdentitySchemas(t.Context(), &tfprotov6.GetResourceIdentitySchemasRequest{}); err != nil {
		t.Fatal(err)
	}
	c := env.emu.Config()
	str := func(v string) tftypes.Value { return tftypes.NewValue(tftypes.String, v) }
	config := dynamicValue(t, s.schemas.Provider.ValueType(), map[string]tftypes.Value{
		"host": str(env.url), "stream_id": str(c.StreamID), "account_id": str(c.AccountID),
		"client_id": str(c.ClientID), "client_secret": str(c.ClientSecret),
		"requests_per_minute": tftypes.NewValue(tftypes.Number, big.NewFloat(60000)),
	})
	resp, err := srv.ConfigureProvider(t.Context(), &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.11.4", Config: config})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			t.Fatalf("configuring the provider: %s: %s", d.Summary, d.Detail)
		}
	}
	return s
}

// dynamicValue is an object of typ with the given attributes, every other
// one null.
func dynamicValue(t *testing.T, typ tftypes.Type, attrs map[string]tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	obj, ok := typ.(tftypes.Object)
	if !ok {
		t.Fatalf("%v is not an object type", typ)
	}
	vals := map[string]tftypes.Value{}
	for name, at := range obj.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
	}
	for name, v := range attrs {
		if _, ok := obj.AttributeTypes[name]; !ok {
			t.Fatalf("no attribute %s in %v", name, typ)
		}
		vals[name] = v
	}
	dv, err := tfprotov6.NewDynamicValue(obj, tftypes.NewValue(obj, vals))
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}

// unmarshalObject is the string attributes of an object value; nil for a
// null value.
func unmarshalObject(t *testing.T, dv *tfprotov6.DynamicValue, typ tftypes.Type) map[string]string {
	t.Helper()
	if dv == nil {
		return nil
	}
	v, err := dv.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	if v.IsNull() {
		return nil
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for name, a := range attrs {
		var s string
		if a.Type().Is(tftypes.String) && a.IsKnown() && !a.IsNull() && a.As(&s) == nil {
			out[name] = s
		}
	}
	return out
}

// TestIdentityOfAnotherStreamInStateIsNeitherReadNorDeleted reads and
// deletes objects whose identity in the state names another stream than
// the provider's (a mistyped stream_id): both fail with an error naming
// the two streams, before any request, so nothing is dropped from the
// state and nothing is deleted in the wrong stream.
func TestIdentityOfAnotherStreamInStateIsNeitherReadNorDeleted(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	env := newSerialTestEnv(t)
	server := configuredServer(t, env)
	const other = "st-someone-else"
	for _, tc := range []struct{ typeName, kind, id, groupID string }{
		{"smartassist_agent", "agent", seedMariaID, ""},
		{"smartassist_queue", "queue", seedSupportQueue, ""},
		{"smartassist_skill", "skill", seedSpanishSkill, seedLanguagesSkillGroup},
		{"smartassist_skill_group", "skill group", seedLanguagesSkillGroup, ""},
		{"smartassist_agent_group", "agent group", seedTier1Group, ""},
		{"smartassist_contact", "contact", seedJohnContact, ""},
	} {
		t.Run(tc.typeName, func(t *testing.T) {
			attrs := map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, tc.id)}
			ident := map[string]tftypes.Value{"id": attrs["id"], "stream_id": tftypes.NewValue(tftypes.String, other)}
			if tc.groupID != "" {
				attrs["skill_group_id"] = tftypes.NewValue(tftypes.String, tc.groupID)
				ident["skill_group_id"] = attrs["skill_group_id"]
			}
			typ := server.resourceType(t, tc.typeName)
			state := dynamicValue(t, typ, attrs)
			identity := &tfprotov6.ResourceIdentityData{IdentityData: dynamicValue(t, server.identityType(t, tc.typeName), ident)}
			want := fmt.Sprintf("The state records the %s %s in the stream %q (its identity), but the provider is configured for the stream %q, "+
				"so nothing was sent and nothing was removed from the state.", tc.kind, tc.id, other, env.emu.Config().StreamID)
			env.emu.ResetCounts()

			read, err := server.ReadResource(t.Context(), &tfprotov6.ReadResourceRequest{
				TypeName: tc.typeName, CurrentState: state, CurrentIdentity: identity})
			if err != nil {
				t.Fatal(err)
			}
			expectDiagnostic(t, "read", read.Diagnostics, "Unable to read "+tc.kind, want)

			null, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, nil))
			if err != nil {
				t.Fatal(err)
			}
			del, err := server.ApplyResourceChange(t.Context(), &tfprotov6.ApplyResourceChangeRequest{
				TypeName: tc.typeName, PriorState: state, PlannedState: &null, Config: &null, PlannedIdentity: identity})
			if err != nil {
				t.Fatal(err)
			}
			expectDiagnostic(t, "delete", del.Diagnostics, "Unable to delete "+tc.kind, want)
			if n := env.emu.TotalRequests(); n != 0 {
				t.Errorf("%d requests reached the API (%v); a state of another stream should send none", n, env.emu.Counts())
			}
		})
	}
}

// expectDiagnostic checks that diags hold exactly one error, with the
// summary and a detail that contains detail.
func expectDiagnostic(t *testing.T, op string, diags []*tfprotov6.Diagnostic, summary, detail string) {
	t.Helper()
	var errs []*tfprotov6.Diagnostic
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			errs = append(errs, d)
		}
	}
	if len(errs) != 1 || errs[0].Summary != summary || !strings.Contains(errs[0].Detail, detail) {
		var got []string
		for _, d := range errs {
			got = append(got, d.Summary+": "+d.Detail)
		}
		t.Errorf("%s: errors %q, want one %q containing %q", op, got, summary, detail)
	}
}

// TestIdentityImportOfEmptyIDIsRefused imports by an identity whose id is
// empty (Terraform requires the attribute, not a value): the import says
// what to give, before any request.
func TestIdentityImportOfEmptyIDIsRefused(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	env := newSerialTestEnv(t)
	server := configuredServer(t, env)
	empty := tftypes.NewValue(tftypes.String, "")
	for _, tc := range []struct {
		typeName string
		identity map[string]tftypes.Value
		want     string
	}{
		{"smartassist_queue", map[string]tftypes.Value{"id": empty}, `The identity's id is empty. Give the id of the queue`},
		{"smartassist_skill", map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, seedSpanishSkill), "skill_group_id": empty},
			`The identity's skill_group_id or id is empty.`},
	} {
		t.Run(tc.typeName, func(t *testing.T) {
			env.emu.ResetCounts()
			resp, err := server.ImportResourceState(t.Context(), &tfprotov6.ImportResourceStateRequest{
				TypeName: tc.typeName,
				Identity: &tfprotov6.ResourceIdentityData{IdentityData: dynamicValue(t, server.identityType(t, tc.typeName), tc.identity)},
			})
			if err != nil {
				t.Fatal(err)
			}
			expectDiagnostic(t, "import", resp.Diagnostics, "Unable to import by identity", tc.want)
			if n := env.emu.TotalRequests(); n != 0 {
				t.Errorf("%d requests reached the API (%v); a refused identity should send none", n, env.emu.Counts())
			}
		})
	}
}
