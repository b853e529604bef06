package docschema_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/koreai/terraform-provider-smartassist/internal/docschema"
	"github.com/koreai/terraform-provider-smartassist/internal/provider"
)

// The docs need what only a Terraform 1.14+ CLI reported: identity and list
// resource schemas. Read from the provider itself, they are all there.
func TestReadGivesEveryKindOfSchema(t *testing.T) {
	got, err := docschema.Read(t.Context(), providerserver.NewProtocol6(provider.New("test")())(), "smartassist")
	if err != nil {
		t.Fatal(err)
	}
	if got.FormatVersion != "1.0" || len(got.Schemas) != 1 {
		t.Fatalf("format %q, %d providers", got.FormatVersion, len(got.Schemas))
	}
	p := got.Schemas["smartassist"]
	if p == nil || p.ConfigSchema == nil {
		t.Fatalf("no provider schema under smartassist: %v", got.Schemas)
	}
	if a := p.ConfigSchema.Block.Attributes["client_secret"]; a == nil || !a.Sensitive {
		t.Errorf("provider client_secret = %+v, want a sensitive attribute", a)
	}
	agent := p.ResourceSchemas["smartassist_agent"]
	if agent == nil || agent.Block.Attributes["email"] == nil || !agent.Block.Attributes["email"].Required {
		t.Errorf("smartassist_agent email is not a required attribute: %+v", agent)
	}
	if id := p.ResourceIdentitySchemas["smartassist_agent"]; id == nil || id.Attributes["id"] == nil {
		t.Errorf("smartassist_agent identity = %+v, want an id attribute", id)
	}
	if p.ListResourceSchemas["smartassist_agent"] == nil {
		t.Errorf("no list resource schema for smartassist_agent; have %d", len(p.ListResourceSchemas))
	}
	if p.DataSourceSchemas["smartassist_conversations"] == nil {
		t.Errorf("no data source schema for smartassist_conversations")
	}
}
