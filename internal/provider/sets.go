package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// attributeGetter is what tfsdk.Config, tfsdk.Plan and tfsdk.State share.
type attributeGetter interface {
	GetAttribute(ctx context.Context, p path.Path, target interface{}) diag.Diagnostics
}

// blockSet reads a set of blocks. known is false when the whole set is not
// known yet (a dynamic block over an unknown collection); then the elements
// are nil.
func blockSet[T any](ctx context.Context, g attributeGetter, p path.Path) (elems []T, known bool, diags diag.Diagnostics) {
	var set types.Set
	diags = g.GetAttribute(ctx, p, &set)
	if diags.HasError() || set.IsUnknown() {
		return nil, false, diags
	}
	if set.IsNull() {
		return nil, true, diags
	}
	diags.Append(set.ElementsAs(ctx, &elems, false)...)
	return elems, !diags.HasError(), diags
}

// rejectDuplicateKeys reports blocks of one set that share a key. The set
// would keep both (they differ elsewhere), and the API would get the same
// language, queue or skill twice. Unknown keys are skipped.
func rejectDuplicateKeys[T any](block, keyName string, elems []T, key func(T) types.String, diags *diag.Diagnostics) {
	seen := map[string]bool{}
	for _, e := range elems {
		k := key(e)
		if k.IsUnknown() || k.IsNull() {
			continue
		}
		if seen[k.ValueString()] {
			diags.AddAttributeError(path.Root(block), fmt.Sprintf("Duplicate %s block", block),
				fmt.Sprintf("%s %q appears in more than one %s block. Each %s may appear once; merge the blocks.",
					keyName, k.ValueString(), block, keyName))
		}
		seen[k.ValueString()] = true
	}
}

// applyBlockDefault sets field to def in every planned block whose
// configured twin (the block with the same key) leaves field out.
func applyBlockDefault[T any](ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse,
	block string, key func(*T) types.String, field func(*T) *types.Bool, def bool) (changed bool) {
	p := path.Root(block)
	cfg, known, d := blockSet[T](ctx, req.Config, p)
	resp.Diagnostics.Append(d...)
	if !known || d.HasError() {
		return false
	}
	omitted := map[string]bool{}
	for i := range cfg {
		k := key(&cfg[i])
		if k.IsUnknown() || field(&cfg[i]).IsUnknown() {
			return false // an expression decides it; leave the plan alone
		}
		if field(&cfg[i]).IsNull() {
			omitted[k.ValueString()] = true
		}
	}
	planned, known, d := blockSet[T](ctx, resp.Plan, p)
	resp.Diagnostics.Append(d...)
	if !known || d.HasError() || len(omitted) == 0 {
		return false
	}
	for i := range planned {
		v := field(&planned[i])
		if k := key(&planned[i]); !k.IsUnknown() && omitted[k.ValueString()] && (v.IsUnknown() || v.IsNull() || v.ValueBool() != def) {
			changed = changed || !v.IsUnknown() // filling an unknown is no change of its own
			*v = types.BoolValue(def)
		}
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, p, planned)...)
	return changed
}
