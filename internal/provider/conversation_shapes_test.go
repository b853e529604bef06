package provider

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// The conversation data sources read what the account has, which a test
// cannot choose: this test asserts shapes, not counts, so that it passes
// against the emulator's seed and against any account. The plural data
// source keeps to its limit and lists each id once, with its
// conversation; the singular one reads the first of them back.
func TestAccConversationDataSources_shapes(t *testing.T) {
	env := newTestEnv(t)
	config := env.config(`
data "smartassist_conversations" "recent" {
  limit = 5
}

data "smartassist_conversation" "first" {
  count = length(data.smartassist_conversations.recent.ids) > 0 ? 1 : 0
  id    = data.smartassist_conversations.recent.ids[0]
}
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config: config,
			Check: func(s *terraform.State) error {
				list := s.RootModule().Resources["data.smartassist_conversations.recent"]
				if list == nil {
					return fmt.Errorf("no data.smartassist_conversations.recent in state")
				}
				attrs := list.Primary.Attributes
				n, err := strconv.Atoi(attrs["ids.#"])
				if err != nil || n > 5 {
					return fmt.Errorf("ids.# = %q, want 0 to 5 (the limit)", attrs["ids.#"])
				}
				if attrs["conversations.#"] != attrs["ids.#"] {
					return fmt.Errorf("%s conversations for %s ids", attrs["conversations.#"], attrs["ids.#"])
				}
				seen := map[string]bool{}
				for i := 0; i < n; i++ {
					id := attrs[fmt.Sprintf("ids.%d", i)]
					if id == "" || seen[id] {
						return fmt.Errorf("ids.%d = %q: empty or listed twice (%v)", i, id, attrs)
					}
					seen[id] = true
					if got := attrs[fmt.Sprintf("conversations.%d.id", i)]; got != id {
						return fmt.Errorf("conversations.%d.id = %q, want ids.%d = %q", i, got, i, id)
					}
				}
				first := s.RootModule().Resources["data.smartassist_conversation.first.0"]
				if n == 0 {
					if first != nil {
						return fmt.Errorf("a conversation was read with no id listed")
					}
					return nil
				}
				if first == nil || first.Primary.Attributes["id"] != attrs["ids.0"] {
					return fmt.Errorf("the singular data source did not read %s back: %v", attrs["ids.0"], first)
				}
				return nil
			},
		}},
	})
}
