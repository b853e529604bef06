package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// Conversions between the client's lenient values and Terraform values,
// shared by every model.

func stringOrNull[S ~string](s S) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(string(s))
}

func boolOrNull[B ~bool](b *B) types.Bool {
	if b == nil {
		return types.BoolNull()
	}
	return types.BoolValue(bool(*b))
}

func intOrNull(n *client.FlexInt) types.Int64 {
	if n == nil {
		return types.Int64Null()
	}
	return types.Int64Value(int64(*n))
}

func boolOr(v types.Bool, def bool) bool {
	if v.IsNull() || v.IsUnknown() {
		return def
	}
	return v.ValueBool()
}

// textOrClear is an optional text field of a request: left out when
// unknown, or null on a create; "" when null on an update, so the
// full-document update clears it.
func textOrClear(v types.String, update bool) *string {
	switch {
	case v.IsUnknown():
		return nil
	case v.IsNull():
		if update {
			return client.String("")
		}
		return nil
	}
	return client.String(v.ValueString())
}
