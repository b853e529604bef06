package provider

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// namesContaining maps every item of a list to its model and keeps those
// whose name contains filter, without regard to case (all of them when
// filter is ""), with their ids: what the plural data sources' name_contains
// and ids attributes hold. Neither answer is nil, so an empty match is an
// empty list in the state, not null.
func namesContaining[T, M any](items []T, filter string, model func(*T) M, nameAndID func(*M) (types.String, types.String)) ([]types.String, []M) {
	filter = strings.ToLower(filter)
	ids, models := []types.String{}, []M{}
	for i := range items {
		m := model(&items[i])
		name, id := nameAndID(&m)
		if filter != "" && !strings.Contains(strings.ToLower(name.ValueString()), filter) {
			continue
		}
		ids = append(ids, id)
		models = append(models, m)
	}
	return ids, models
}

// nameContainsAttribute is the name_contains filter of a plural data source
// of plural ("agent groups").
func nameContainsAttribute(plural string) schema.Attribute {
	return schema.StringAttribute{
		MarkdownDescription: "Only " + plural + " whose name contains this text, without regard to case. The provider applies " +
			"it to the list the API returns.",
		Optional:   true,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

// idsAttribute is the ids of what a plural data source of plural matched.
func idsAttribute(plural string) schema.Attribute {
	return schema.ListAttribute{
		MarkdownDescription: "IDs of the matching " + plural + ", in the API's order.",
		Computed:            true,
		ElementType:         types.StringType,
	}
}
