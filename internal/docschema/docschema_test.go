package docschema

import (
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The JSON below is what `terraform providers schema -json` (1.16) writes
// for the same protocol schema; tfplugindocs reads nothing else.
func TestSchemaIsWhatTheCLIWrites(t *testing.T) {
	in := &tfprotov6.Schema{
		Version: 2,
		Block: &tfprotov6.SchemaBlock{
			Description:     "An agent.",
			DescriptionKind: tfprotov6.StringKindMarkdown,
			Attributes: []*tfprotov6.SchemaAttribute{
				{Name: "id", Type: tftypes.String, Computed: true, Description: "The id."},
				{Name: "emails", Type: tftypes.Set{ElementType: tftypes.String}, Optional: true, Sensitive: true, DescriptionKind: tfprotov6.StringKindMarkdown},
				{Name: "hours", Required: true, NestedType: &tfprotov6.SchemaObject{
					Nesting: tfprotov6.SchemaObjectNestingModeList,
					Attributes: []*tfprotov6.SchemaAttribute{
						{Name: "day", Type: tftypes.Object{AttributeTypes: map[string]tftypes.Type{"n": tftypes.Number}}, Required: true},
					},
				}},
			},
			BlockTypes: []*tfprotov6.SchemaNestedBlock{{
				TypeName: "timeouts",
				Nesting:  tfprotov6.SchemaNestedBlockNestingModeSingle,
				Block: &tfprotov6.SchemaBlock{Attributes: []*tfprotov6.SchemaAttribute{
					{Name: "create", Type: tftypes.String, Optional: true, Deprecated: true},
				}},
			}, {
				TypeName: "rule",
				Nesting:  tfprotov6.SchemaNestedBlockNestingModeSet,
				MinItems: 1,
				MaxItems: 3,
				Block:    &tfprotov6.SchemaBlock{},
			}},
		},
	}
	got, err := schema(in)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"version":2,"block":{"attributes":{` +
		`"emails":{"type":["set","string"],"description_kind":"markdown","optional":true,"sensitive":true},` +
		`"hours":{"nested_type":{"attributes":{"day":{"type":["object",{"n":"number"}],"description_kind":"plain","required":true}},"nesting_mode":"list"},"description_kind":"plain","required":true},` +
		`"id":{"type":"string","description":"The id.","description_kind":"plain","computed":true}},` +
		`"block_types":{"rule":{"nesting_mode":"set","block":{"description_kind":"plain"},"min_items":1,"max_items":3},` +
		`"timeouts":{"nesting_mode":"single","block":{"attributes":{"create":{"type":"string","description_kind":"plain","deprecated":true,"optional":true}},"description_kind":"plain"}}},` +
		`"description":"An agent.","description_kind":"markdown"}}`
	assertJSON(t, got, want)
}

func TestIdentityIsWhatTheCLIWrites(t *testing.T) {
	got, err := identity(&tfprotov6.ResourceIdentitySchema{
		Version: 1,
		IdentityAttributes: []*tfprotov6.ResourceIdentitySchemaAttribute{
			{Name: "id", Type: tftypes.String, RequiredForImport: true, Description: "The id."},
			{Name: "stream_id", Type: tftypes.String, OptionalForImport: true},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	assertJSON(t, got, `{"version":1,"attributes":{"id":{"type":"string","description":"The id.","required_for_import":true},"stream_id":{"type":"string","optional_for_import":true}}}`)
}

func TestANestingModeWithoutAJSONNameIsAnError(t *testing.T) {
	_, err := block(&tfprotov6.SchemaBlock{BlockTypes: []*tfprotov6.SchemaNestedBlock{{TypeName: "odd", Block: &tfprotov6.SchemaBlock{}}}})
	if err == nil || err.Error() != "block odd: nesting mode INVALID has no JSON name" {
		t.Fatalf("err = %v", err)
	}
}

func assertJSON(t *testing.T, got any, want string) {
	t.Helper()
	raw, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	if string(raw) != want {
		t.Errorf("JSON\n got: %s\nwant: %s", raw, want)
	}
}
