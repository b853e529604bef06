package provider

import (
	"context"
	"errors"
	"sync"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
	"github.com/koreai/terraform-provider-smartassist/internal/coalesce"
)

// contactStore is shared by every contact resource and data source of one
// provider process. It reads all contacts once (there is no get-one
// endpoint) and shares that list among all reads until a write makes it
// stale: that list cache is this file. It batches creates, updates and
// deletes into bulk calls: contact_bulk.go.
type contactStore struct {
	client  *client.Client
	creates *coalesce.Batcher[client.ContactRequest, client.Contact]
	updates *coalesce.Batcher[client.ContactUpdate, client.Contact]
	deletes *coalesce.Batcher[string, struct{}]

	mu         sync.Mutex
	list       []client.Contact // nil until loaded
	loading    *coalesce.Load[[]client.Contact]
	generation int
}

func newContactStore(c *client.Client, clk coalesce.Clock) *contactStore {
	s := &contactStore{client: c}
	s.creates = newContactBatcher(clk, s.runCreates)
	s.updates = newContactBatcher(clk, s.runUpdates)
	s.deletes = newContactBatcher(clk, s.runDeletes)
	return s
}

// all returns every contact, INACTIVE ones included, reading the list at
// most once until the next write. The read is shared by every caller that
// wants it meanwhile, and runs until the last of them gives up.
func (s *contactStore) all(ctx context.Context) ([]client.Contact, error) {
	for {
		s.mu.Lock()
		if s.list != nil {
			list := s.list
			s.mu.Unlock()
			return list, nil
		}
		l, first := s.loading, false
		if l == nil {
			l, first = coalesce.NewLoad[[]client.Contact](ctx), true
			s.loading = l
			gen := s.generation
			l.Run(func(ctx context.Context) ([]client.Contact, error) {
				list, err := s.client.Contacts.ListAll(ctx)
				if err == nil && list == nil {
					list = []client.Contact{}
				}
				s.mu.Lock()
				defer s.mu.Unlock()
				if s.loading == l {
					s.loading = nil
				}
				if err == nil && gen == s.generation {
					s.list = list
				}
				return list, err
			})
		}
		s.mu.Unlock()
		list, err := l.Wait(ctx, first)
		if errors.Is(err, coalesce.ErrAbandoned) {
			continue
		}
		return list, err
	}
}

// get finds one contact. ok is false when it does not exist or was deleted.
func (s *contactStore) get(ctx context.Context, id string) (c client.Contact, ok bool, err error) {
	list, err := s.all(ctx)
	if err != nil {
		return c, false, err
	}
	for _, c := range list {
		if c.ID() == id {
			return c, c.Active(), nil
		}
	}
	return c, false, nil
}

func (s *contactStore) invalidate() {
	s.mu.Lock()
	s.list, s.loading = nil, nil // a read begun before the write is stale
	s.generation++
	s.mu.Unlock()
}
