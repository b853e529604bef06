// Package docschema writes a provider's schemas in the shape of
// `terraform providers schema -json`, read straight from the provider's
// protocol server in this process.
//
// tfplugindocs takes that JSON as a file (--providers-schema). Asking a
// Terraform CLI for it means building Terraform 1.16 first, because only a
// CLI 1.12+ reports identity schemas and only 1.14+ list resources and
// actions; on a fresh machine that build takes minutes of CPU that the docs
// check does not need. The conversion below is the one the CLI makes:
// protocol types to the JSON form that github.com/hashicorp/terraform-json
// reads, with cty's type JSON for attribute types.
package docschema

import (
	"context"
	"encoding/json"
	"fmt"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/zclconf/go-cty/cty"
)

// FormatVersion is the format_version the CLI writes for this shape.
const FormatVersion = "1.0"

// Read asks srv for every schema it serves and returns them under name, as
// the CLI reports one provider.
func Read(ctx context.Context, srv tfprotov6.ProviderServer, name string) (*tfjson.ProviderSchemas, error) {
	resp, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		return nil, fmt.Errorf("reading the provider schema: %w", err)
	}
	if err := diagnosticsError("the provider schema", resp.Diagnostics); err != nil {
		return nil, err
	}
	ids, err := srv.GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		return nil, fmt.Errorf("reading the resource identity schemas: %w", err)
	}
	if err := diagnosticsError("the resource identity schemas", ids.Diagnostics); err != nil {
		return nil, err
	}

	out := &tfjson.ProviderSchema{
		ResourceSchemas:         map[string]*tfjson.Schema{},
		DataSourceSchemas:       map[string]*tfjson.Schema{},
		ListResourceSchemas:     map[string]*tfjson.Schema{},
		ActionSchemas:           map[string]*tfjson.ActionSchema{},
		ResourceIdentitySchemas: map[string]*tfjson.IdentitySchema{},
	}
	if out.ConfigSchema, err = schema(resp.Provider); err != nil {
		return nil, fmt.Errorf("provider: %w", err)
	}
	for _, kind := range []struct {
		in  map[string]*tfprotov6.Schema
		out map[string]*tfjson.Schema
	}{
		{resp.ResourceSchemas, out.ResourceSchemas},
		{resp.DataSourceSchemas, out.DataSourceSchemas},
		{resp.ListResourceSchemas, out.ListResourceSchemas},
	} {
		for typ, s := range kind.in {
			if kind.out[typ], err = schema(s); err != nil {
				return nil, fmt.Errorf("%s: %w", typ, err)
			}
		}
	}
	for typ, a := range resp.ActionSchemas {
		s, err := schema(a.Schema)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", typ, err)
		}
		out.ActionSchemas[typ] = &tfjson.ActionSchema{Block: s.Block}
	}
	for typ, s := range ids.IdentitySchemas {
		if out.ResourceIdentitySchemas[typ], err = identity(s); err != nil {
			return nil, fmt.Errorf("%s identity: %w", typ, err)
		}
	}
	return &tfjson.ProviderSchemas{
		FormatVersion: FormatVersion,
		Schemas:       map[string]*tfjson.ProviderSchema{name: out},
	}, nil
}

func diagnosticsError(what string, diags []*tfprotov6.Diagnostic) error {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return fmt.Errorf("reading %s: %s: %s", what, d.Summary, d.Detail)
		}
	}
	return nil
}

func schema(s *tfprotov6.Schema) (*tfjson.Schema, error) {
	if s == nil {
		return &tfjson.Schema{Block: &tfjson.SchemaBlock{DescriptionKind: tfjson.SchemaDescriptionKindPlain}}, nil
	}
	b, err := block(s.Block)
	if err != nil {
		return nil, err
	}
	return &tfjson.Schema{Version: uint64(s.Version), Block: b}, nil
}

func block(b *tfprotov6.SchemaBlock) (*tfjson.SchemaBlock, error) {
	out := &tfjson.SchemaBlock{DescriptionKind: tfjson.SchemaDescriptionKindPlain}
	if b == nil {
		return out, nil
	}
	out.Description = b.Description
	out.DescriptionKind = descriptionKind(b.DescriptionKind)
	out.Deprecated = b.Deprecated
	var err error
	if out.Attributes, err = attributes(b.Attributes); err != nil {
		return nil, err
	}
	if len(b.BlockTypes) > 0 {
		out.NestedBlocks = make(map[string]*tfjson.SchemaBlockType, len(b.BlockTypes))
	}
	for _, nb := range b.BlockTypes {
		inner, err := block(nb.Block)
		if err != nil {
			return nil, fmt.Errorf("block %s: %w", nb.TypeName, err)
		}
		mode, ok := blockNesting[nb.Nesting]
		if !ok {
			return nil, fmt.Errorf("block %s: nesting mode %v has no JSON name", nb.TypeName, nb.Nesting)
		}
		out.NestedBlocks[nb.TypeName] = &tfjson.SchemaBlockType{
			NestingMode: mode,
			Block:       inner,
			MinItems:    uint64(nb.MinItems),
			MaxItems:    uint64(nb.MaxItems),
		}
	}
	return out, nil
}

