package bench

import (
	"fmt"
	"math"
	"strings"
)

// The targets of issue 28's runners.
const (
	fleetMaxTooMany   = 0.05 // of the calls
	fleetMaxIdeal     = 1.2  // five machines: wall ÷ (calls ÷ rate + floor)
	fleetAloneMaxIdea = 1.1  // one machine alone
)

// FleetHeading is the heading of the runners' section, which -merge
// replaces on its own.
const FleetHeading = "## Runners on several machines"

// fleetVerdicts holds a fleet run against the targets, through v
// (accountVerdicts' row maker).
func fleetVerdicts(run AccountRun, v func(target, measured, limit string, ok bool) *Verdict) {
	share := float64(run.TooMany) / float64(max(run.Calls, 1))
	ratio := Ratio(run.Wall, run.Ideal())
	switch {
	case run.Scenario.Applies > 1:
		v("429s ≤ 5% of the calls", fmt.Sprintf("%d of %d (%.1f%%)", run.TooMany, run.Calls, 100*share), "≤ 5%", share <= fleetMaxTooMany)
		v("wall ≤ 1.2 × (calls ÷ rate + floor)", fmt.Sprintf("%.1f s = %.2f × %.1f s", run.Wall.Seconds(), ratio, run.Ideal().Seconds()),
			"≤ 1.20 ×", !math.IsNaN(ratio) && ratio <= fleetMaxIdeal)
	default: // one machine alone
		v("no 429", fmt.Sprint(run.TooMany), "0", run.TooMany == 0)
		v("one machine alone: wall ≤ 1.1 × (calls ÷ rate + floor)", fmt.Sprintf("%.1f s = %.2f × %.1f s", run.Wall.Seconds(), ratio, run.Ideal().Seconds()),
			"≤ 1.10 ×", !math.IsNaN(ratio) && ratio <= fleetAloneMaxIdea)
	}
}

// writeFleetSection renders the fleet runs and their targets.
func writeFleetSection(b *strings.Builder, res Results) {
	var runs []AccountRun
	for _, r := range res.Accounts {
		if r.Scenario.Fleet {
			runs = append(runs, r)
		}
	}
	if len(runs) == 0 {
		return
	}
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	w("%s\n\n", FleetHeading)
	w("Measured %s, load average %s when the run began, on the machine above.\n\n",
		res.Started.UTC().Format("2006-01-02 15:04 MST"), orDash(res.Machine.LoadAvg))
	w("Five CI runners on five machines apply 12 agents each to one account at the documented 60 requests a minute, ")
	w("started at once: each apply is its own terraform and provider processes with a cache folder of its own, so ")
	w("no budget file connects them, and the emulator's throttles carry no Retry-After, as the vendor's pages document ")
	w("none. They meet only through the API's 429s. *Ideal* is calls ÷ rate (429s included: they took their place in ")
	w("the schedule) plus the floor, the same number of `terraform_data` applies at once. The second row is one of them ")
	w("alone. Every machine must meet one throttle to learn it is not alone, so five is the least number of 429s ")
	w("when all five are still at work as the account's window first fills.")
	w("%s", fleetFloor(runs))
	w(" The last row gives each of the five 30 agents: work that lasts minutes, so the machines probe for more once ")
	w("their pace has held for two minutes after a throttle, and each round of probes costs each of them one more; a ")
	w("pace that climbed back sooner would meet more rounds.\n\n")
	w("| Scenario | Applies × agents | Calls | 429 | 429 share | Wall (s) | API span (s) | Calls ÷ rate (s) | Floor (s) | Ideal (s) | Wall ÷ ideal |\n")
	w("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, run := range runs {
		s := run.Scenario
		w("| %s | %d × %d | %d | %d | %.1f%% | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f |\n", s.Title, s.Applies, s.Agents,
			run.Calls, run.TooMany, 100*float64(run.TooMany)/float64(max(run.Calls, 1)), run.Wall.Seconds(), run.Span.Seconds(),
			IdealWall(run.Calls, s.RPM).Seconds(), run.FloorWall.Seconds(), run.Ideal().Seconds(), Ratio(run.Wall, run.Ideal()))
	}
	w("\n")
	var verdicts []Verdict
	for _, v := range accountVerdicts(runs) {
		verdicts = append(verdicts, v)
	}
	writeVerdicts(b, verdicts)
}

// fleetFloor says, from the five machines' run and the lone one's, why
// their five throttles are the floor and what share of the calls that
// floor is; empty when either run is missing.
func fleetFloor(runs []AccountRun) string {
	var alone, five *AccountRun
	for i := range runs {
		switch runs[i].Scenario.Name {
		case "one-machine":
			alone = &runs[i]
		case "five-machines":
			five = &runs[i]
		}
	}
	if alone == nil || five == nil {
		return ""
	}
	return fmt.Sprintf(" A lone apply of %d agents made %d calls here, so five of them cannot all finish within the window's %d "+
		"before it fills; and the list walks that find the new agents (their create answer has no id) cross pages of the "+
		"others' agents too, so the five made %d calls: five throttles are %.1f%% of them.",
		alone.Scenario.Agents, alone.Calls, alone.Scenario.RPM, five.Calls, 100*float64(five.Scenario.Applies)/float64(max(five.Calls, 1)))
}

// MergeSections replaces, in the report old, the sections of fresh whose
// headings are among headings, and adds those old lacks before its
// targets. It is how a run of a few scenarios updates BENCHMARKS.md
// without measuring everything again.
func MergeSections(old, fresh string, headings []string) string {
	oldSecs, freshSecs := splitSections(old), splitSections(fresh)
	for _, h := range headings {
		body, ok := freshSecs.get(h)
		if !ok {
			continue
		}
		if i := oldSecs.index(h); i >= 0 {
			oldSecs[i].body = body
			continue
		}
		at := oldSecs.index("## Targets")
		if at < 0 {
			at = len(oldSecs)
		}
		oldSecs = append(oldSecs[:at], append(sections{{h + "\n", body}}, oldSecs[at:]...)...)
	}
	var b strings.Builder
	for _, s := range oldSecs {
		b.WriteString(s.head)
		b.WriteString(s.body)
	}
	return b.String()
}

type section struct{ head, body string } // head: the "## …" line, empty for the preamble
type sections []section

func splitSections(text string) sections {
	out := sections{{}}
	for _, line := range strings.SplitAfter(text, "\n") {
		if strings.HasPrefix(line, "## ") {
			out = append(out, section{head: line})
			continue
		}
		out[len(out)-1].body += line
	}
	return out
}

func (ss sections) index(heading string) int {
	for i, s := range ss {
		if strings.TrimSpace(s.head) == heading {
			return i
		}
	}
	return -1
}

func (ss sections) get(heading string) (string, bool) {
	if i := ss.index(heading); i >= 0 {
		return ss[i].body, true
	}
	return "", false
}
