// Package export writes the routing objects of a SmartAssist account as
// Terraform configuration: one resource per object, an import block for
// each, references between them, and a provider block without secrets. In
// the written folder, terraform plan only imports, and after an apply it
// shows no changes.
//
// It reads the account through internal/client only.
package export

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// Exit statuses of the command.
const (
	ExitOK       = 0
	ExitFailed   = 1 // the account could not be read or the files written
	ExitBadInput = 2 // a flag, the folder or a setting is wrong
)

const usage = `Usage: terraform-provider-smartassist export [-dir DIR] [-only TYPES] [-force]

Writes the queues, skill groups, skills, agent groups, agents and contacts of
a SmartAssist account as Terraform configuration, ready to adopt: in DIR,
terraform plan only imports (N to import, 0 to add, 0 to change, 0 to
destroy), and after terraform apply it shows no changes.

Files written: providers.tf (no secrets), one file per type, and imports.tf
with one import block per resource. Objects refer to each other by reference
where both are exported. The default queue and the default agent group,
which the API never deletes, are data sources. INACTIVE (deleted) contacts
are left out. The files are written to a temporary folder inside DIR and
moved into place at the end: a failure leaves DIR as it was.

The account and credentials come from the environment variables the
provider reads:
  SMARTASSIST_HOST                 default https://platform.kore.ai
  SMARTASSIST_STREAM_ID            required
  SMARTASSIST_ACCOUNT_ID           required
  SMARTASSIST_CLIENT_ID and SMARTASSIST_CLIENT_SECRET, or SMARTASSIST_JWT
  SMARTASSIST_REQUESTS_PER_MINUTE  default 60
  SMARTASSIST_MAX_RETRIES, SMARTASSIST_REQUEST_TIMEOUT

Calls: one list walk per type (skills: one per skill group), plus one read
per agent, because the agent list lacks custom_id. Progress goes to stderr.

Exit status: 0 done, 1 the account could not be read or the files written,
2 bad input (a flag, the folder, a missing setting).

Flags:
`

// badInputError is input the user must fix: exit status 2.
type badInputError struct{ msg string }

func (e *badInputError) Error() string { return e.msg }

func badInput(format string, args ...any) error {
	return &badInputError{msg: fmt.Sprintf(format, args...)}
}

// Main runs the export command with its arguments (those after "export")
// and answers the exit status. getenv reads the environment.
func Main(ctx context.Context, args []string, stderr io.Writer, getenv func(string) string, version string) int {
	err := run(ctx, args, stderr, getenv, version)
	var bad *badInputError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.As(err, &bad):
		fmt.Fprintf(stderr, "export: %v\n", err)
		return ExitBadInput
	default:
		fmt.Fprintf(stderr, "export: %v\n", err)
		return ExitFailed
	}
}

func run(ctx context.Context, args []string, stderr io.Writer, getenv func(string) string, version string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", ".", "folder to write the configuration to; created when missing")
	only := fs.String("only", "", "comma-separated types to export, of: "+strings.Join(kindNames(), ", ")+" (default: all)")
	force := fs.Bool("force", false, "write into a folder that already holds .tf files, overwriting the files of the same names")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return badInput("%v", err)
	}
	if fs.NArg() > 0 {
		return badInput("unexpected arguments %q; see -h", fs.Args())
	}
	kinds, err := parseOnly(*only)
	if err != nil {
		return err
	}
	settings, err := client.ConfigFromEnv(getenv)
	if err != nil {
		return badInput("%v", err)
	}
	calls := &countingTransport{next: http.DefaultTransport.(*http.Transport).Clone()}
	settings.Transport = calls
	settings.UserAgent = fmt.Sprintf("terraform-provider-smartassist/%s export", version)
	c, err := client.New(settings)
	if err != nil {
		return badInput("%v", err)
	}
	out, err := stage(*dir, *force)
	if err != nil {
		return err
	}
	rpm := settings.RequestsPerMinute
	if rpm == 0 {
		rpm = client.DefaultRequestsPerMinute
	}
	e := &exporter{c: c, kinds: kinds, log: stderr, calls: &calls.n, rpm: rpm, host: settings.Host,
		stream: settings.StreamID, account: settings.AccountID, started: time.Now()}
	files, err := e.export(ctx)
	if err != nil {
		_ = out.discard()
		return err
	}
	if err := out.commit(files); err != nil {
		_ = out.discard()
		return err
	}
	fmt.Fprintf(stderr, "export: wrote %d files to %s: %d resources to import, %d data sources; %d API calls in %s\n",
		len(files), *dir, len(e.imports), e.dataSources, calls.n.Load(), time.Since(e.started).Round(time.Millisecond))
	return nil
}

// parseOnly reads -only: the kinds to export, all when empty.
func parseOnly(only string) (map[string]bool, error) {
	kinds := map[string]bool{}
	if strings.TrimSpace(only) == "" {
		for _, k := range kindNames() {
			kinds[k] = true
		}
		return kinds, nil
	}
	for _, k := range strings.Split(only, ",") {
		k = strings.TrimSpace(k)
		if _, ok := kindByName(k); !ok {
			return nil, badInput("-only: unknown type %q; the types are %s", k, strings.Join(kindNames(), ", "))
		}
		kinds[k] = true
	}
	return kinds, nil
}

// countingTransport counts the requests sent, retries included, for the
// progress lines.
type countingTransport struct {
	next http.RoundTripper
	n    atomic.Int64
}

func (t *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	t.n.Add(1)
	return t.next.RoundTrip(r)
}
