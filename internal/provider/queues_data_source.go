package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*queuesDataSource)(nil)

func newQueuesDataSource() datasource.DataSource { return &queuesDataSource{} }

type queuesDataSource struct {
	client *client.Client
}

type queuesDataSourceModel struct {
	NameContains types.String   `tfsdk:"name_contains"`
	IDs          []types.String `tfsdk:"ids"`
	Queues       []queueModel   `tfsdk:"queues"`
}

func (d *queuesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_queues"
}

func (d *queuesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists every queue of the account, across all pages of the API's queue list, optionally filtered by " +
			"name. Use it to find the ids of existing queues, for example to import them.",
		Attributes: map[string]schema.Attribute{
			"name_contains": nameContainsAttribute("queues"),
			"ids":           idsAttribute("queues"),
			"queues": schema.ListNestedAttribute{
				MarkdownDescription: "The matching queues, in the API's order, with the attributes of the `smartassist_queue` data source.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: queueDataSourceAttributes()},
			},
		},
	}
}

func (d *queuesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.client = data.client
	}
}

func (d *queuesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg queuesDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	queues, err := d.client.Queues.ListAll(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Unable to list queues", fmt.Sprintf("Listing the queues failed: %v", err)+errorHint(err))
		return
	}
	cfg.IDs, cfg.Queues = namesContaining(queues, cfg.NameContains.ValueString(), queueModelFrom,
		func(m *queueModel) (types.String, types.String) { return m.Name, m.ID })
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
