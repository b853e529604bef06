package provider

import (
	"context"
	"fmt"
	"strings"

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
			fmt.Sprintf("following the API's pages until `limit` conversations (%d unless set, at most %d) are found or the list ends. ",
				conversationsDefaultLimit, conversationsMaxLimit) +
			"The API filters, and the provider checks each answer against the filters again.\n\n" +
			fmt.Sprintf("**Cost.** Each page is one API call, asking for up to %d conversations. The API may answer with fewer: its pages ", client.ConversationPageSize) +
			"document 10 a page, and then the default `limit` costs up to " + fmt.Sprint(conversationsDefaultLimit/10) + " calls and the " +
			fmt.Sprintf("ceiling up to %d, of the 60 a minute the API allows the whole account. ", conversationsMaxLimit/10) +
			"A server that ignores the filters makes the walk read further to find `limit` matches.\n\n" +
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
					fmt.Sprintf("are kept. Default %d; at most %d, so a read of a long history stays bounded. ", conversationsDefaultLimit, conversationsMaxLimit) +
					"To see older conversations, narrow `status`, `source` or `language` rather than read the whole history.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.Int64{conversationsLimit{}},
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
	if cfg.Limit.IsNull() {
		cfg.Limit = types.Int64Value(conversationsDefaultLimit)
	}
	limit := int(cfg.Limit.ValueInt64())
	convs, err := d.client.Conversations.ListAll(ctx, opts, limit)
	if err != nil {
		resp.Diagnostics.AddError("Unable to list conversations",
			fmt.Sprintf("Listing the conversations%s failed: %v", describeConversationFilters(opts), err)+errorHint(err))
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

const (
	// conversationsDefaultLimit is limit when it is not set.
	conversationsDefaultLimit = 100
	// conversationsMaxLimit bounds a read: up to 100 calls when the API
	// answers 10 a page, almost two minutes of the account's budget.
	conversationsMaxLimit = 1000
)

// conversationsLimit checks limit at plan time.
type conversationsLimit struct{}

func (conversationsLimit) Description(context.Context) string {
	return fmt.Sprintf("must be from 1 to %d", conversationsMaxLimit)
}

func (v conversationsLimit) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (conversationsLimit) ValidateInt64(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if n := req.ConfigValue.ValueInt64(); n < 1 || n > conversationsMaxLimit {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid limit",
			fmt.Sprintf("limit is %d; it must be from 1 to %d (the default is %d). A read walks the API's pages, which may hold "+
				"only 10 conversations each, so %d conversations can cost %d calls of the 60 a minute the account has. "+
				"Narrow status, source or language to reach older conversations.",
				n, conversationsMaxLimit, conversationsDefaultLimit, conversationsMaxLimit, conversationsMaxLimit/10))
	}
}
