package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// campaignCommonAttributes are the attributes SMS and voice campaigns
// share; noun is "SMS campaign" or "voice campaign". dncRequired says
// whether the do-not-call list is required (the voice pages) or optional
// (the SMS pages).
func campaignCommonAttributes(noun string, dncRequired bool) map[string]schema.Attribute {
	dnc := schema.StringAttribute{
		MarkdownDescription: "Name of the contact list whose numbers the campaign never contacts (its do-not-call list, the API's " +
			"`dncLists.name`), such as `smartassist_contact_list.dnc.name`. ",
		Validators: []validator.String{stringvalidator.LengthBetween(1, campaignNameMax)},
	}
	if dncRequired {
		dnc.Required = true
		dnc.MarkdownDescription += "The voice campaign pages (v2) require one."
	} else {
		dnc.Optional = true
		dnc.MarkdownDescription += "Omit it for none."
	}
	return map[string]schema.Attribute{
		// Required.
		"name": schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("Name of the %s, at most %d characters. Schedules and reports name a campaign by it; "+
				"the pages do not say that names are unique, so import by name refuses a name several campaigns have.", noun, campaignNameMax),
			Required:   true,
			Validators: []validator.String{stringvalidator.LengthBetween(1, campaignNameMax)},
		},
		"contact_lists": schema.SetAttribute{
			MarkdownDescription: "Names of the contact lists the campaign reaches (at least one), such as " +
				"`[smartassist_contact_list.spring.name]`. The API takes contact lists by name, and each must exist when the " +
				"campaign is created. Order does not matter.",
			ElementType: types.StringType,
			Required:    true,
			Validators: []validator.Set{setvalidator.SizeAtLeast(1),
				setvalidator.ValueStringsAre(stringvalidator.LengthBetween(1, campaignNameMax))},
		},
		"dnc_list": dnc,
		"priority": schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("Priority of the campaign among the account's campaigns: %s (a string, as the API "+
				"takes it); higher runs first.", quotedList(campaignPriorities)),
			Required:   true,
			Validators: []validator.String{stringvalidator.OneOf(campaignPriorities...)},
		},
		"caller_id": schema.StringAttribute{
			MarkdownDescription: "Number the campaign calls or texts from (`dialingStrategy.callerId.phoneNumber`), in E.164 form " +
				"such as `+14155550100`; it must be a number of the account.",
			Required:   true,
			Validators: []validator.String{stringvalidator.RegexMatches(phonePattern, "must be a phone number such as +14155550100")},
		},
		// Optional.
		"description": schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("What the campaign is for, at most %d characters.", campaignDescriptionMax),
			Optional:            true,
			Validators:          []validator.String{stringvalidator.LengthBetween(1, campaignDescriptionMax)},
		},
		// Computed.
		"id": schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("ID of the %s (`cd-…`). SMS and voice campaigns share one id space.", noun),
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"dnc_list_id": schema.StringAttribute{
			MarkdownDescription: "ID of the do-not-call list (`cl-…`), when the API answers it (the voice answers do, the SMS ones do not).",
			Computed:            true,
			PlanModifiers:       []planmodifier.String{keepUnlessChanged{follows: "dnc_list"}},
		},
		"status": schema.StringAttribute{
			MarkdownDescription: "Status of the campaign as the API reports it: `Preparing` right after the create (the provider " +
				"waits for it to end), then `Ready`, and `Active`, `Paused`, `Stopped`, `Completed`, `Scheduled` or `Rescheduled` " +
				"as it runs. Start and stop it with the campaign actions; a status changed elsewhere shows as a change of this value. " +
				"An update plans it as known after apply: the campaign may move while the update is sent.",
			Computed: true,
		},
		"scheduling_enabled": schema.BoolAttribute{
			MarkdownDescription: "Whether the campaign has a schedule enabled (`schedule.isSchedulingEnabled`). A new campaign has " +
				"none; schedules are managed apart from this resource (`smartassist_campaign_schedule`), and an update leaves the " +
				"schedule as it is. An update plans it as known after apply, as a schedule enabled or disabled in the same apply " +
				"changes it.",
			Computed: true,
		},
	}
}
