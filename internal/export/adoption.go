package export

import (
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/adoption"
)

// adoptionFile is the hand-off (internal/adoption) that the provider's
// import of the written agents reads: each agent's custom id, which the
// agent list lacks and the export read with a GET per agent. With it the
// import reads the agents through one walk of the list instead of a GET
// each again.
func (e *exporter) adoptionFile() []byte {
	h := adoption.New(adoption.Binding{Host: e.host, AccountID: e.account, StreamID: e.stream}, time.Now())
	for _, a := range e.agents {
		h.Agents[string(a.ID)] = string(a.CustomID)
	}
	e.progress("agents: their custom ids go to %s, for the import to read them through the list instead of one call each; "+
		"it holds no credentials, and the provider removes it at the first plan after the import, or after %s",
		adoption.FileName, adoption.MaxAge)
	return h.Encode()
}
