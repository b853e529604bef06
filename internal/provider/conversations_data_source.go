package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*conversationsDataSource)(nil)

func newConversationsDataSource() datasource.DataSource { return &conversationsDataSource{} }

type conversationsDataSource struct {
	client *client.Client
}

type conversationsDataSourceModel struct {
	Status        types.Set           `tfsdk:"status"`
	Source        types.String        `tfsdk:"source"`
	Language      types.String        `tfsdk:"language"`
	Limit         types.Int64         `tfsdk:"limit"`
	IDs           []types.String      `tfsdk:"ids"`
	Conversations []conversationModel `tfsdk:"conversations"`
}

func (d *conversationsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversations"
}

func (d *conversationsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	nonEmpty := []validator.String{stringvalidator.LengthAtLeast(1)}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists conversations of the contact center, optionally filtered by status, channel and language, " +
			"following the API's pages until `limit` conversations are found or the list ends. The API filters, and the " +
			fmt.Sprintf("provider checks each answer against the filters again. Each page is one API call of up to %d ", client.ConversationPageSize) +
			"conversations, and the API allows about 60 calls a minute for the whole account: set `limit` when the history is long.\n\n" +
			conversationPersonalData + " Unlike `smartassist_conversation`, this data source does not store `raw_json`, " +
			"so the end user's IP address, location and device (`userInfo`) stay out of the state.",
		Attributes: map[string]schema.Attribute{
			"status": schema.SetAttribute{
				MarkdownDescription: "Only conversations with one of these statuses: " + quotedList(client.ConversationStatuses) +
					", in upper case. Without it, conversations of every status.",
				Optional:    true,
				ElementType: types.StringType,
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.OneOf(client.ConversationStatuses...)),
				},
			},
			"source": schema.StringAttribute{
				MarkdownDescription: "Only conversations from this channel, such as `rtm` (web and mobile chat), as the API " +
					"names it in each conversation's `source`.",
				Optional:   true,
				Validators: nonEmpty,
			},
			"language": schema.StringAttribute{
				MarkdownDescription: "Only conversations in this language, given as the language code the API uses, such as `en`.",
				Optional:            true,
				Validators:          nonEmpty,
			},
			"limit": schema.Int64Attribute{
				MarkdownDescription: "The most conversations to return, across all pages; the first ones in the API's order " +
					"are kept. Without it, every matching conversation is returned.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"ids": schema.ListAttribute{
				MarkdownDescription: "IDs of the matching conversations, each once, in the order the API returns them.",
				Computed:            true,
				ElementType:         types.StringType,
			},
			"conversations": schema.ListNestedAttribute{
				MarkdownDescription: "The matching conversations, in the same order as `ids`, with the attributes of the " +
					"`smartassist_conversation` data source except `raw_json`.",
				Computed:     true,
				NestedObject: schema.NestedAttributeObject{Attributes: conversationDataSourceAttributes()},
			},
		},
	}
}

func (d *conversationsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.client = data.client
	}
}

func (d *conversationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg conversationsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	opts := client.ConversationListOptions{
		Source:   cfg.Source.ValueString(),
		Language: cfg.Language.ValueString(),
	}
	if !cfg.Status.IsNull() {
		resp.Diagnostics.Append(cfg.Status.ElementsAs(ctx, &opts.Status, false)...)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	limit := 0 // no bound
	if !cfg.Limit.IsNull() {
		limit = int(cfg.Limit.ValueInt64())
	}
	convs, err := d.client.Conversations.ListAll(ctx, opts, limit)
	if err != nil {
		resp.Diagnostics.AddError("Unable to list conversations",
			fmt.Sprintf("Listing the conversations%s failed: %v", describeConversationFilters(opts), err))
		return
	}
	cfg.IDs = make([]types.String, 0, len(convs))
	cfg.Conversations = make([]conversationModel, 0, len(convs))
	for i := range convs {
		m := conversationModelFrom(&convs[i])
		cfg.IDs = append(cfg.IDs, m.ID)
		cfg.Conversations = append(cfg.Conversations, m)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}

// describeConversationFilters names the filters of a listing for an error
// message: " with status CLOSED, source rtm", or "".
func describeConversationFilters(o client.ConversationListOptions) string {
	var parts []string
	if len(o.Status) > 0 {
		parts = append(parts, "status "+strings.Join(o.Status, " or "))
	}
	if o.Source != "" {
		parts = append(parts, "source "+o.Source)
	}
	if o.Language != "" {
		parts = append(parts, "language "+o.Language)
	}
	if len(parts) == 0 {
		return ""
	}
	return " with " + strings.Join(parts, ", ")
}
