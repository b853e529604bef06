package export

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// With -only, an export rewrites the files of the kinds it exports and
// keeps those of the others, which an earlier export may have written into
// the same folder: removed, their resources would be destroyed by the next
// apply. The files every kind shares follow these rules:
//
//   - imports.tf keeps the import blocks of the kinds not exported this
//     run, as they were, and takes this run's blocks in place of those of
//     the kinds exported;
//   - providers.tf is rewritten, and must not change: the files kept were
//     read from the account, stream and host it names.
//
// Without -only, every kind is exported and the folder's export is written
// anew.

// earlier is what this run keeps of an earlier export in its folder.
type earlier struct {
	// imports are the import blocks of imports.tf that this run keeps, by
	// the resource type they import to ("" for a type of no kind), each as
	// it was written.
	imports map[string][][]byte
	kept    int // how many blocks imports holds
}

// readEarlier reads what an export of the kinds in exported into dir keeps
// of an earlier one there. providers is the providers.tf this export writes,
// without the marker. Only files that carry generatedMarker are read: a
// user's file is never merged. A folder exported for another account, or an
// imports.tf that does not parse, is bad input.
func readEarlier(dir string, exported map[string]bool, providers []byte) (*earlier, error) {
	out := &earlier{imports: map[string][][]byte{}}
	if len(exported) == len(kinds) {
		return out, nil
	}
	old, marked, err := readMarked(filepath.Join(dir, "providers.tf"))
	if err != nil {
		return nil, err
	}
	if marked && !bytes.Equal(old, providers) {
		return nil, badInput("providers.tf in %s is for another account, stream or host than this export's, and -only keeps the "+
			"files of the other types, which were read from there: export every type (leave out -only), or export into another folder", dir)
	}
	old, marked, err = readMarked(filepath.Join(dir, "imports.tf"))
	if err != nil || !marked {
		return out, err
	}
	f, diags := hclwrite.ParseConfig(old, "imports.tf", hcl.InitialPos)
	if diags.HasErrors() {
		return nil, badInput("imports.tf in %s, written by an earlier export, does not parse (%s), so the import blocks of the types "+
			"-only leaves out cannot be kept: correct or remove it, or export every type (leave out -only)", dir, diags.Error())
	}
	for _, b := range f.Body().Blocks() {
		typ := importTarget(b)
		if k, ok := kindOfType(typ); ok && exported[k] {
			continue
		} else if !ok {
			typ = ""
		}
		out.imports[typ] = append(out.imports[typ], b.BuildTokens(nil).Bytes())
		out.kept++
	}
	return out, nil
}

// readMarked reads the file at p, without its marker: marked is false when
// the file is missing or does not begin with generatedMarker.
func readMarked(p string) (content []byte, marked bool, err error) {
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, badInput("cannot read %s: %v", p, err)
	}
	rest, marked := bytes.CutPrefix(data, []byte(generatedMarker))
	return rest, marked, nil
}

// importTarget is the resource type an import block imports to
// (smartassist_queue for to = smartassist_queue.support), or "" when the
// block is not an import block with a plain address.
func importTarget(b *hclwrite.Block) string {
	if b.Type() != "import" || b.Body().GetAttribute("to") == nil {
		return ""
	}
	to := strings.TrimSpace(string(b.Body().GetAttribute("to").Expr().BuildTokens(nil).Bytes()))
	typ, _, _ := strings.Cut(to, ".")
	return typ
}

// kindOfType is the kind whose resources have the type typ.
func kindOfType(typ string) (string, bool) {
	for _, k := range kinds {
		if "smartassist_"+singular(k.name) == typ {
			return k.name, true
		}
	}
	return "", false
}

// answersFor reports whether this run answers for the file name in its
// folder: with -force, a file it answers for that carries the marker and
// that it does not write is removed. It answers for the files of the kinds
// it exports and the shared ones; for any other file of an earlier export
// only when it exports every kind.
func (e *exporter) answersFor(name string) bool {
	switch name {
	case "providers.tf", "imports.tf":
		return true
	}
	for _, k := range kinds {
		if name == k.name+".tf" {
			return e.kinds[k.name]
		}
	}
	return len(e.kinds) == len(kinds)
}

// keptImports is how many import blocks of an earlier export this run keeps.
func (e *earlier) keptImports() int {
	if e == nil {
		return 0
	}
	return e.kept
}
