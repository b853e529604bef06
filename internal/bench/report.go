package bench

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Render writes the benchmark report as markdown.
func Render(res Results, verdicts []Verdict) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	w("# Benchmarks\n\n")
	w("`make bench` drives the real `terraform` CLI against the in-process SmartAssist API emulator and measures ")
	w("each command: wall time, API calls by route, 429 answers and the provider's peak memory.\n\n")
	w("- **Date:** %s\n", res.Started.UTC().Format("2006-01-02 15:04 MST"))
	if res.Elapsed > 0 {
		w("- **Duration of the whole run:** %s\n", res.Elapsed.Round(time.Second))
	}
	m := res.Machine
	w("- **Machine:** %s, %d logical CPUs, %s memory, %s/%s\n", orDash(m.CPU), m.CPUs, gib(m.MemKiB), m.OS, m.Arch)
	w("- **Go:** %s; **Terraform:** %s\n", orDash(m.Go), orDash(m.Terraform))
	if m.LoadAvg != "" {
		w("- **Load average when the run began:** %s (other work on the machine lengthens every wall time)\n", m.LoadAvg)
	}
	w("- **Scenarios:** %s; **modes:** %s; **`-parallelism=%d`**\n\n", scenarioList(res.Scenarios), modeList(res.Modes), res.Parallelism)

	w("## Method\n\n")
	writeMethod(&b, res)

	for _, mode := range res.Modes {
		w("## %s\n\n", mode.Title)
		if mode.Limited() {
			w("The emulator accepts %d requests in any sliding minute and the provider block sets `requests_per_minute = %s`. ",
				mode.EmulatorRPM, fmtFloat(mode.ProviderRPM))
			w("*Ideal* is calls ÷ rate, the time the calls need at %d a minute (%s s a call). ",
				mode.EmulatorRPM, fmtFloat(60/float64(mode.EmulatorRPM)))
			w("It leaves out terraform's own time (the floor), which dominates a command that makes few calls.\n\n")
		} else {
			w("The emulator enforces no limit and the provider block sets `requests_per_minute = %s`, so the client never waits. ",
				fmtFloat(mode.ProviderRPM))
			w("*Floor* is the same phase with `terraform_data` resources (table below).\n\n")
		}
		writeModeTable(&b, res, mode)
	}

	w("## Floor: the same objects as `terraform_data`\n\n")
	w("Plain `terraform_data` resources with the same values (built into terraform: no provider, no API calls), ")
	w("through the same four commands. It is what terraform itself costs at each size. Each scenario's floor runs ")
	w("right before its mode (a) run.\n\n")
	if len(res.Floors) == 0 {
		w("No floor was measured: it runs with mode (a), which did not run.\n\n")
	} else {
		writeFloorTable(&b, res)
	}
	writeAccountSection(&b, res.Accounts)
	writeFleetSection(&b, res)
	writeAdoptionSection(&b, res)
	w("## Targets\n\n")
	met, notMet := 0, 0
	for _, v := range verdicts {
		switch v.Outcome {
		case Met:
			met++
		case NotMet:
			notMet++
		}
	}
	w("%d met, %d not met", met, notMet)
	if na := len(verdicts) - met - notMet; na > 0 {
		w(", %d not applicable", na)
	}
	w(". Each limit is the issue's, unchanged.\n\n")
	w("| Target | Scenario | Mode | Phase | Measured | Limit | Result |\n|---|---|---|---|---|---|---|\n")
	for _, v := range verdicts {
		result := string(v.Outcome)
		if v.Outcome == NotMet {
			result = "**not met**"
		}
		w("| %s | %s | %s | %s | %s | %s | %s |\n", v.Target, v.Scenario, orDash(v.Mode), orDash(string(v.Phase)),
			cell(v.Measured), cell(v.Limit), result)
	}
	w("\n")
	if why := explanations(verdicts); len(why) > 0 {
		w("### Why the targets not met are not met\n\n%s\n\n", strings.Join(why, "\n"))
	}

	var failures []string
	for _, run := range append(append([]ScenarioRun{}, res.Floors...), res.Runs...) {
		for _, pm := range run.Phases {
			if pm.Failure != "" {
				failures = append(failures, fmt.Sprintf("### %s, %s, %s\n\n```text\n%s\n```\n", run.Scenario, runLabel(run), pm.Phase, pm.Failure))
			}
		}
	}
	if len(failures) > 0 {
		w("## Failures\n\n%s", strings.Join(failures, "\n"))
	}
	return b.String()
}

