package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var _ list.ListResourceWithConfigure = (*agentListResource)(nil)

func newAgentListResource() list.ListResource { return &agentListResource{} }

// agentListResource lists the agents of the account for `terraform query`.
type agentListResource struct {
	data *providerData
}

type agentListModel struct {
	NameContains  types.String `tfsdk:"name_contains"`
	EmailContains types.String `tfsdk:"email_contains"`
	IDs           types.List   `tfsdk:"ids"`
}

func (r *agentListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_agent"
}

func (r *agentListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the agents of the account, in the API's order, optionally filtered, for `terraform query` " +
			"(Terraform 1.14 and later). Each result is shown as `First Last <email>` and carries the agent's identity; " +
			"`terraform query -generate-config-out=FILE` writes a `smartassist_agent` block and an `import` block for each." +
			listCostNote + " With `include_resource` (and with `-generate-config-out`), each agent is also read with its own " +
			"call, because the list does not carry an agent's `custom_id` or whether it is a queue's preferred agent.",
		Attributes: map[string]schema.Attribute{
			"name_contains": listNameContainsAttribute("agents", "first name, last name, full name or nickname"),
			"email_contains": schema.StringAttribute{
				MarkdownDescription: "Only agents whose email contains this text, without regard to case.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"ids": listIDsAttribute("agents"),
		},
	}
}

func (r *agentListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = configureList(req, resp)
}

func (r *agentListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg agentListModel
	diags := req.Config.Get(ctx, &cfg)
	if configDiagnostics(stream, diags) {
		return
	}
	match, diags := listFilter{NameContains: cfg.NameContains, IDs: cfg.IDs}.matcher(ctx)
	if configDiagnostics(stream, diags) {
		return
	}
	email := strings.ToLower(cfg.EmailContains.ValueString())
	streamList(ctx, req, stream, "Unable to list agents", func(s *resultStream) error {
		return r.data.client.Agents.Walk(ctx, false, func(a *client.Agent) bool {
			if email != "" && !strings.Contains(strings.ToLower(string(a.EmailID)), email) {
				return true
			}
			first, last := string(a.FirstName), string(a.LastName)
			if !match.keeps(string(a.ID), first, last, first+" "+last, string(a.NickName)) {
				return true
			}
			id := string(a.ID)
			more := s.emit(agentDisplayName(a), identityModel{ID: types.StringValue(id), StreamID: types.StringValue(r.data.streamID)},
				func() (any, diag.Diagnostics) { return r.resource(ctx, id) })
			return more && !match.done()
		})
	}, func(err error) string { return fmt.Sprintf("Listing the agents failed: %v", err) })
}

// resource is the agent as the resource's Read after an import maps it:
// from its GET, which alone carries custom_id and the queue preferences.
func (r *agentListResource) resource(ctx context.Context, id string) (any, diag.Diagnostics) {
	a, err := r.data.client.Agents.Get(ctx, id)
	if err != nil {
		return nil, readFailed("Unable to read agent", fmt.Sprintf("Reading the listed agent %s", id), err)
	}
	m := agentModelFrom(a)
	if m.ID.IsNull() {
		m.ID = types.StringValue(id)
	}
	return &m, nil
}

// agentDisplayName is how a person recognises an agent: `First Last
// <email>`, or the email alone when the agent has no name.
func agentDisplayName(a *client.Agent) string {
	name := strings.TrimSpace(string(a.FirstName) + " " + string(a.LastName))
	if name == "" {
		return string(a.EmailID)
	}
	return fmt.Sprintf("%s <%s>", name, a.EmailID)
}