var blockNesting = map[tfprotov6.SchemaNestedBlockNestingMode]tfjson.SchemaNestingMode{
	tfprotov6.SchemaNestedBlockNestingModeSingle: tfjson.SchemaNestingModeSingle,
	tfprotov6.SchemaNestedBlockNestingModeGroup:  tfjson.SchemaNestingModeGroup,
	tfprotov6.SchemaNestedBlockNestingModeList:   tfjson.SchemaNestingModeList,
	tfprotov6.SchemaNestedBlockNestingModeSet:    tfjson.SchemaNestingModeSet,
	tfprotov6.SchemaNestedBlockNestingModeMap:    tfjson.SchemaNestingModeMap,
}

var objectNesting = map[tfprotov6.SchemaObjectNestingMode]tfjson.SchemaNestingMode{
	tfprotov6.SchemaObjectNestingModeSingle: tfjson.SchemaNestingModeSingle,
	tfprotov6.SchemaObjectNestingModeList:   tfjson.SchemaNestingModeList,
	tfprotov6.SchemaObjectNestingModeSet:    tfjson.SchemaNestingModeSet,
	tfprotov6.SchemaObjectNestingModeMap:    tfjson.SchemaNestingModeMap,
}

func attributes(in []*tfprotov6.SchemaAttribute) (map[string]*tfjson.SchemaAttribute, error) {
	if len(in) == 0 {
		return nil, nil
	}
	out := make(map[string]*tfjson.SchemaAttribute, len(in))
	for _, a := range in {
		attr := &tfjson.SchemaAttribute{
			Description:     a.Description,
			DescriptionKind: descriptionKind(a.DescriptionKind),
			Deprecated:      a.Deprecated,
			Required:        a.Required,
			Optional:        a.Optional,
			Computed:        a.Computed,
			Sensitive:       a.Sensitive,
			WriteOnly:       a.WriteOnly,
		}
		if a.NestedType != nil {
			mode, ok := objectNesting[a.NestedType.Nesting]
			if !ok {
				return nil, fmt.Errorf("attribute %s: nesting mode %v has no JSON name", a.Name, a.NestedType.Nesting)
			}
			inner, err := attributes(a.NestedType.Attributes)
			if err != nil {
				return nil, fmt.Errorf("attribute %s: %w", a.Name, err)
			}
			attr.AttributeNestedType = &tfjson.SchemaNestedAttributeType{Attributes: inner, NestingMode: mode}
		} else {
			t, err := ctyType(a.Type)
			if err != nil {
				return nil, fmt.Errorf("attribute %s: %w", a.Name, err)
			}
			attr.AttributeType = t
		}
		out[a.Name] = attr
	}
	return out, nil
}

func identity(s *tfprotov6.ResourceIdentitySchema) (*tfjson.IdentitySchema, error) {
	out := &tfjson.IdentitySchema{
		Version:    uint64(s.Version),
		Attributes: make(map[string]*tfjson.IdentityAttribute, len(s.IdentityAttributes)),
	}
	for _, a := range s.IdentityAttributes {
		t, err := ctyType(a.Type)
		if err != nil {
			return nil, fmt.Errorf("attribute %s: %w", a.Name, err)
		}
		out.Attributes[a.Name] = &tfjson.IdentityAttribute{
			IdentityType:      t,
			Description:       a.Description,
			RequiredForImport: a.RequiredForImport,
			OptionalForImport: a.OptionalForImport,
		}
	}
	return out, nil
}

// ctyType goes through the type's JSON, which tftypes and cty write alike
// ("string", ["set","string"], ["object",{...}]).
func ctyType(t interface{ MarshalJSON() ([]byte, error) }) (cty.Type, error) {
	if t == nil {
		return cty.NilType, fmt.Errorf("no type")
	}
	raw, err := t.MarshalJSON()
	if err != nil {
		return cty.NilType, err
	}
	var out cty.Type
	if err := json.Unmarshal(raw, &out); err != nil {
		return cty.NilType, fmt.Errorf("type %s: %w", raw, err)
	}
	return out, nil
}

func descriptionKind(k tfprotov6.StringKind) tfjson.SchemaDescriptionKind {
	if k == tfprotov6.StringKindMarkdown {
		return tfjson.SchemaDescriptionKindMarkdown
	}
	return tfjson.SchemaDescriptionKindPlain
}
