package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var _ list.ListResourceWithConfigure = (*skillGroupListResource)(nil)

func newSkillGroupListResource() list.ListResource { return &skillGroupListResource{} }

// skillGroupListResource lists the skill groups of the account for `terraform query`.
type skillGroupListResource struct {
	data *providerData
}

func (r *skillGroupListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_skill_group"
}

func (r *skillGroupListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the skill groups of the account, in the API's order, optionally filtered, for `terraform query` " +
			"(Terraform 1.14 and later). Each result is shown by the skill group's name and carries its identity; " +
			"`terraform query -generate-config-out=FILE` writes a `smartassist_skill_group` block and an `import` block for each." +
			listCostNote + " The list's entries carry the whole skill group, so `include_resource` costs no more calls.",
		Attributes: map[string]schema.Attribute{
			"name_contains": listNameContainsAttribute("skill groups", "name"),
			"ids":           listIDsAttribute("skill groups"),
		},
	}
}

func (r *skillGroupListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = configureList(req, resp)
}

func (r *skillGroupListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg listFilter
	if configDiagnostics(stream, req.Config.Get(ctx, &cfg)) {
		return
	}
	match, diags := cfg.matcher(ctx)
	if configDiagnostics(stream, diags) {
		return
	}
	streamList(ctx, req, stream, "Unable to list skill groups", func(s *resultStream) error {
		return r.data.client.SkillGroups.Walk(ctx, func(q *client.SkillGroup) bool {
			if !match.keeps(string(q.ID), string(q.Name)) {
				return true
			}
			more := s.emit(string(q.Name), identityModel{ID: types.StringValue(string(q.ID)), StreamID: types.StringValue(r.data.streamID)},
				func() (any, diag.Diagnostics) {
					m := skillGroupModelFrom(q)
					return &m, nil
				})
			return more && !match.done()
		})
	}, func(err error) string { return fmt.Sprintf("Listing the skill groups failed: %v", err) })
}
