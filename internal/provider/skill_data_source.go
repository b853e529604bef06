package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var (
	_ datasource.DataSourceWithConfigure        = (*skillDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*skillDataSource)(nil)
)

func newSkillDataSource() datasource.DataSource { return &skillDataSource{} }

type skillDataSource struct {
	client *client.Client
}

func (d *skillDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_skill"
}

func (d *skillDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := skillDataSourceAttributes()
	attrs["skill_group_id"] = schema.StringAttribute{
		MarkdownDescription: "ID of the skill group the skill belongs to. The API reaches a skill only through its group.",
		Required:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["id"] = lookupAttribute("ID of the skill. Give exactly one of `id` and `name`.")
	attrs["name"] = lookupAttribute("Name of the skill, compared exactly (case included); when several skills of the group " +
		"have the name, the read fails and lists their ids. Give exactly one of `id` and `name`.")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one skill of a skill group, found by its id or its name. Use it to give agents " +
			"(the `skill` blocks of `smartassist_agent`) a skill created in the SmartAssist UI or managed elsewhere. " +
			"Which agents have the skill is not read here: the agents carry it.",
		Attributes: attrs,
	}
}

// skillDataSourceAttributes are the skill's attributes for reading, shared
// by smartassist_skill and each element of smartassist_skills.
func skillDataSourceAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"skill_group_id": schema.StringAttribute{MarkdownDescription: "ID of the skill group the skill belongs to.", Computed: true},
		"id":             schema.StringAttribute{MarkdownDescription: "ID of the skill.", Computed: true},
		"name":           schema.StringAttribute{MarkdownDescription: "Name of the skill.", Computed: true},
		"description": schema.StringAttribute{
			MarkdownDescription: "Description of the skill; null when it has none.",
			Computed:            true,
		},
	}
}

func (d *skillDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *skillDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.client = data.client
	}
}

func (d *skillDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg skillModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	groupID := cfg.SkillGroupID.ValueString()
	var (
		sk   *client.Skill
		err  error
		hint = "id."
		what string
	)
	if !cfg.ID.IsNull() {
		what = "id " + cfg.ID.ValueString()
		sk, err = d.client.Skills.Get(ctx, groupID, cfg.ID.ValueString())
	} else {
		// The list's entries are whole skills: no GET after it.
		hint = "name: names are compared exactly, case included."
		what = fmt.Sprintf("name %q", cfg.Name.ValueString())
		sk, err = d.client.Skills.FindByName(ctx, groupID, cfg.Name.ValueString())
	}
	if err != nil {
		detail := fmt.Sprintf("Reading the skill with the %s in the skill group %s failed: %v", what, groupID, err)
		if client.IsNotFound(err) {
			detail = fmt.Sprintf("No skill with the %s was found in the skill group %s (%v). Check skill_group_id, which must "+
				"name an existing skill group, and the %s", what, groupID, err, hint)
		}
		resp.Diagnostics.AddError("Unable to read skill", detail+errorHint(err))
		return
	}
	m := skillModelFrom(sk)
	if m.ID.IsNull() {
		m.ID = cfg.ID
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
