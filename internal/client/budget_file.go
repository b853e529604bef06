package client

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/gofrs/flock"
)

// budgetFileVersion is the format of the state file. A file of another
// version, or one that cannot be read, is started afresh: it is a cache.
const budgetFileVersion = 1

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
	mu        sync.Mutex // flock.Flock does not exclude the goroutines of one process
	lock      *flock.Flock
	path      string
	host      string
	accountID string
}

// BudgetFileName is the name of the state file, in the directory given as
// Config.BudgetDir, of the budget shared by the clients of host and
// accountID: "budget-" and 16 hex digits of a hash of both, then ".json".
// Its lock file has the same name ending in ".lock".
func BudgetFileName(host, accountID string) string {
	sum := sha256.Sum256([]byte(budgetHost(host) + "\n" + accountID))
	return "budget-" + hex.EncodeToString(sum[:8]) + ".json"
}

// budgetHost is host in the form that names a budget: lower case, without
// a trailing slash.
func budgetHost(host string) string {
	return strings.ToLower(strings.TrimRight(host, "/"))
}

// openFileStore opens, creating them if needed, the state file and lock of
// host and accountID's budget in dir. It fails when dir cannot hold them.
func openFileStore(dir, host, accountID string) (*fileStore, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, BudgetFileName(host, accountID))
	s := &fileStore{
		lock:      flock.New(strings.TrimSuffix(path, ".json")+".lock", flock.SetPermissions(0o600)),
		path:      path,
		host:      budgetHost(host),
		accountID: accountID,
	}
	// One update proves that the lock can be taken and the file written.
	if err := s.update(func(*budgetState) bool { return true }); err != nil {
		return nil, err
	}
	return s, nil
}

// Path is the state file.
func (s *fileStore) Path() string { return s.path }

func (s *fileStore) update(fn func(*budgetState) bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.lock.Lock(); err != nil {
		return fmt.Errorf("locking %s: %w", s.lock.Path(), err)
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
