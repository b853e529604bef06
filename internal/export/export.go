package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/koreai/terraform-provider-smartassist/internal/adoption"
	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// kind is one type the export writes, in the order of kinds.
type kind struct {
	name  string   // as -only names it, and its file (name + ".tf")
	needs []string // kinds whose objects must be read too (not written)
	read  func(context.Context, *exporter) error
	// names registers the written objects' references, before any file is
	// rendered, so that every file can refer to every other.
	names  func(*exporter)
	render func(*exporter, *file)
}

// kinds are the types, in the order they are read and written.
var kinds = []kind{
	{name: "skill_groups", read: readSkillGroups, names: nameSkillGroups, render: renderSkillGroups},
	{name: "skills", needs: []string{"skill_groups"}, read: readSkills, names: nameSkills, render: renderSkills},
	{name: "agent_groups", read: readAgentGroups, names: nameAgentGroups, render: renderAgentGroups},
	{name: "queues", read: readQueues, names: nameQueues, render: renderQueues},
	{name: "agents", needs: []string{"agent_groups"}, read: readAgents, names: nameAgents, render: renderAgents},
	{name: "contacts", read: readContacts, names: nameContacts, render: renderContacts},
	{name: "sms_campaigns", read: readSMSCampaigns, names: nameSMSCampaigns, render: renderSMSCampaigns},
	{name: "voice_campaigns", read: readVoiceCampaigns, names: nameVoiceCampaigns, render: renderVoiceCampaigns},
}

func kindNames() []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = k.name
	}
	return out
}

func kindByName(name string) (kind, bool) {
	for _, k := range kinds {
		if k.name == name {
			return k, true
		}
	}
	return kind{}, false
}

// exporter holds one export: what was read, the references, and the import
// blocks, as rendering adds them.
type exporter struct {
	c                     *client.Client
	kinds                 map[string]bool // the kinds written
	log                   io.Writer
	calls                 *atomic.Int64
	rpm                   float64
	host, stream, account string
	started               time.Time

	skillGroups []client.SkillGroup
	skills      []client.Skill // of every group, SkillGroupID set
	agentGroups []client.AgentGroup
	queues      []client.Queue
	agents      []client.Agent
	contacts    []client.Contact // the active ones

	smsCampaigns, voiceCampaigns []client.Campaign // read whole, each once

	refs        refs
	imports     []importBlock
	dataSources int
	earlier     *earlier // what this run keeps of an earlier export in its folder; nil for none
}

// importBlock is one import block of imports.tf.
type importBlock struct {
	to ref
	id string
}

// Reference kinds: what refs are keyed by.
const (
	refSkillGroup = "skill_group"
	refSkill      = "skill"
	refAgentGroup = "agent_group"
	refQueue      = "queue"
	refAgent      = "agent" // by user id: agent group managers name users
)

// export reads the account and answers the files to write.
func (e *exporter) export(ctx context.Context) (map[string][]byte, error) {
	read := map[string]bool{}
	for _, k := range kinds {
		if e.kinds[k.name] {
			read[k.name] = true
			for _, n := range k.needs {
				read[n] = true
			}
		}
	}
	for _, k := range kinds {
		if !read[k.name] {
			continue
		}
		before := e.calls.Load()
		if err := k.read(ctx, e); err != nil {
			return nil, fmt.Errorf("reading %s: %w", k.name, err)
		}
		e.progress("%s: %d read in %d calls", k.name, e.count(k.name), e.calls.Load()-before)
	}

	e.refs = refs{}
	for _, k := range kinds {
		if e.kinds[k.name] {
			k.names(e)
		}
	}
	files := map[string][]byte{"providers.tf": e.providers()}
	for _, k := range kinds {
		if !e.kinds[k.name] {
			continue
		}
		f := newFile()
		k.render(e, f)
		if len(f.f.Body().Blocks()) > 0 {
			files[k.name+".tf"] = f.bytes()
		}
	}
	if len(e.imports) > 0 || e.earlier.keptImports() > 0 {
		files["imports.tf"] = e.importsFile()
	}
	if e.kinds["agents"] && len(e.agents) > 0 {
		files[adoption.FileName] = e.adoptionFile()
	}
	return files, nil
}

func (e *exporter) count(kind string) int {
	switch kind {
	case "skill_groups":
		return len(e.skillGroups)
	case "skills":
		return len(e.skills)
	case "agent_groups":
		return len(e.agentGroups)
	case "queues":
		return len(e.queues)
	case "agents":
		return len(e.agents)
	case "sms_campaigns":
		return len(e.smsCampaigns)
	case "voice_campaigns":
		return len(e.voiceCampaigns)
	default:
		return len(e.contacts)
	}
}

func (e *exporter) progress(format string, args ...any) {
	fmt.Fprintf(e.log, "export: "+format+"\n", args...)
}

// budget is how long n calls take at the request budget.
func (e *exporter) budget(n int) time.Duration {
	return time.Duration(float64(n) / e.rpm * float64(time.Minute)).Round(time.Second)
}

// resource opens a resource block, and the import block that adopts it.
func (e *exporter) resource(f *file, to ref, importID string) *hclwrite.Body {
	e.imports = append(e.imports, importBlock{to: to, id: importID})
	return f.block("resource", to.typ, to.name)
}

// dataSource opens a data source block.
func (e *exporter) dataSource(f *file, to ref) *hclwrite.Body {
	e.dataSources++
	return f.block("data", to.typ, to.name)
}

// providers is providers.tf: the provider's source, and the account it
// reads. Credentials stay in the environment.
func (e *exporter) providers() []byte {
	f := newFile()
	tf := f.block("terraform")
	req := tf.AppendNewBlock("required_providers", nil).Body()
	req.SetAttributeRaw("smartassist", objectTokens(map[string]string{"source": "koreai/smartassist"}))
	p := f.block("provider", "smartassist")
	if e.host != client.DefaultHost {
		setString(p, "host", e.host)
	}
	setString(p, "stream_id", e.stream)
	setString(p, "account_id", e.account)
	return f.bytes()
}

// importsFile is imports.tf: the import blocks, by kind then name. The
// blocks of a kind this run does not export are those an earlier export
// wrote (earlier.go), as they were; blocks of no kind come last.
func (e *exporter) importsFile() []byte {
	sort.SliceStable(e.imports, func(a, b int) bool { return e.imports[a].to.name < e.imports[b].to.name })
	var blocks [][]byte
	for _, k := range kinds {
		typ := "smartassist_" + singular(k.name)
		if !e.kinds[k.name] {
			if e.earlier != nil {
				blocks = append(blocks, e.earlier.imports[typ]...)
			}
			continue
		}
		for _, imp := range e.imports {
			if imp.to.typ != typ {
				continue
			}
			f := newFile()
			b := f.block("import")
			b.SetAttributeTraversal("to", addressTraversal(imp.to))
			setString(b, "id", imp.id)
			blocks = append(blocks, f.bytes())
		}
	}
	if e.earlier != nil {
		blocks = append(blocks, e.earlier.imports[""]...)
	}
	out := hclwrite.Format(bytes.Join(blocks, []byte("\n")))
	return []byte(strings.TrimLeft(string(out), "\n"))
}

func singular(kind string) string { return kind[:len(kind)-1] }
