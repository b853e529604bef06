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

var _ list.ListResourceWithConfigure = (*queueListResource)(nil)

func newQueueListResource() list.ListResource { return &queueListResource{} }

// queueListResource lists the queues of the account for `terraform query`.
type queueListResource struct {
	data *providerData
}

func (r *queueListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_queue"
}

func (r *queueListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the queues of the account, in the API's order, optionally filtered, for `terraform query` " +
			"(Terraform 1.14 and later). Each result is shown by the queue's name and carries its identity; " +
			"`terraform query -generate-config-out=FILE` writes a `smartassist_queue` block and an `import` block for each." +
			listCostNote + " The list's entries carry the whole queue, so `include_resource` costs no more calls.",
		Attributes: map[string]schema.Attribute{
			"name_contains": listNameContainsAttribute("queues", "name"),
			"ids":           listIDsAttribute("queues"),
		},
	}
}

func (r *queueListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = configureList(req, resp)
}

func (r *queueListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg listFilter
	if configDiagnostics(stream, req.Config.Get(ctx, &cfg)) {
		return
	}
	match, diags := cfg.matcher(ctx)
	if configDiagnostics(stream, diags) {
		return
	}
	streamList(ctx, req, stream, "Unable to list queues", func(s *resultStream) error {
		return r.data.client.Queues.Walk(ctx, func(q *client.Queue) bool {
			if !match.keeps(string(q.ID), string(q.Name)) {
				return true
			}
			more := s.emit(string(q.Name), identityModel{ID: types.StringValue(string(q.ID)), StreamID: types.StringValue(r.data.streamID)},
				func() (any, diag.Diagnostics) {
					m := queueModelFrom(q)
					return &m, nil
				})
			return more && !match.done()
		})
	}, func(err error) string { return fmt.Sprintf("Listing the queues failed: %v", err) })
}
