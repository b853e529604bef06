// Command smartassist-emulator serves the in-memory SmartAssist API emulator
// on a local port, for demos and manual runs of the provider.
//
// On start it prints, one per line, the shell exports that point the provider
// at it, then writes the port file (if asked), then serves until SIGINT or
// SIGTERM. Once the port file exists, the exports are complete:
//
//	smartassist-emulator -port-file /tmp/sa.port >/tmp/sa.env &
//	while [ ! -s /tmp/sa.port ]; do sleep 0.1; done
//	. /tmp/sa.env
//
// The documented create-agent and create-agent-group answers carry no id,
// and by default neither do the emulator's; -create-returns-id and
// -create-agent-group-returns-id add it.
//
// Where the vendor's pages are silent, flags choose the reading the
// emulator plays: -list-limit (default, honour, ignore or cap, with
// -list-limit-cap), -has-more-on-last-page, -list-skip (honour, page or
// ignore), -list-page (honour, skip or ignore) and -list-paging-ignored for
// list paging, and
// -unknown-stream-status, -unknown-account-status and
// -missing-object-status for those answers, and -throttle-status for the
// status of the rate limiter's over-limit answer. For the Campaign
// Management API, -campaign-id-field, -campaign-preparing-reads,
// -campaign-transition-reads, -campaign-alt-paths,
// -campaign-printed-paths-only, -campaign-voice-update-as-sms and -campaign-machine-detect-echo choose
// the readings of its pages' contradictions. A running emulator is switched
// with PUT /_emulator/config. -h lists every flag.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"regexp"
	"strconv"
	"syscall"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr, nil); err != nil {
		fmt.Fprintln(os.Stderr, "smartassist-emulator:", err)
		stop()
		os.Exit(1)
	}
}

