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

var _ datasource.DataSourceWithConfigure = (*hoursOfOperationDataSource)(nil)

func newHoursOfOperationDataSource() datasource.DataSource { return &hoursOfOperationDataSource{} }

type hoursOfOperationDataSource struct {
	client *client.Client
}

type hoursOfOperationModel struct {
	QueueID               types.String    `tfsdk:"queue_id"`
	OrgID                 types.String    `tfsdk:"org_id"`
	ID                    types.String    `tfsdk:"id"`
	Name                  types.String    `tfsdk:"name"`
	Timezone              types.String    `tfsdk:"timezone"`
	Status                types.String    `tfsdk:"status"`
	IsDefault             types.Bool      `tfsdk:"is_default"`
	StandardDaysFrequency types.String    `tfsdk:"standard_days_frequency"`
	StandardDays          []hoursDayModel `tfsdk:"standard_days"`
	SpecialDaysFrequency  types.String    `tfsdk:"special_days_frequency"`
	SpecialDays           []hoursDayModel `tfsdk:"special_days"`
}

type hoursDayModel struct {
	Day   types.String `tfsdk:"day"`
	Start types.String `tfsdk:"start"`
	End   types.String `tfsdk:"end"`
}

func (d *hoursOfOperationDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_hours_of_operation"
}

func (d *hoursOfOperationDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	days := func(desc string) schema.Attribute {
		return schema.ListNestedAttribute{
			MarkdownDescription: desc + " In the API's order; null when the answer has none.",
			Computed:            true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"day":   str("The day, as the API writes it: `SU`, `MO`, … for standard days."),
				"start": str("When the queue opens that day, as the API writes it, such as `9:00 AM`."),
				"end":   str("When the queue closes that day, as the API writes it, such as `11:00 PM`."),
			}},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the hours of operation of a queue: when it is open, in which time zone. Use its `id` as " +
			"the `hours_of_operation_id` of a `smartassist_queue`, instead of copying the id from the SmartAssist UI. The " +
			"API documents only this read of hours of operation; they are created and changed in the UI.",
		Attributes: map[string]schema.Attribute{
			"queue_id": schema.StringAttribute{
				MarkdownDescription: "ID of the queue (`qu-…`) whose hours of operation are read.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"org_id": schema.StringAttribute{
				MarkdownDescription: "ID of the organization (`o-…`) the queue belongs to, which the API's path requires. " +
					"When left out, the provider reads the queue first and takes its organization: one more API call.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"id":                      str("ID of the hours of operation."),
			"name":                    str("Name of the hours of operation."),
			"timezone":                str("Time zone the hours are in, such as `Asia/Kolkata`; null when the answer has none."),
			"status":                  str("Status of the hours of operation, as the API writes it, such as `active`; null when the answer has none."),
			"is_default":              schema.BoolAttribute{MarkdownDescription: "Whether these are the account's default hours of operation; null when the answer does not say.", Computed: true},
			"standard_days_frequency": str("How the standard days repeat, as the API writes it: `WEEKLY` in the vendor's sample."),
			"standard_days":           days("The weekly opening hours: one entry per open day."),
			"special_days_frequency":  str("How the special days repeat, as the API writes it: `YEARLY` in the vendor's sample."),
			"special_days":            days("The exceptions to the standard days, such as holidays."),
		},
	}
}

func (d *hoursOfOperationDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		d.client = data.client
	}
}

func (d *hoursOfOperationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg hoursOfOperationModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	queueID, orgID := cfg.QueueID.ValueString(), cfg.OrgID.ValueString()
	if cfg.OrgID.IsNull() || cfg.OrgID.IsUnknown() {
		q, err := d.client.Queues.Get(ctx, queueID)
		if err != nil {
			detail := fmt.Sprintf("Reading the queue %s, to learn its organization, failed: %v", queueID, err)
			if client.IsNotFound(err) {
				detail = fmt.Sprintf("No queue has the id %s (%v). The smartassist_queues data source lists every queue.", queueID, err)
			}
			resp.Diagnostics.AddError("Unable to read hours of operation", detail+errorHint(err))
			return
		}
		if orgID = string(q.OrgID); orgID == "" {
			resp.Diagnostics.AddError("Unable to read hours of operation", fmt.Sprintf("The API's answer for the queue %s "+
				"carries no orgId, which the read of its hours of operation needs. Set org_id.", queueID))
			return
		}
	}
	h, err := d.client.HoursOfOperation.GetForQueue(ctx, orgID, queueID)
	if err != nil {
		detail := fmt.Sprintf("Reading the hours of operation of the queue %s in the organization %s failed: %v", queueID, orgID, err)
		if client.IsNotFound(err) {
			detail = fmt.Sprintf("No hours of operation were found for the queue %s in the organization %s (%v). Check "+
				"queue_id, and org_id when it is set: it must be the queue's organization.", queueID, orgID, err)
		}
		resp.Diagnostics.AddError("Unable to read hours of operation", detail+errorHint(err))
		return
	}
	m := hoursOfOperationModelFrom(h)
	m.QueueID, m.OrgID = cfg.QueueID, types.StringValue(orgID)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// hoursOfOperationModelFrom maps hours of operation as the API returns
// them. Days the answer leaves out are null; an empty list stays empty.
func hoursOfOperationModelFrom(h *client.HoursOfOperation) hoursOfOperationModel {
	m := hoursOfOperationModel{
		ID:        stringOrNull(h.ID),
		Name:      stringOrNull(h.Name),
		Timezone:  stringOrNull(h.Timezone),
		Status:    stringOrNull(h.Status),
		IsDefault: boolOrNull(h.IsDefault),
	}
	m.StandardDaysFrequency, m.StandardDays = hoursScheduleModel(h.StandardDays)
	m.SpecialDaysFrequency, m.SpecialDays = hoursScheduleModel(h.SpecialDays)
	return m
}

func hoursScheduleModel(s client.FlexObject[client.HoursSchedule]) (types.String, []hoursDayModel) {
	if !s.Set {
		return types.StringNull(), nil
	}
	days := make([]hoursDayModel, 0, len(s.Value.Days))
	for _, d := range s.Value.Days {
		days = append(days, hoursDayModel{Day: stringOrNull(d.Day), Start: stringOrNull(d.Start), End: stringOrNull(d.End)})
	}
	return stringOrNull(s.Value.Frequency), days
}
