package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var (
	_ datasource.DataSourceWithConfigure        = (*skillGroupDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*skillGroupDataSource)(nil)
)

func newSkillGroupDataSource() datasource.DataSource { return &skillGroupDataSource{} }

type skillGroupDataSource struct {
	client *client.Client
}

func (d *skillGroupDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_skill_group"
}

func (d *skillGroupDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := skillGroupDataSourceAttributes()
	attrs["id"] = lookupAttribute("ID of the skill group. Give exactly one of `id` and `name`.")
	attrs["name"] = lookupAttribute("Name of the skill group, compared exactly (case included); when several groups have " +
		"the name, the read fails and lists their ids. Give exactly one of `id` and `name`.")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one skill group, found by its id or its name. Use it to add skills " +
			"(`smartassist_skill`) to a group created in the SmartAssist UI or managed elsewhere.",
		Attributes: attrs,
	}
}

// skillGroupDataSourceAttributes are the skill group's attributes for
// reading, shared by smartassist_skill_group and each element of
// smartassist_skill_groups.
func skillGroupDataSourceAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":   schema.StringAttribute{MarkdownDescription: "ID of the skill group.", Computed: true},
		"name": schema.StringAttribute{MarkdownDescription: "Name of the skill group.", Computed: true},
		"description": schema.StringAttribute{
			MarkdownDescription: "Description of the skill group; null when it has none.",
			Computed:            true,
		},
		"color": schema.StringAttribute{
			MarkdownDescription: "Colour the SmartAssist UI shows the group's skills in, such as `#0f0f0f`; null when it has none.",
			Computed:            true,
		},
	}
}

func (d *skillGroupDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *skillGroupDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.client = data.client
	}
}

func (d *skillGroupDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg skillGroupModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var (
		g    *client.SkillGroup
		err  error
		what string
		hint = "id."
	)
	if !cfg.ID.IsNull() {
		what = "id " + cfg.ID.ValueString()
		g, err = d.client.SkillGroups.Get(ctx, cfg.ID.ValueString())
	} else {
		// The list carries every field of a group: no GET after it.
		what = fmt.Sprintf("name %q", cfg.Name.ValueString())
		hint = "name: names are compared exactly, case included."
		g, err = d.client.SkillGroups.FindByName(ctx, cfg.Name.ValueString())
	}
	if err != nil {
		detail := fmt.Sprintf("Reading the skill group with the %s failed: %v", what, err)
		if client.IsNotFound(err) {
			detail = fmt.Sprintf("No skill group has the %s (%v). Check the %s", what, err, hint)
		}
		resp.Diagnostics.AddError("Unable to read skill group", detail+errorHint(err))
		return
	}
	m := skillGroupModelFrom(g)
	if m.ID.IsNull() {
		m.ID = cfg.ID
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