func writeMethod(b *strings.Builder, res Results) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	w("- The provider is built once (`go build`) and used through a `dev_overrides` CLI configuration in a temporary ")
	w("`TF_CLI_CONFIG_FILE`, without `terraform init`. Every scenario runs in a temporary directory with a local state.\n")
	w("- Each scenario and mode gets a fresh emulator, served over HTTP on a loopback port inside the benchmark process, ")
	w("with its default seed.\n")
	w("- **Agents** each have 2 `queue` blocks, 2 `skill` blocks, 2 `chat_language_support` blocks and a ")
	w("`voice_language_support` block, a distinct email (`bench-agent-0000@example.com`, …) and phone number, and no `custom_id`. ")
	w("**Contacts** each have a distinct cell phone number.\n")
	w("- **Phases:** *create* is `terraform apply`; *refresh* is `terraform plan -detailed-exitcode`, which must report ")
	w("no changes (exit 0; anything else fails the run); *update* changes every tenth object (10%%: agents' `nickname` and ")
	w("`max_chat_support`, contacts' `first_name`) and runs `terraform apply`; *destroy* is `terraform destroy`. ")
	w("Every command refreshes the state first, except the create; the update's and destroy's figures include their refresh.\n")
	w("- **Each command is measured on its own.** Before every command the emulator's counters are reset and so is its ")
	w("rate-limit window (`ResetRateWindow`), and the providers' shared budget (a state file in the run's own cache ")
	w("directory, `XDG_CACHE_HOME`) is removed, so in mode (b) each command starts with a whole minute's budget.\n")
	w("- **Calls** are the API requests the emulator received during the command, by method and route (requests answered ")
	w("429 included); **429s** are its 429 answers. *Calls/object* divides by N. For an update, the route cell also shows ")
	w("the calls *beyond the refresh*: the update's calls minus those of the refresh phase (a plan against the same state), ")
	w("route by route, which is what the update target is held to.\n")
	w("- **Peak memory** is the largest `VmHWM` in `/proc/<pid>/status` of any process running the provider build, polled ")
	w("every %d ms during the command (terraform starts the provider more than once per command; the maximum is kept).\n",
		PollInterval.Milliseconds())
	w("- **Parallelism:** terraform runs with `-parallelism=%d`. The provider sends contact writes in bulk calls of up to 25, ", res.Parallelism)
	w("and terraform's default parallelism of 10 would cap a batch at 10.\n")
	w("- **Run modes:** (a) no rate limit on either side, compared with the floor; (b) the documented 60 requests a ")
	w("minute sped up tenfold, 600 on both the emulator and the provider, compared with the ideal time calls ÷ rate.\n\n")
}

func writeFloorTable(b *strings.Builder, res Results) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	w("| Scenario | create (s) | refresh (s) | update (s) | destroy (s) |\n|---|--:|--:|--:|--:|\n")
	for _, s := range res.Scenarios {
		f, ok := res.Floor(s)
		if !ok {
			continue
		}
		w("| %s |", s)
		for _, p := range Phases {
			if pm, ok := f.Phase(p); ok {
				w(" %s |", secs(pm.Wall))
			} else {
				w(" — |")
			}
		}
		w("\n")
	}
	w("\n")
}

func writeModeTable(b *strings.Builder, res Results, mode Mode) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	ref, ratio := "Floor (s)", "× floor"
	if mode.Limited() {
		ref, ratio = "Ideal (s)", "× ideal"
	}
	w("| Scenario | Phase | Wall (s) | %s | %s | Calls | Calls/object | 429s | Peak MiB | Calls by route |\n", ref, ratio)
	w("|---|---|--:|--:|--:|--:|--:|--:|--:|---|\n")
	for _, s := range res.Scenarios {
		run, ok := res.Run(s, mode.Name)
		if !ok {
			continue
		}
		floor, hasFloor := res.Floor(s)
		for _, pm := range run.Phases {
			var refWall time.Duration
			if mode.Limited() {
				refWall = IdealWall(pm.Total(), mode.EmulatorRPM)
			} else if hasFloor {
				if f, ok := floor.Phase(pm.Phase); ok {
					refWall = f.Wall
				}
			}
			refText, ratioText := "—", "—"
			if refWall > 0 {
				refText = secs(refWall)
				if r := Ratio(pm.Wall, refWall); !math.IsNaN(r) {
					ratioText = fmt.Sprintf("%.2f", r)
				}
			}
			phase := string(pm.Phase)
			if pm.Failure != "" {
				phase += " (**failed**)"
			}
			routes := Routes(pm.Calls)
			if pm.Phase == Update {
				if rp, ok := run.Phase(Refresh); ok {
					routes += "; beyond the refresh: " + Routes(OwnCalls(pm.Calls, rp.Calls))
				}
			}
			w("| %s | %s | %s | %s | %s | %d | %.2f | %d | %s | %s |\n", s, phase, secs(pm.Wall), refText, ratioText,
				pm.Total(), float64(pm.Total())/float64(s.N), pm.TooMany(), peakCell(pm.PeakKiB), cell(routes))
		}
	}
	w("\n")
}

// Routes formats calls compactly, most called first: "POST /agents 10, GET /agents 2".
func Routes(calls map[string]int) string {
	keys := sortedRoutes(calls)
	if len(keys) == 0 {
		return "none"
	}
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, calls[k])
	}
	return strings.Join(parts, ", ")
}

func runLabel(r ScenarioRun) string {
	if r.Floor {
		return "floor"
	}
	return "mode " + r.Mode.Name
}

func scenarioList(ss []Scenario) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.String()
	}
	return strings.Join(parts, ", ")
}

func modeList(ms []Mode) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.Name
	}
	return strings.Join(parts, ", ")
}

func peakCell(kib int64) string {
	if kib == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f", float64(kib)/1024)
}

func gib(kib int64) string {
	if kib == 0 {
		return "unknown"
	}
	return fmt.Sprintf("%.1f GiB", float64(kib)/(1024*1024))
}

func fmtFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// cell makes text safe inside a markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}
