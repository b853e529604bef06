package bench

import "strings"

// whyNotMet explains, per target, what stands between a run and the target
// when it is not met. Each text says what the figures show and why; none
// changes a limit.
var whyNotMet = []struct{ target, why string }{
	{"wall time within 15% of calls ÷ rate",
		"The ideal, calls ÷ rate, leaves out terraform's own time: starting the CLI and the provider, " +
			"walking the graph, planning and writing the state, which the floor table measures. A command " +
			"that makes few calls (10 agents, contacts in bulk, a refresh through the shared list) spends most " +
			"of its time there, so its ratio to the ideal is far above 1.15 while the calls themselves keep " +
			"their pace. The commands that are mostly calls, such as creating 100 or 500 agents, come within " +
			"about 15% of the ideal; a destroy adds a refresh's worth of terraform time on top."},
	{"wall time ≤ 2× the terraform_data floor",
		"A refresh of `terraform_data` costs terraform almost nothing, while each agent's refresh is a " +
			"ReadResource and a PlanResourceChange through the plugin protocol, with sets of nested blocks " +
			"converted both ways by the plugin framework. The API calls are few (see the calls column), so the " +
			"difference is the provider's per-resource work on a two-core machine shared with terraform, not " +
			"waiting on the API."},
	{"contacts create/update/destroy",
		"The target is held to the whole command, refresh included. Contacts have no get-one endpoint, so a " +
			"refresh reads the whole contact list; the emulator answers at most 100 contacts a page (the " +
			"maximum page size is undocumented), which makes ⌈N/100⌉ reads, 6 at N = 500. A destroy is that " +
			"refresh plus ⌈N/25⌉ bulk deletes: 26 calls at best against 22. A create has no refresh; it misses " +
			"only when terraform hands the provider fewer than 25 creates at once, which splits a batch."},
	{"update k agents",
		"The update's own calls are taken as the update command's calls minus those of the refresh phase. " +
			"The refresh's few GETs (for the first reads of a run) can differ by one or two between the two " +
			"commands, which shows here as GETs beyond k."},
	{"refresh N agents",
		"The refresh reads the agent list once (⌈T/10⌉ pages for T agents in the account) plus a GET for each " +
			"of the first reads of the run."},
	{"create N agents",
		"Each walk for new agents reads the pages that hold them; when terraform hands the provider its " +
			"creates in smaller groups, the walks overlap on the same pages."},
	{"no 429 answers",
		"The client spaces requests evenly and keeps a quarter second free at the edge of each minute; a 429 " +
			"here means two provider processes of one command (plan, then apply) together spent more than " +
			"the emulator's minute."},
	{"provider peak memory", "The provider holds the agent list of the run in memory."},
	{"wall of the pair ≈ calls ÷ rate + floor",
		"The API span (first request to last) is close to calls ÷ rate: while both applies have requests to " +
			"make, the shared budget is spent at its pace. What the floor of two `terraform_data` applies does not " +
			"hold is the provider's own start and per-resource plugin work in each of the two applies (a plan " +
			"process and an apply process each), on a two-core machine shared with other work, and the stretches " +
			"where neither apply has a request to make (each apply's plan, and the wait of its creates for each " +
			"other's answers before their shared lookup)."},
}

// explanations are the texts of whyNotMet for the targets that were not met.
func explanations(verdicts []Verdict) []string {
	var out []string
	for _, w := range whyNotMet {
		for _, v := range verdicts {
			if v.Outcome == NotMet && strings.HasPrefix(v.Target, w.target) {
				out = append(out, "- **"+w.target+"**: "+w.why)
				break
			}
		}
	}
	return out
}
