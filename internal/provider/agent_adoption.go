package provider

import (
	"context"
	"errors"
	"os"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/koreai/terraform-provider-smartassist/internal/adoption"
)

// agentAdoption is the exporter's hand-off (internal/adoption), read once
// per provider process: the custom id of every agent the export wrote,
// which the agent list lacks. An import of a listed agent takes its custom
// id from it and reads the rest through the store's list walk, so that
// adopting an account reads each agent once (the export's GET), not twice.
//
// It is bound to the provider's host, account and stream, and believed
// for adoption.MaxAge: a foreign one is not used, a stale one is removed.
// The first refresh of a listed agent that is not an import means the
// import was applied: the adoption is over, and the hand-off is removed.
// Both the import and that refresh read every listed agent, so the store
// is told to expect them all and walks the list at once.
type agentAdoption struct {
	path  string
	bind  adoption.Binding
	now   func() time.Time
	store *agentStore

	once   sync.Once
	agents map[string]string // by agent id: its custom id, "" for none

	mu   sync.Mutex
	over bool // the hand-off was removed after the import
}

func newAgentAdoption(bind adoption.Binding, now func() time.Time, store *agentStore) *agentAdoption {
	path := os.Getenv(adoption.EnvFile)
	if path == "" {
		path = adoption.FileName // terraform runs providers in the configuration's folder
	}
	if now == nil {
		now = time.Now
	}
	return &agentAdoption{path: path, bind: bind, now: now, store: store}
}

func (a *agentAdoption) load(ctx context.Context) map[string]string {
	a.once.Do(func() {
		h, err := adoption.Load(a.path, a.bind, a.now())
		var refused *adoption.RefusedError
		switch {
		case err == nil:
			a.agents = h.Agents
			tflog.Info(ctx, "SmartAssist adoption hand-off read: imports of the agents it lists read them through the agent list",
				map[string]any{"path": a.path, "agents": len(h.Agents), "written": h.Written.Format(time.RFC3339)})
		case errors.As(err, &refused):
			tflog.Warn(ctx, "SmartAssist "+err.Error()+"; imported agents are read one by one", nil)
			if refused.Stale {
				a.remove(ctx)
			}
		}
	})
	return a.agents
}

// importedKey marks, in private state, an agent imported but not yet read.
const importedKey = "imported"

// handedCustomID is the custom id the export read for an agent.
type handedCustomID string

// read is told of every read of an agent: an import's (imported) or a
// refresh's. For an import of an agent the hand-off lists, it answers the
// custom id the export read, which the read's model takes (fill), and the
// read needs no GET; otherwise nil.
func (a *agentAdoption) read(ctx context.Context, id string, imported bool) *handedCustomID {
	if !imported {
		a.refreshed(ctx, id)
		return nil
	}
	customID, ok := a.imported(ctx, id)
	if !ok {
		return nil
	}
	h := handedCustomID(customID)
	return &h
}

// fill sets the custom id of a model made from a list entry, which has
// none.
func (h *handedCustomID) fill(m *agentModel) {
	if h != nil && *h != "" && m.CustomID.IsNull() {
		m.CustomID = types.StringValue(string(*h))
	}
}

// imported answers the custom id the export read for an agent being
// imported, when the hand-off lists it.
func (a *agentAdoption) imported(ctx context.Context, id string) (string, bool) {
	if a == nil {
		return "", false
	}
	agents := a.load(ctx)
	customID, ok := agents[id]
	if ok {
		a.store.expect(len(agents))
	}
	return customID, ok
}

// refreshed is told of a refresh that is not an import.
func (a *agentAdoption) refreshed(ctx context.Context, id string) {
	if a == nil {
		return
	}
	agents := a.load(ctx)
	if _, ok := agents[id]; !ok {
		return
	}
	a.store.expect(len(agents))
	a.mu.Lock()
	first := !a.over
	a.over = true
	a.mu.Unlock()
	if first {
		a.remove(ctx)
	}
}

func (a *agentAdoption) remove(ctx context.Context) {
	if err := os.Remove(a.path); err != nil && !errors.Is(err, os.ErrNotExist) {
		tflog.Warn(ctx, "SmartAssist adoption hand-off could not be removed; delete it", map[string]any{"path": a.path, "error": err.Error()})
		return
	}
	tflog.Info(ctx, "SmartAssist adoption hand-off removed", map[string]any{"path": a.path})
}
