package client

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// budgetFileVersion is the format of the state file, and part of its name:
// provider versions that write different formats keep different files
// rather than start each other's afresh at every request. A file that
// cannot be read is started afresh: it is a cache. Version 2 added Hold.
const budgetFileVersion = 2

// budgetLockTimeout bounds the wait for the state file's lock, which its
// holders keep for the moment it takes to read and write a small file. A
// lock held longer belongs to a process that is stopped (a suspended
// terraform, a debugger) or a file system that does not answer: the
// client then keeps a budget of its own rather than wait for it.
const budgetLockTimeout = 5 * time.Second

// budgetLockRetry is how often the lock is tried again while it is held.
const budgetLockRetry = 10 * time.Millisecond

// maxSharedBudget is the largest budget kept in a state file. A larger one
// is not one the API grants (it means "no limit"), and sharing it would
// only cost a file lock per request.
const maxSharedBudget = 6000

// budgetFile is the state file's content: the state, and for whoever reads
// the file, which host and account it is the budget of.
type budgetFile struct {
	Version   int    `json:"version"`
	Host      string `json:"host"`
	AccountID string `json:"accountId"`
	budgetState
}

// fileStore keeps the budget of one host and account in a state file that
// every process on the machine uses, each change made while holding an OS
// lock on a lock file beside it. The OS releases the lock of a process that
// ends, however it ends; such a process leaves behind at most the slots it
// had reserved, which leave the state within a minute.
type fileStore struct {
	// turn is held, one goroutine at a time, around the file lock:
	// flock.Flock does not exclude the goroutines of one process. It is a
	// channel so that a goroutine waiting for its turn can give up when
	// its context ends.
	turn      chan struct{}
	lock      *flock.Flock
	path      string
	host      string
	accountID string
	now       func() time.Time
	sleep     func(context.Context, time.Duration) error
	// stuck is set when the lock could not be had in time: the goroutines
	// queued behind it fail at once instead of each waiting as long.
	stuck error
}

// BudgetFileName is the name of the state file, in the directory given as
// Config.BudgetDir, of the budget shared by the clients of host and
// accountID: "budget-v", the format version, "-", 16 hex digits of a hash
// of host and account, then ".json". Its lock file has the same name
// ending in ".lock".
func BudgetFileName(host, accountID string) string {
	sum := sha256.Sum256([]byte(budgetHost(host) + "\n" + accountID))
	return fmt.Sprintf("budget-v%d-%s.json", budgetFileVersion, hex.EncodeToString(sum[:8]))
}

// budgetHost is host in the form that names a budget: lower case, without
// a trailing slash.
func budgetHost(host string) string {
	return strings.ToLower(strings.TrimRight(host, "/"))
}

// openFileStore opens, creating them if needed, the state file and lock of
// host and accountID's budget in dir. It fails when dir cannot hold them.
// now and sleep are the clock the wait for the lock is measured and spent
// on; nil means the real one.
func openFileStore(dir, host, accountID string, now func() time.Time, sleep func(context.Context, time.Duration) error) (*fileStore, error) {
	if now == nil {
		now = time.Now
	}
	if sleep == nil {
		sleep = sleepContext
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, BudgetFileName(host, accountID))
	s := &fileStore{
		lock:      flock.New(strings.TrimSuffix(path, ".json")+".lock", flock.SetPermissions(0o600)),
		path:      path,
		host:      budgetHost(host),
		accountID: accountID,
		turn:      make(chan struct{}, 1),
		now:       now,
		sleep:     sleep,
	}
	// One update proves that the lock can be taken and the file written.
	// client.New, which opens the store, has no caller's context; the wait
	// for the lock is bounded by budgetLockTimeout all the same.
	if err := s.update(context.Background(), func(*budgetState) bool { return true }); err != nil {
		return nil, err
	}
	return s, nil
}

// Path is the state file.
func (s *fileStore) Path() string { return s.path }

func (s *fileStore) update(ctx context.Context, fn func(*budgetState) bool) error {
	select {
	case s.turn <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-s.turn }()
	if s.stuck != nil {
		return s.stuck
	}
	if err := s.lockFile(ctx); err != nil {
		return err
	}
	defer func() { _ = s.lock.Unlock() }()

	st, err := s.read()
	if err != nil {
		return err
	}
	if !fn(&st.budgetState) {
		return nil
	}
	return s.write(st)
}

// lockFile takes the file lock, trying again every budgetLockRetry on the
// client's clock until ctx ends or budgetLockTimeout has passed.
// flock.TryLockContext does the same on the real clock only, which tests
// could not drive.
func (s *fileStore) lockFile(ctx context.Context) error {
	start := s.now()
	for {
		ok, err := s.lock.TryLock()
		if err != nil {
			return fmt.Errorf("locking %s: %w", s.lock.Path(), err)
		}
		if ok {
			return nil
		}
		if waited := s.now().Sub(start); waited >= budgetLockTimeout {
			s.stuck = &lockTimeoutError{path: s.lock.Path(), waited: waited}
			return s.stuck
		}
		if err := s.sleep(ctx, budgetLockRetry); err != nil {
			return err
		}
	}
}

// lockTimeoutError is a lock of the state file that another process held
// for longer than budgetLockTimeout.
type lockTimeoutError struct {
	path   string
	waited time.Duration
}

func (e *lockTimeoutError) Error() string {
	return fmt.Sprintf("the lock %s was held by another process for %s or more, longer than a request's turn takes; that process may be stopped",
		e.path, e.waited.Round(time.Millisecond))
}

// read loads the state; a missing, unreadable or foreign file gives a
// fresh one.
func (s *fileStore) read() (budgetFile, error) {
	fresh := budgetFile{Version: budgetFileVersion, Host: s.host, AccountID: s.accountID}
	data, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return fresh, nil
	}
	if err != nil {
		return fresh, fmt.Errorf("reading %s: %w", s.path, err)
	}
	var st budgetFile
	if json.Unmarshal(data, &st) != nil || st.Version != budgetFileVersion || st.Host != s.host || st.AccountID != s.accountID {
		return fresh, nil
	}
	return st, nil
}

// write replaces the state file through a rename, so that a process that
// dies while writing leaves the old state, never half of a new one.
func (s *fileStore) write(st budgetFile) error {
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	tmp := s.path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return fmt.Errorf("writing %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, s.path); err != nil {
		return fmt.Errorf("replacing %s: %w", s.path, err)
	}
	return nil
}