// run parses args, starts the emulator and serves until ctx is done. Once
// the exports are printed and the port file written, it sends the port on
// ready (if not nil).
func run(ctx context.Context, args []string, stdout, stderr io.Writer, ready chan<- int) error {
	fs := flag.NewFlagSet("smartassist-emulator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:0", "address to listen on")
	seedPath := fs.String("seed", "", "JSON seed file (default: the embedded seed)")
	rate := fs.Int("rate-limit", 0, "accepted requests per minute (0 = no limit)")
	foreign := fs.Float64("foreign-share", 0, "share of -rate-limit (0 to 1) that a foreign consumer of the account spends")
	returnsID := fs.Bool("create-returns-id", false, `add "id" to the create-agent response (the documented sample has none)`)
	groupReturnsID := fs.Bool("create-agent-group-returns-id", false, `add "id" to the create-agent-group response (the documented sample has none)`)
	streamID := fs.String("stream-id", emulator.DefaultStreamID, "stream (bot) id")
	accountID := fs.String("account-id", emulator.DefaultAccountID, "account id")
	clientID := fs.String("client-id", emulator.DefaultClientID, "JWT app client id (the appId claim)")
	clientSecret := fs.String("client-secret", emulator.DefaultClientSecret, "JWT app client secret (HS256 key)")
	portFile := fs.String("port-file", "", "write the bound port to this file once listening")
	listLimit := fs.String("list-limit", string(emulator.ListLimitDefault),
		"how every list reads its limit parameter: default (agents: 10 a page, limit ignored; other lists: limit up to 100), honour (every list: limit up to 100), ignore (every list: 10 a page) or cap (every list: limit up to -list-limit-cap)")
	listLimitCap := fs.Int("list-limit-cap", emulator.DefaultListLimitCap, "the largest page -list-limit cap grants")
	hasMore := fs.Bool("has-more-on-last-page", false, `answer "hasMore": true on every list page, the last one included, as some vendor samples do`)
	hasMoreNever := fs.Bool("has-more-never", false, `answer "hasMore": false on every list page, while totalPages and totalResults say more follow`)
	listLimitEcho := fs.Bool("list-limit-echo", false, "every list page states the limit it was asked for, and counts totalPages by it, whatever page size it served (with -list-limit cap: a server that caps below the limit it echoes)")
	listFigures := fs.String("list-figures", string(emulator.ListFiguresAll),
		"which figures every list page gives: all (hasMore, totalPages, totalResults), no-total (no totalResults), has-more (hasMore alone) or none")
	listSkip := fs.String("list-skip", string(emulator.ListSkipHonoured),
		"how the lists paged by skip (contacts, agent groups, conversations) read skip: honour, page (skip ignored, every page from the start unless page (from 1) is sent) or ignore (skip and page ignored: every page from the start)")
	listPage := fs.String("list-page", string(emulator.ListPageHonoured),
		"how the lists paged by page (agents, queues, skill groups, skills) read page: honour, skip (page ignored, every page the first unless skip is sent) or ignore (page and skip ignored: every page the first)")
	pagingIgnored := fs.Bool("list-paging-ignored", false, "every list ignores skip, page and limit: each answer is its first 10 entries, with a truthful totalResults")
	streamStatus := fs.Int("unknown-stream-status", emulator.DefaultUnknownStreamStatus, "status for a path naming an unknown stream (e.g. 400, 401, 404)")
	accountStatus := fs.Int("unknown-account-status", emulator.DefaultUnknownAccountStatus, "status for an accountId header naming an unknown account")
	missingStatus := fs.Int("missing-object-status", emulator.DefaultMissingObjectStatus, "status for a path naming an object that does not exist (e.g. 400, 404)")
	throttleStatus := fs.Int("throttle-status", emulator.DefaultThrottleStatus,
		"status of the rate limiter's over-limit answer (e.g. 400, 503); its body keeps the documented message and the code 429")
	campaignIDField := fs.String("campaign-id-field", string(emulator.CampaignIDDocumented),
		"the member campaign answers carry the id in: documented (voice create: id; SMS create: _id; reads: _id; lists: _id for voice, id for SMS), id or _id (everywhere)")
	preparingReads := fs.Int("campaign-preparing-reads", emulator.DefaultCampaignPreparingReads,
		"reads (GET /campaign/{id} or its status) a new campaign answers Preparing before Ready; -1: none, the create answers Ready")
	transitionReads := fs.Int("campaign-transition-reads", 0, "reads after a start or stop that still answer the old status before Active or Stopped")
	altPaths := fs.Bool("campaign-alt-paths", false, "also serve the prefixes some pages print: /api/v2/public/ (voice start/stop, advanced SMS create) and /api/1.1/public/ (add contacts)")
	printedOnly := fs.Bool("campaign-printed-paths-only", false, "serve the voice start/stop, the advanced SMS create and add contacts ONLY at the prefix their pages print; the base path answers 404 for them")
	voiceUpdateAsSMS := fs.Bool("campaign-voice-update-as-sms", false, "accept a voice campaign update sent with campaignType=sms, as its page prints it")
	machineDetectEcho := fs.Bool("campaign-machine-detect-echo", false, "every answer about an Agentless campaign carries enableMachineDetect as a boolean, not the create answer only")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if *rate < 0 {
		return errors.New("-rate-limit must not be negative")
	}
	if *foreign < 0 || *foreign > 1 || (*foreign > 0 && *rate == 0) {
		return errors.New("-foreign-share must be from 0 to 1, and needs -rate-limit")
	}

	cfg := emulator.Config{
		StreamID:                  *streamID,
		AccountID:                 *accountID,
		ClientID:                  *clientID,
		ClientSecret:              *clientSecret,
		RateLimitPerMinute:        *rate,
		ForeignShare:              *foreign,
		CreateAgentReturnsID:      *returnsID,
		CreateAgentGroupReturnsID: *groupReturnsID,
		Readings: emulator.Readings{
			ListLimit:            emulator.ListLimitMode(*listLimit),
			ListLimitCap:         *listLimitCap,
			HasMoreOnLastPage:    *hasMore,
			HasMoreNever:         *hasMoreNever,
			ListLimitEcho:        *listLimitEcho,
			ListFigures:          emulator.ListFiguresMode(*listFigures),
			ListSkip:             emulator.ListSkipMode(*listSkip),
			ListPage:             emulator.ListPageMode(*listPage),
			ListPagingIgnored:    *pagingIgnored,
			UnknownStreamStatus:  *streamStatus,
			UnknownAccountStatus: *accountStatus,
			MissingObjectStatus:  *missingStatus,
			ThrottleStatus:       *throttleStatus,
			CampaignReadings: emulator.CampaignReadings{
				CampaignIDField:           emulator.CampaignIDFieldMode(*campaignIDField),
				CampaignPreparingReads:    *preparingReads,
				CampaignTransitionReads:   *transitionReads,
				CampaignAltPaths:          *altPaths,
				CampaignPrintedPathsOnly:  *printedOnly,
				CampaignVoiceUpdateAsSMS:  *voiceUpdateAsSMS,
				CampaignMachineDetectEcho: *machineDetectEcho,
			},
		},
	}
	if err := cfg.Readings.Validate(); err != nil {
		return err
	}
	if *seedPath != "" {
		seed, err := emulator.LoadSeed(*seedPath)
		if err != nil {
			return err
		}
		cfg.Seed = seed
	}
	srv := emulator.New(cfg)
	cfg = srv.Config()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	host := net.JoinHostPort(hostFor(ln.Addr().(*net.TCPAddr).IP), strconv.Itoa(port))
	for _, kv := range [][2]string{
		{"SMARTASSIST_HOST", "http://" + host},
		{"SMARTASSIST_STREAM_ID", cfg.StreamID},
		{"SMARTASSIST_ACCOUNT_ID", cfg.AccountID},
		{"SMARTASSIST_CLIENT_ID", cfg.ClientID},
		{"SMARTASSIST_CLIENT_SECRET", cfg.ClientSecret},
	} {
		fmt.Fprintf(stdout, "export %s=%s\n", kv[0], shellQuote(kv[1]))
	}
	if *portFile != "" {
		if err := os.WriteFile(*portFile, []byte(strconv.Itoa(port)+"\n"), 0o644); err != nil {
			_ = ln.Close()
			return fmt.Errorf("writing port file: %w", err)
		}
	}

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	fmt.Fprintf(stderr, "smartassist-emulator: serving on http://%s until interrupted\n", host)
	if ready != nil {
		ready <- port
	}

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// hostFor turns the listener's IP into a host a client can dial: a wildcard
// address becomes the loopback address.
func hostFor(ip net.IP) string {
	switch {
	case ip == nil || ip.IsUnspecified() && ip.To4() != nil:
		return "127.0.0.1"
	case ip.IsUnspecified():
		return "::1"
	default:
		return ip.String()
	}
}

var shellSafe = regexp.MustCompile(`^[A-Za-z0-9_./:@%+=,-]+$`)

// shellQuote quotes a value for a POSIX shell when it needs it.
func shellQuote(v string) string {
	if shellSafe.MatchString(v) {
		return v
	}
	out := "'"
	for _, r := range v {
		if r == '\'' {
			out += `'\''`
		} else {
			out += string(r)
		}
	}
	return out + "'"
}
