// Package adoption is the hand-off from the exporter to the provider's
// import of what it wrote: the few facts about each agent that the agent
// list lacks (its custom id), so that adopting an account reads each agent
// once. The exporter already read every agent with a GET for them; without
// the hand-off the import would read every agent again.
//
// The hand-off is a small file beside the written configuration
// (FileName), bound to the host, account and stream it was read from, and
// short-lived: a provider refuses one that is foreign or older than MaxAge,
// and removes it once the adoption is over (the first refresh after the
// import) or once it is stale. It holds no credentials: agent ids and
// custom ids only.
//
// The package imports nothing from Terraform or from the API client.
package adoption

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

// FileName is the hand-off's name in the folder the exporter writes.
const FileName = "smartassist-adoption.json"

// EnvFile names the environment variable that points the provider at a
// hand-off elsewhere than FileName in its working directory (terraform runs
// its providers in the configuration's folder).
const EnvFile = "SMARTASSIST_ADOPTION_FILE"

// MaxAge is how long after the export a hand-off is believed: a custom id
// changed since would be adopted as it was.
const MaxAge = time.Hour

// version is the file's format.
const version = 1

// Binding is what a hand-off belongs to.
type Binding struct {
	Host, AccountID, StreamID string
}

func (b Binding) same(o Binding) bool {
	host := func(h string) string { return strings.TrimRight(strings.ToLower(strings.TrimSpace(h)), "/") }
	return host(b.Host) == host(o.Host) && b.AccountID == o.AccountID && b.StreamID == o.StreamID
}

// Handoff is the file's content.
type Handoff struct {
	Version   int       `json:"version"`
	Host      string    `json:"host"`
	AccountID string    `json:"accountId"`
	StreamID  string    `json:"streamId"`
	Written   time.Time `json:"written"`
	// Agents maps every exported agent's id to its custom id, "" for none.
	Agents map[string]string `json:"agents"`
}

// New starts a hand-off for b, written at now.
func New(b Binding, now time.Time) *Handoff {
	return &Handoff{Version: version, Host: b.Host, AccountID: b.AccountID, StreamID: b.StreamID,
		Written: now.UTC(), Agents: map[string]string{}}
}

// Encode is the file's content.
func (h *Handoff) Encode() []byte {
	out, _ := json.Marshal(h) // strings, a time and a map of strings
	return append(out, '\n')
}

// RefusedError says why a hand-off is not used. Stale ones may be removed.
type RefusedError struct {
	Path   string
	Reason string
	Stale  bool
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("the adoption hand-off %s is not used: %s", e.Path, e.Reason)
}

// ErrNone is Load's answer when there is no hand-off.
var ErrNone = errors.New("no adoption hand-off")

// Load reads the hand-off at path for b at now. It answers ErrNone when
// there is none, and a *RefusedError when it is unreadable, of another
// format, foreign (another host, account or stream) or stale (older than
// MaxAge, or written in the future). Comment lines (#) before the JSON
// are skipped: the exporter marks every file it writes.
func Load(path string, b Binding, now time.Time) (*Handoff, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, ErrNone
	}
	if err != nil {
		return nil, &RefusedError{Path: path, Reason: err.Error()}
	}
	var h Handoff
	if err := json.Unmarshal(stripComments(data), &h); err != nil {
		return nil, &RefusedError{Path: path, Reason: "it cannot be read: " + err.Error(), Stale: true}
	}
	switch {
	case h.Version != version:
		return nil, &RefusedError{Path: path, Reason: fmt.Sprintf("its format is %d, this provider reads %d", h.Version, version), Stale: true}
	case !b.same(Binding{h.Host, h.AccountID, h.StreamID}):
		return nil, &RefusedError{Path: path, Reason: fmt.Sprintf("it belongs to the account %s, stream %s at %s, not to this provider's",
			h.AccountID, h.StreamID, h.Host)}
	case now.Sub(h.Written) > MaxAge:
		return nil, &RefusedError{Path: path, Reason: fmt.Sprintf("it was written at %s, more than %s ago: export again for a fresh one",
			h.Written.Format(time.RFC3339), MaxAge), Stale: true}
	case h.Written.Sub(now) > time.Minute:
		return nil, &RefusedError{Path: path, Reason: fmt.Sprintf("it says it was written at %s, later than now", h.Written.Format(time.RFC3339)), Stale: true}
	}
	if h.Agents == nil {
		h.Agents = map[string]string{}
	}
	return &h, nil
}

// stripComments drops the lines before the JSON that begin with #.
func stripComments(data []byte) []byte {
	r := bufio.NewReader(bytes.NewReader(data))
	rest := data
	for {
		line, err := r.ReadBytes('\n')
		if !bytes.HasPrefix(bytes.TrimSpace(line), []byte("#")) {
			return rest
		}
		rest = rest[len(line):]
		if err != nil {
			return rest
		}
	}
}
