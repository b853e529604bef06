package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// What the six list resources (Terraform 1.14+, `terraform query`) share:
// the filters of the plural data sources, and a stream that honours the
// limit Terraform passes. API calls are the account's budget (60 a minute),
// so a list reads pages only until it has streamed `limit` results, and an
// ids filter stops as soon as every id has been met.

// listFilter is what every list resource's configuration filters by:
// name_contains and ids.
type listFilter struct {
	NameContains types.String `tfsdk:"name_contains"`
	IDs          types.List   `tfsdk:"ids"`
}

// filter makes listFilter a listConfig: the configuration of the list
// resources that have no filters of their own, and, embedded, part of the
// others'.
func (f listFilter) filter() listFilter { return f }

// matcher is a filter ready to test objects.
type matcher struct {
	name string          // lower case; "" keeps every name
	ids  map[string]bool // nil keeps every id
	met  int             // how many of ids have been met
}

func (f listFilter) matcher(ctx context.Context) (*matcher, diag.Diagnostics) {
	m := &matcher{name: strings.ToLower(f.NameContains.ValueString())}
	if f.IDs.IsNull() || f.IDs.IsUnknown() {
		return m, nil
	}
	var ids []string
	diags := f.IDs.ElementsAs(ctx, &ids, false)
	m.ids = map[string]bool{}
	for _, id := range ids {
		m.ids[id] = false
	}
	return m, diags
}

// keeps says whether an object with this id and these names passes the
// filter (any of names may contain name_contains), and counts the ids met.
func (m *matcher) keeps(id string, names ...string) bool {
	if m.ids != nil {
		met, wanted := m.ids[id]
		if !wanted || met {
			return false
		}
	}
	if m.name != "" && !strings.Contains(strings.ToLower(strings.Join(names, "\n")), m.name) {
		return false
	}
	if m.ids != nil {
		m.ids[id] = true
		m.met++
	}
	return true
}

// done says that every id asked for has been met, so the rest of the list
// need not be read.
func (m *matcher) done() bool { return m.ids != nil && m.met == len(m.ids) }

// listNameContainsAttribute is the name_contains filter of a list resource
// of plural ("agent groups").
func listNameContainsAttribute(plural, of string) schema.Attribute {
	return listTextFilterAttribute("Only " + plural + " whose " + of + " contains this text, without regard to case. The " +
		"provider applies it to the list the API returns.")
}

// listTextFilterAttribute is an optional, non-empty text filter of a list
// resource.
func listTextFilterAttribute(description string) schema.Attribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

// listIDsAttribute is the ids filter of a list resource of plural.
func listIDsAttribute(plural string) schema.Attribute {
	return schema.ListAttribute{
		MarkdownDescription: "Only the " + plural + " with these IDs. The list is read only until all of them are found.",
		Optional:            true,
		ElementType:         types.StringType,
		Validators:          []validator.List{listvalidator.SizeAtLeast(1), listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
	}
}

// listCostNote is the paragraph every list resource's description ends
// with.
const listCostNote = "\n\n**Cost.** The list is read page by page, and only until `limit` results (100 unless the `list` block " +
	"sets it) have been found: one API call a page."

// resultStream streams one List call's results: it counts them against
// Terraform's limit, and stops when Terraform stops reading.
type resultStream struct {
	ctx     context.Context
	req     list.ListRequest
	push    func(list.ListResult) bool
	sent    int64
	stopped bool // Terraform stopped reading, or the limit is reached
}

// full says that the limit is reached.
func (s *resultStream) full() bool { return s.req.Limit > 0 && s.sent >= s.req.Limit }

// emit streams one object: its display name and identity, and, when
// Terraform asked for the resource, the state the resource's own Read would
// write for it (fill; a failure to read it is the result's diagnostics).
// It answers whether the walk goes on.
func (s *resultStream) emit(display string, identity any, fill func() (any, diag.Diagnostics)) bool {
	r := s.req.NewListResult(s.ctx)
	r.DisplayName = display
	r.Diagnostics.Append(r.Identity.Set(s.ctx, identity)...)
	if s.req.IncludeResource && !r.Diagnostics.HasError() {
		v, diags := fill()
		r.Diagnostics.Append(diags...)
		if !diags.HasError() {
			r.Diagnostics.Append(r.Resource.Set(s.ctx, v)...)
		}
	}
	s.sent++
	if !s.push(r) || s.full() {
		s.stopped = true
	}
	return !s.stopped
}

// streamList sets stream to walk the list lazily, as Terraform reads the
// results. A walk's error ends the stream as a result that carries only
// diagnostics (summary, and detail for the error), whether it came before
// the first result or after some.
func streamList(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream, summary string,
	walk func(s *resultStream) error, detail func(error) string) {
	stream.Results = func(push func(list.ListResult) bool) {
		s := &resultStream{ctx: ctx, req: req, push: push}
		err := walk(s)
		if err == nil || s.stopped {
			return
		}
		var diags diag.Diagnostics
		diags.AddError(summary, detail(err)+errorHint(err))
		if s.sent == 0 {
			list.ListResultsStreamDiagnostics(diags)(push)
			return
		}
		push(list.ListResult{Diagnostics: diags})
	}
}

// configDiagnostics ends a List call whose configuration could not be read.
func configDiagnostics(stream *list.ListResultsStream, diags diag.Diagnostics) bool {
	if !diags.HasError() {
		return false
	}
	stream.Results = list.ListResultsStreamDiagnostics(diags)
	return true
}

// readFailed is the diagnostics of a result whose resource could not be read.
func readFailed(summary, what string, err error) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.AddError(summary, fmt.Sprintf("%s failed: %v", what, err)+errorHint(err))
	return diags
}
