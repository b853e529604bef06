package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*skillGroupsDataSource)(nil)

func newSkillGroupsDataSource() datasource.DataSource { return &skillGroupsDataSource{} }

type skillGroupsDataSource struct {
	client *client.Client
}

type skillGroupsDataSourceModel struct {
	NameContains types.String      `tfsdk:"name_contains"`
	IDs          []types.String    `tfsdk:"ids"`
	SkillGroups  []skillGroupModel `tfsdk:"skill_groups"`
}

func (d *skillGroupsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_skill_groups"
}

func (d *skillGroupsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists every skill group of the account, across all pages of the API's skill group list, optionally " +
			"filtered by name. Use it to find the ids of existing skill groups, for example to import them or to list their skills " +
			"with `smartassist_skills`.",
		Attributes: map[string]schema.Attribute{
			"name_contains": nameContainsAttribute("skill groups"),
			"ids":           idsAttribute("skill groups"),
			"skill_groups": schema.ListNestedAttribute{
				MarkdownDescription: "The matching skill groups, in the API's order, with the attributes of the " +
					"`smartassist_skill_group` data source.",
				Computed:     true,
				NestedObject: schema.NestedAttributeObject{Attributes: skillGroupDataSourceAttributes()},
			},
		},
	}
}

func (d *skillGroupsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.client = data.client
	}
}

func (d *skillGroupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg skillGroupsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	groups, err := d.client.SkillGroups.ListAll(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Unable to list skill groups", fmt.Sprintf("Listing the skill groups failed: %v", err)+errorHint(err))
		return
	}
	cfg.IDs, cfg.SkillGroups = namesContaining(groups, cfg.NameContains.ValueString(), skillGroupModelFrom,
		func(m *skillGroupModel) (types.String, types.String) { return m.Name, m.ID })
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
