package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
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
