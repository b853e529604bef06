package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*skillsDataSource)(nil)

func newSkillsDataSource() datasource.DataSource { return &skillsDataSource{} }

type skillsDataSource struct {
	client *client.Client
}

type skillsDataSourceModel struct {
	SkillGroupID types.String   `tfsdk:"skill_group_id"`
	NameContains types.String   `tfsdk:"name_contains"`
	IDs          []types.String `tfsdk:"ids"`
	Skills       []skillModel   `tfsdk:"skills"`
}

func (d *skillsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_skills"
}

func (d *skillsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists every skill of one skill group, across all pages of the API's list of the group's skills, " +
			"optionally filtered by name. Use it to find the ids of existing skills, for example to import them or to give " +
			"agents skills made in the SmartAssist UI.",
		Attributes: map[string]schema.Attribute{
			"skill_group_id": schema.StringAttribute{
				MarkdownDescription: "ID of the skill group whose skills are listed. The API lists skills only by their group; " +
					"`smartassist_skill_groups` lists the groups.",
				Required:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"name_contains": nameContainsAttribute("skills"),
			"ids":           idsAttribute("skills"),
			"skills": schema.ListNestedAttribute{
				MarkdownDescription: "The matching skills, in the API's order, with the attributes of the `smartassist_skill` " +
					"data source.",
				Computed:     true,
				NestedObject: schema.NestedAttributeObject{Attributes: skillDataSourceAttributes()},
			},
		},
	}
}

func (d *skillsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.client = data.client
	}
}

func (d *skillsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg skillsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	groupID := cfg.SkillGroupID.ValueString()
	skills, err := d.client.Skills.ListAll(ctx, groupID)
	if err != nil {
		detail := fmt.Sprintf("Listing the skills of the skill group %s failed: %v", groupID, err)
		if client.IsNotFound(err) {
			detail = fmt.Sprintf("The skill group %s was not found (%v). Check skill_group_id; the smartassist_skill_groups "+
				"data source lists every skill group.", groupID, err)
		}
		resp.Diagnostics.AddError("Unable to list skills", detail+errorHint(err))
		return
	}
	cfg.IDs, cfg.Skills = namesContaining(skills, cfg.NameContains.ValueString(), skillModelFrom,
		func(m *skillModel) (types.String, types.String) { return m.Name, m.ID })
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
