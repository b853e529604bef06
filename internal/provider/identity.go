package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
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

// identityOf is the identity of the object with the id, in the provider's
// stream.
func identityOf(id types.String, providerStream string) identityModel {
	return identityModel{ID: id, StreamID: types.StringValue(providerStream)}
}

// skillIdentityOf is the identity of the skill with the id in the group, in
// the provider's stream.
func skillIdentityOf(groupID, id types.String, providerStream string) skillIdentityModel {
	return skillIdentityModel{SkillGroupID: groupID, ID: id, StreamID: types.StringValue(providerStream)}
}

// byIdentity reports whether an import gives an identity (an import block's
// identity = { … }) rather than an import id.
func byIdentity(req resource.ImportStateRequest) bool {
	return req.ID == "" && req.Identity != nil && !req.Identity.Raw.IsNull()
}

// importIdentity answers the id an import by identity names, checked
// against the provider's stream. given is false when the import gives an
// import id instead; when it is true and diags has an error, the identity
// is refused. kind names the object ("agent") in errors.
func importIdentity(ctx context.Context, req resource.ImportStateRequest, providerStream, kind string, diags *diag.Diagnostics) (id string, given bool) {
	if !byIdentity(req) {
		return "", false
	}
	var ident identityModel
	if diags.Append(req.Identity.Get(ctx, &ident)...); diags.HasError() {
		return "", true
	}
	diags.Append(checkIdentityStream(ident.StreamID, providerStream)...)
	id = strings.TrimSpace(ident.ID.ValueString())
	if id == "" {
		diags.AddError("Unable to import by identity",
			fmt.Sprintf("The identity's id is empty. Give the id of the %s (identity = { id = \"…\" }), or import it by its import id.", kind))
	}
	return id, true
}

// importSkillIdentity is importIdentity for a skill, which its group and
// its id name.
func importSkillIdentity(ctx context.Context, req resource.ImportStateRequest, providerStream string, diags *diag.Diagnostics) (groupID, id string, given bool) {
	if !byIdentity(req) {
		return "", "", false
	}
	var ident skillIdentityModel
	if diags.Append(req.Identity.Get(ctx, &ident)...); diags.HasError() {
		return "", "", true
	}
	diags.Append(checkIdentityStream(ident.StreamID, providerStream)...)
	groupID, id = strings.TrimSpace(ident.SkillGroupID.ValueString()), strings.TrimSpace(ident.ID.ValueString())
	if groupID == "" || id == "" {
		diags.AddError("Unable to import by identity",
			"The identity's skill_group_id or id is empty. Give both (identity = { skill_group_id = \"…\", id = \"…\" }), "+
				"or import the skill by its import id, <skill_group_id>/<skill_id>.")
	}
	return groupID, id, true
}

// checkStateStream refuses to read, update or delete an object whose
// identity in the state names another stream than the provider's: the
// provider configuration then points elsewhere (a mistyped stream_id, most
// often), a read there could find the object missing and drop it from the
// state, and an update or a delete would act on another stream. Every
// Read, Update and Delete calls it before any request: with -refresh=false
// no read runs before an update (whose planned identity is the prior
// one). State without an identity (written before identities) is not
// checked. kind and id name the object ("queue", "qu-1").
func checkStateStream(ctx context.Context, identity *tfsdk.ResourceIdentity, providerStream, summary, kind, id string) diag.Diagnostics {
	if identity == nil || identity.Raw.IsNull() {
		return nil
	}
	var stream types.String
	diags := identity.GetAttribute(ctx, path.Root("stream_id"), &stream)
	if diags.HasError() || stream.IsNull() || stream.IsUnknown() || stream.ValueString() == "" || stream.ValueString() == providerStream {
		return diags
	}
	diags.AddError(summary, fmt.Sprintf("The state records the %s %s in the stream %q (its identity), but the provider is configured "+
		"for the stream %q, so nothing was sent and nothing was removed from the state. If the provider's stream_id (or "+
		"SMARTASSIST_STREAM_ID) is mistyped, correct it, and check account_id and host as well. To manage the %s from "+
		"another stream, remove it from the state (a removed block, or terraform state rm) and import it with a provider "+
		"configured for that stream.", kind, id, stream.ValueString(), providerStream, kind))
	return diags
}
