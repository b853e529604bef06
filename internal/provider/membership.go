package provider

import (
	"context"
	"slices"
	"sync"
)

// membershipLocks keeps a queue's or skill's update and an agent's write
// from reverting each other within one provider process.
//
// Which agents are in a queue, and which agents hold a skill, is set from
// both sides: an agent's create, update or delete changes it, and a queue's
// or skill's update reads the object and PUTs it back with its members as
// read (a PUT without them would empty it). If an agent joins between that
// read and that PUT, the PUT takes it out again. So a queue's or skill's
// update holds its key exclusively from the read to the PUT, and an agent
// write holds every key it joins or leaves, shared, around its call: agent
// writes of the same queue run side by side, and wait only for the queue's
// own update, which waits for them in turn.
//
// A waiting update goes first: an agent that asks for a key while an
// update waits for it waits too, so a stream of agent writes cannot starve
// the update. An agent takes its keys in sorted order and an update takes
// one key, so no two writes can wait for each other. Waits end with the
// caller's context.
type membershipLocks struct {
	mu   sync.Mutex
	keys map[string]*memberKey
}

type memberKey struct {
	readers  int           // agent writes holding the key
	writer   bool          // an update holds the key
	queued   int           // updates waiting for the key
	released chan struct{} // closed, and replaced, whenever the key changes hands
}

func queueKey(id string) string { return "queue/" + id }
func skillKey(id string) string { return "skill/" + id }

// object takes key exclusively, for the read-modify-write of a queue or a
// skill. It returns the release.
func (l *membershipLocks) object(ctx context.Context, key string) (func(), error) {
	if err := l.acquire(ctx, key, true); err != nil {
		return nil, err
	}
	return func() { l.release(key, true) }, nil
}

// members takes keys shared, for an agent write that changes the members of
// those queues and skills. It returns the release of them all.
func (l *membershipLocks) members(ctx context.Context, keys []string) (func(), error) {
	keys = slices.Compact(slices.Sorted(slices.Values(keys)))
	for i, k := range keys {
		if err := l.acquire(ctx, k, false); err != nil {
			for _, held := range keys[:i] {
				l.release(held, false)
			}
			return nil, err
		}
	}
	return func() {
		for _, k := range keys {
			l.release(k, false)
		}
	}, nil
}

func (l *membershipLocks) acquire(ctx context.Context, key string, exclusive bool) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.keys == nil {
		l.keys = map[string]*memberKey{}
	}
	k := l.keys[key]
	if k == nil {
		k = &memberKey{released: make(chan struct{})}
		l.keys[key] = k
	}
	queued := false
	for {
		switch {
		case exclusive && !k.writer && k.readers == 0:
			k.writer = true
			if queued {
				k.queued--
			}
			return nil
		case !exclusive && !k.writer && k.queued == 0:
			k.readers++
			return nil
		case exclusive && !queued:
			k.queued++
			queued = true
		}
		released := k.released
		l.mu.Unlock()
		select {
		case <-released:
			l.mu.Lock()
		case <-ctx.Done():
			l.mu.Lock()
			if queued {
				k.queued--
				k.handOver() // agents that waited behind this update may go
			}
			return ctx.Err()
		}
	}
}

func (l *membershipLocks) release(key string, exclusive bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	k := l.keys[key]
	if exclusive {
		k.writer = false
	} else {
		k.readers--
	}
	k.handOver()
}

// handOver wakes every waiter of the key to look again.
func (k *memberKey) handOver() {
	close(k.released)
	k.released = make(chan struct{})
}

// agentMemberKeys are the keys of the queues and skills an agent write
// joins or leaves: those of every model given (the plan, the state, the
// agent as read).
func agentMemberKeys(models ...*agentModel) []string {
	var keys []string
	for _, m := range models {
		if m == nil {
			continue
		}
		for _, q := range m.Queues {
			keys = append(keys, queueKey(q.ID.ValueString()))
		}
		for _, s := range m.Skills {
			keys = append(keys, skillKey(s.ID.ValueString()))
		}
	}
	return keys
}
