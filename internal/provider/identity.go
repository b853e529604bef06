package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Resource identity (Terraform 1.12+, OpenTofu 1.12+): what names an object
// of the account across configurations, so an import block can give it as
// `identity = { id = "…" }` and `terraform query` can hand it to an import.
// Every resource's identity is its id and the stream it lives in; a skill's
// also carries its skill group, because the API reads a skill only under it.
// stream_id is optional for import and, when given, must be the provider's.

// identityModel is the identity of an agent, queue, skill group, agent
// group or contact.
type identityModel struct {
	ID       types.String `tfsdk:"id"`
	StreamID types.String `tfsdk:"stream_id"`
}

// skillIdentityModel is the identity of a skill.
type skillIdentityModel struct {
	SkillGroupID types.String `tfsdk:"skill_group_id"`
	ID           types.String `tfsdk:"id"`
	StreamID     types.String `tfsdk:"stream_id"`
}

// identityStreamAttribute is the stream_id of every identity schema.
func identityStreamAttribute() identityschema.StringAttribute {
	return identityschema.StringAttribute{
		OptionalForImport: true,
		Description: "ID of the stream (st-…) the object lives in. Optional for import; when given, it must be the " +
			"provider's stream_id.",
	}
}

// identitySchema is the identity schema of a resource whose id alone names
// it; idDescription says what the id looks like.
func identitySchema(idDescription string) identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id":        identityschema.StringAttribute{RequiredForImport: true, Description: idDescription},
			"stream_id": identityStreamAttribute(),
		},
	}
}

// skillIdentitySchema is the skill's identity schema.
func skillIdentitySchema() identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"skill_group_id": identityschema.StringAttribute{RequiredForImport: true,
				Description: "ID of the skill group the skill belongs to."},
			"id":        identityschema.StringAttribute{RequiredForImport: true, Description: "ID of the skill."},
			"stream_id": identityStreamAttribute(),
		},
	}
}

// setIdentity writes an object's identity, where the CLI has one to write
// (a nil identity is a CLI older than identities).
func setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, v any) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	return identity.Set(ctx, v)
}

// checkIdentityStream refuses an identity whose stream_id is not the
// provider's: importing it would read another stream's object, or none.
func checkIdentityStream(stream types.String, providerStream string) diag.Diagnostics {
	var diags diag.Diagnostics
	if stream.IsNull() || stream.IsUnknown() || stream.ValueString() == "" || stream.ValueString() == providerStream {
		return diags
	}
	diags.AddError("Unable to import by identity",
		fmt.Sprintf("The identity's stream_id is %q, but the provider is configured for the stream %q. Import it with a provider "+
			"configured for that stream, or leave stream_id out of the identity.", stream.ValueString(), providerStream))
	return diags
}
