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

var _ list.ListResourceWithConfigure = (*agentGroupListResource)(nil)

func newAgentGroupListResource() list.ListResource { return &agentGroupListResource{} }

// agentGroupListResource lists the agent groups of the account for
// `terraform query`.
type agentGroupListResource struct {
	data *providerData
}

func (r *agentGroupListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_agent_group"
}

func (r *agentGroupListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the agent groups of the account, in the API's order, optionally filtered, for `terraform query` " +
			"(Terraform 1.14 and later). Each result is shown by the group's name and carries its identity; " +
			"`terraform query -generate-config-out=FILE` writes a `smartassist_agent_group` block and an `import` block for each." +
			listCostNote + " The list's entries carry the whole group with its managers, so `include_resource` costs no more calls.",
		Attributes: map[string]schema.Attribute{
			"name_contains": listNameContainsAttribute("agent groups", "name"),
			"ids":           listIDsAttribute("agent groups"),
		},
	}
}

func (r *agentGroupListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = configureList(req, resp)
}

func (r *agentGroupListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg listFilter
	if configDiagnostics(stream, req.Config.Get(ctx, &cfg)) {
		return
	}
	match, diags := cfg.matcher(ctx)
	if configDiagnostics(stream, diags) {
		return
	}
	streamList(ctx, req, stream, "Unable to list agent groups", func(s *resultStream) error {
		return r.data.client.AgentGroups.Walk(ctx, func(g *client.AgentGroup) bool {
			if !match.keeps(string(g.ID), string(g.Name)) {
				return true
			}
			more := s.emit(string(g.Name), identityModel{ID: types.StringValue(string(g.ID)), StreamID: types.StringValue(r.data.streamID)},
				func() (any, diag.Diagnostics) {
					// As the resource's Read after an import: managers the
					// answer cannot name (no userId) are none, not unknown.
					m, _ := agentGroupModelFrom(g)
					if m.Managers == nil {
						m.Managers = []agentGroupManagerModel{}
					}
					return &m, nil
				})
			return more && !match.done()
		})
	}, func(err error) string { return fmt.Sprintf("Listing the agent groups failed: %v", err) })
}
