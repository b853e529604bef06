package export

import (
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// ref is how a written object is pointed at: a resource ("smartassist_queue"
// "support") or a data source (data "smartassist_queue" "default").
type ref struct {
	data bool
	typ  string
	name string
}

// traversal is ref's address followed by attr: smartassist_queue.support.id.
func (r ref) traversal(attr string) hcl.Traversal {
	t := hcl.Traversal{}
	if r.data {
		t = append(t, hcl.TraverseRoot{Name: "data"}, hcl.TraverseAttr{Name: r.typ})
	} else {
		t = append(t, hcl.TraverseRoot{Name: r.typ})
	}
	return append(t, hcl.TraverseAttr{Name: r.name}, hcl.TraverseAttr{Name: attr})
}

// address is the resource address an import block names.
func (r ref) address() string { return r.typ + "." + r.name }

// value is what an attribute that names another object is set to: a
// reference to its id when that object is written too, else the id itself.
type value struct {
	to *ref
	id string
}

func (v value) tokens(attr string) hclwrite.Tokens {
	if v.to != nil {
		return hclwrite.TokensForTraversal(v.to.traversal(attr))
	}
	return hclwrite.TokensForValue(cty.StringVal(v.id))
}

// refs finds what is written for an id, per kind.
type refs map[string]map[string]*ref

func (r refs) add(kind, id string, to ref) {
	if r[kind] == nil {
		r[kind] = map[string]*ref{}
	}
	r[kind][id] = &to
}

// to is the value of an attribute naming the object of kind with id.
func (r refs) to(kind, id string) value { return value{to: r[kind][id], id: id} }

// setString sets attr to s.
func setString(b *hclwrite.Body, attr, s string) {
	b.SetAttributeValue(attr, cty.StringVal(s))
}

// setOptString sets attr to s unless it is empty, which the provider reads
// as the attribute being left out.
func setOptString(b *hclwrite.Body, attr, s string) {
	if s != "" {
		setString(b, attr, s)
	}
}

func setBool(b *hclwrite.Body, attr string, v bool) { b.SetAttributeValue(attr, cty.BoolVal(v)) }

// setRef sets attr to v (a reference or an id).
func setRef(b *hclwrite.Body, attr string, v value) { b.SetAttributeRaw(attr, v.tokens("id")) }

// setRefList sets attr to a list of values, in the order given.
func setRefList(b *hclwrite.Body, attr string, vs []value) {
	elems := make([]hclwrite.Tokens, 0, len(vs))
	for _, v := range vs {
		elems = append(elems, v.tokens("id"))
	}
	b.SetAttributeRaw(attr, hclwrite.TokensForTuple(elems))
}

// file is one .tf file being written: its blocks, separated by blank lines.
type file struct{ f *hclwrite.File }

func newFile() *file { return &file{f: hclwrite.NewEmptyFile()} }

// block appends a block and answers its body.
func (f *file) block(typ string, labels ...string) *hclwrite.Body {
	body := f.f.Body()
	if len(body.Blocks()) > 0 || len(body.Attributes()) > 0 {
		body.AppendNewline()
	}
	return body.AppendNewBlock(typ, labels).Body()
}

// bytes is the file as terraform fmt writes it.
func (f *file) bytes() []byte {
	out := hclwrite.Format(f.f.Bytes())
	return []byte(strings.TrimLeft(string(out), "\n"))
}

// addressTraversal is the resource address of to, for an import block.
func addressTraversal(to ref) hcl.Traversal {
	return hcl.Traversal{hcl.TraverseRoot{Name: to.typ}, hcl.TraverseAttr{Name: to.name}}
}

// objectTokens is an object of string attributes, in name order.
func objectTokens(attrs map[string]string) hclwrite.Tokens {
	names := make([]string, 0, len(attrs))
	for n := range attrs {
		names = append(names, n)
	}
	sortStrings(names)
	items := make([]hclwrite.ObjectAttrTokens, 0, len(names))
	for _, n := range names {
		items = append(items, hclwrite.ObjectAttrTokens{
			Name:  hclwrite.TokensForIdentifier(n),
			Value: hclwrite.TokensForValue(cty.StringVal(attrs[n])),
		})
	}
	return hclwrite.TokensForObject(items)
}

func sortStrings(s []string) { sort.Strings(s) }
