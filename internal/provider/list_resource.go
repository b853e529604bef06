package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The six list resources differ only in what listKind describes, so one
// type implements them all; each <type>_list.go holds its kind's
// descriptor: its texts, its own filters, its walk and its mapping.

var _ list.ListResourceWithConfigure = (*listResource[listFilter, struct{}])(nil)

// listConfig is a list resource's configuration: the shared name_contains
// and ids filters, with the kind's own filters beside them.
type listConfig interface {
	filter() listFilter
}

// listKind describes the list resource of the API objects T, configured by C.
type listKind[C listConfig, T any] struct {
	typeName    string // after the provider's type name: "_queue"
	plural      string // "queues": the error texts and the shared filters' texts
	nameOf      string // what name_contains is matched against: "name"
	description string // the schema's MarkdownDescription
	// filters are the kind's own filter attributes, beside name_contains
	// and ids.
	filters map[string]schema.Attribute
	// walk visits the objects the configuration asks for, in the API's
	// order, until visit answers false.
	walk func(ctx context.Context, d *providerData, cfg C, visit func(*T) bool) error
	// keeps applies the kind's own filters (nil: none); it runs before
	// name_contains and ids, which count the ids they meet.
	keeps func(cfg C) func(*T) bool
	id    func(*T) string
	// names are the texts name_contains is matched against; nil is the
	// display name.
	names   func(*T) []string
	display func(*T) string
	// identity is the result's identity; nil is identityModel with id.
	identity func(d *providerData, t *T) any
	// resource is the state the resource's own Read would write for t.
	resource func(ctx context.Context, d *providerData, t *T) (any, diag.Diagnostics)
	// failed is the detail of a walk's error; nil is "Listing the <plural>
	// failed: <error>".
	failed func(cfg C, err error) string
}

// listResource is the list resource of one kind, for `terraform query`.
type listResource[C listConfig, T any] struct {
	kind listKind[C, T]
	data *providerData
}

func (r *listResource[C, T]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + r.kind.typeName
}

func (r *listResource[C, T]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	attributes := map[string]schema.Attribute{
		"name_contains": listNameContainsAttribute(r.kind.plural, r.kind.nameOf),
		"ids":           listIDsAttribute(r.kind.plural),
	}
	for name, a := range r.kind.filters {
		attributes[name] = a
	}
	resp.Schema = schema.Schema{MarkdownDescription: r.kind.description, Attributes: attributes}
}

func (r *listResource[C, T]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		r.data = data
	}
}

func (r *listResource[C, T]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg C
	if configDiagnostics(stream, req.Config.Get(ctx, &cfg)) {
		return
	}
	match, diags := cfg.filter().matcher(ctx)
	if configDiagnostics(stream, diags) {
		return
	}
	keeps := func(*T) bool { return true }
	if r.kind.keeps != nil {
		keeps = r.kind.keeps(cfg)
	}
	streamList(ctx, req, stream, "Unable to list "+r.kind.plural, func(s *resultStream) error {
		return r.kind.walk(ctx, r.data, cfg, func(t *T) bool {
			names := []string{r.kind.display(t)}
			if r.kind.names != nil {
				names = r.kind.names(t)
			}
			if !keeps(t) || !match.keeps(r.kind.id(t), names...) {
				return true
			}
			var identity any = identityModel{ID: types.StringValue(r.kind.id(t)), StreamID: types.StringValue(r.data.streamID)}
			if r.kind.identity != nil {
				identity = r.kind.identity(r.data, t)
			}
			more := s.emit(r.kind.display(t), identity, func() (any, diag.Diagnostics) { return r.kind.resource(ctx, r.data, t) })
			return more && !match.done()
		})
	}, func(err error) string {
		if r.kind.failed != nil {
			return r.kind.failed(cfg, err)
		}
		return fmt.Sprintf("Listing the %s failed: %v", r.kind.plural, err)
	})
}

// listOfWholeEntries is the description of a list resource of the account's
// objects whose list entries carry the whole object, shown by its name:
// plural "agent groups", noun "group" (whose name shows a result), whole
// what the entries carry.
func listOfWholeEntries(plural, noun, typeName, whole string) string {
	return "Lists the " + plural + " of the account, in the API's order, optionally filtered, for `terraform query` " +
		"(Terraform 1.14 and later). Each result is shown by the " + noun + "'s name and carries its identity; " +
		"`terraform query -generate-config-out=FILE` writes a `smartassist" + typeName + "` block and an `import` block for each." +
		listCostNote + " The list's entries carry the whole " + whole + ", so `include_resource` costs no more calls."
}
