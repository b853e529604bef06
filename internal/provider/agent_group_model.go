package provider

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// agentGroupTextMax is the limit create-an-agent-group documents for both
// the name and the description.
const agentGroupTextMax = 50

const agentGroupManagerBlock = "manager"

// agentGroupModel is the Terraform side of an agent group, shared by the
// resource and the data source.
type agentGroupModel struct {
	ID          types.String             `tfsdk:"id"`
	Name        types.String             `tfsdk:"name"`
	Description types.String             `tfsdk:"description"`
	Managers    []agentGroupManagerModel `tfsdk:"manager"`
	IsDefault   types.Bool               `tfsdk:"is_default"`
}

type agentGroupManagerModel struct {
	UserID      types.String `tfsdk:"user_id"`
	AccessLevel types.String `tfsdk:"access_level"`
}

// agentGroupModelFrom maps an agent group as the API returns it onto the
// model. It is the one place that mapping happens.
//
// managersKnown is false when a manager in the answer has no userId: the
// get-an-agent-group page's sample lists managers by name, email and
// accessLevel only. Such an answer cannot be compared with the configured
// managers, and Managers is then nil; the caller decides what stands in.
// Access levels are read in lower case, as update-an-agent-group spells
// them.
func agentGroupModelFrom(g *client.AgentGroup) (m agentGroupModel, managersKnown bool) {
	m = agentGroupModel{
		ID:          stringOrNull(g.ID),
		Name:        stringOrNull(g.Name),
		Description: stringOrNull(g.Description),
		IsDefault:   boolOrNull(g.IsDefault),
	}
	managers := make([]agentGroupManagerModel, 0, len(g.Managers))
	for _, mg := range g.Managers {
		if mg.UserID == "" {
			return m, false
		}
		managers = append(managers, agentGroupManagerModel{
			UserID:      types.StringValue(string(mg.UserID)),
			AccessLevel: types.StringValue(strings.ToLower(string(mg.AccessLevel))),
		})
	}
	m.Managers = managers
	return m, true
}

// updateRequest is the body of update-an-agent-group: the whole group as
// planned, managers included ([] when there are none).
func (m *agentGroupModel) updateRequest() client.AgentGroupUpdateRequest {
	req := client.AgentGroupUpdateRequest{
		Name:        m.Name.ValueString(),
		Description: m.Description.ValueString(),
		Managers:    make([]client.AgentGroupManagerRequest, 0, len(m.Managers)),
	}
	for _, mg := range m.Managers {
		req.Managers = append(req.Managers, client.AgentGroupManagerRequest{
			UserID: mg.UserID.ValueString(), AccessLevel: mg.AccessLevel.ValueString(),
		})
	}
	return req
}

// agentGroupText follows create-an-agent-group: the name and the
// description are required and at most 50 characters each.
func agentGroupText() stringCheck {
	return stringCheck{fmt.Sprintf("must be 1 to %d characters", agentGroupTextMax), func(s string) string {
		switch n := utf8.RuneCountInString(s); {
		case strings.TrimSpace(s) == "":
			return "must not be empty: the API requires it."
		case n > agentGroupTextMax:
			return fmt.Sprintf("is %d characters long; the API accepts at most %d.", n, agentGroupTextMax)
		}
		return ""
	}}
}
