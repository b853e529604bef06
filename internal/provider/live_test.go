package provider

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// The acceptance tests run against the emulator (the default) or, with
// SMARTASSIST_ACC_LIVE=1 (make testacc-live), against the account that the
// provider's own SMARTASSIST_* variables name. A live run starts no
// emulator and never falls back to one: TestMain refuses to start when a
// variable is missing.
const envLive = "SMARTASSIST_ACC_LIVE"

// live says whether this run talks to an account instead of the emulator.
var live = os.Getenv(envLive) == "1"

// liveProblem names what is missing for a live run, or is nil. The host
// has a default in the provider, but a live run must name it: a run that
// reached the vendor's default host by accident would test the wrong
// account.
func liveProblem(getenv func(string) string) error {
	if getenv(client.EnvHost) == "" {
		return fmt.Errorf("missing setting: set %s to the account's API host", client.EnvHost)
	}
	if _, err := client.ConfigFromEnv(getenv); err != nil {
		return err
	}
	return nil
}

// skipLive is the one way a test skips itself in a live run: reason says
// which emulator-only reading it needs, so that `go test -v` shows how many
// tests skip for each reason. It does nothing against the emulator.
func skipLive(t testing.TB, reason string) {
	t.Helper()
	if live {
		t.Skip("skipped live: " + reason)
	}
}

// The reasons tests give skipLive, so that each is counted under one text.
const (
	liveNeedsFaults    = "needs the emulator's fault injection"
	liveNeedsReadings  = "needs an emulator reading (its configuration)"
	liveNeedsThrottle  = "needs the emulator's rate limiter and throttles"
	liveNeedsSeed      = "reads the emulator's seed objects or an empty account"
	liveNeedsCounts    = "its assertions are the emulator's exact call counts"
	liveNeedsEdits     = "edits objects out of band through the emulator"
	liveNeedsOwnership = "imports objects the run did not create, which a live run never changes"
	liveNeedsProcess   = "runs on an emulator of its own: nothing of the account to check"
)

// The run's prefix: every name, email and phone a test creates carries it,
// so that a run never touches a user's object or another run's, and the
// sweepers find what a failed run left behind.
const sweepPrefix = "tfacc-"

var runID = randomString(8, "abcdefghijklmnopqrstuvwxyz0123456789")

// runPrefix is tfacc-<8 random characters>-.
func runPrefix() string { return sweepPrefix + runID + "-" }

// tfName is a name this run creates: tfacc-<run>-<name>.
func tfName(name string) string { return runPrefix() + name }

// tfEmail is an email this run creates: tfacc-<run>-<local>@example.com
// (example.com is reserved: no mail is ever delivered).
func tfEmail(local string) string { return runPrefix() + local + "@example.com" }

// phoneArea is this run's area code, in the North American 555-0100 to
// 555-0199 range reserved for fiction: +1 <area> 555 01nn. Two runs pick
// the same area once in about 700.
var phoneArea = 201 + randomInt(700)

// tfPhone is the nth (0 to 99) phone number this run creates.
func tfPhone(n int) string { return fmt.Sprintf("+1%d55501%02d", phoneArea, n%100) }

// tfLocalPhone is tfPhone(n) without the +1 country code.
func tfLocalPhone(n int) string { return strings.TrimPrefix(tfPhone(n), "+1") }

func randomInt(n int64) int {
	v, err := rand.Int(rand.Reader, big.NewInt(n))
	if err != nil {
		panic(err)
	}
	return int(v.Int64())
}

func randomString(n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[randomInt(int64(len(alphabet)))]
	}
	return string(b)
}

// liveClient is a client for the account the live run names, built from
// the provider's own variables: the checks and out-of-band changes of live
// tests go through it, on objects the run created.
func liveClient(t testing.TB) *client.Client {
	t.Helper()
	c, err := accountClient(os.Getenv)
	if err != nil {
		t.Fatalf("live client: %v", err)
	}
	return c
}

// accountClient is a client from the SMARTASSIST_* variables getenv reads.
func accountClient(getenv func(string) string) (*client.Client, error) {
	if err := liveProblem(getenv); err != nil {
		return nil, err
	}
	cfg, err := client.ConfigFromEnv(getenv)
	if err != nil {
		return nil, err
	}
	cfg.UserAgent = "terraform-provider-smartassist-acctest"
	return client.New(cfg)
}

// liveSteps is steps, changed by adjust in a live run: there a test reads
// the objects the run made (liveSeed's, named by its prefix) instead of the
// emulator's seed, and its emulator steps stay as they are.
func liveSteps(adjust func(steps []resource.TestStep), steps []resource.TestStep) []resource.TestStep {
	if live {
		adjust(steps)
	}
	return steps
}
