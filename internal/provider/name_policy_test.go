package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestDataSourceByASharedName: a name two objects share names neither. The
// data sources by name fail and list both ids (they took the first), as
// import by name does.
func TestDataSourceByASharedName(t *testing.T) {
	skipLive(t, liveNeedsEdits)
	env := newTestEnv(t)
	// The API's uniqueness is not documented: give a second queue and a
	// second skill the name of another, behind the API's back.
	env.emu.UpdateQueue(seedSalesQueue, func(doc map[string]any) { doc["name"] = "Support" })
	env.emu.UpdateSkill(seedFrenchSkill, func(doc map[string]any) { doc["name"] = "Spanish" })
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: env.config(`data "smartassist_queue" "x" { name = "Support" }`),
				ExpectError: wrapped(`Unable to read queue.*Reading the queue named "Support" failed: 2 queues are named "Support": ` +
					seedSupportQueue + `, ` + seedSalesQueue + `.*refer to the one you mean by its id`),
			},
			{
				Config: env.config(`data "smartassist_skill" "x" {
  skill_group_id = "633ffac608f3a07459939a20"
  name           = "Spanish"
}`),
				ExpectError: wrapped(`Unable to read skill.*2 skills in the skill group 633ffac608f3a07459939a20 are named "Spanish": ` +
					seedSpanishSkill + `, ` + seedFrenchSkill),
			},
		},
	})
}
