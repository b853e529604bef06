package provider

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var _ action.ActionWithConfigure = (*contactListAddNumbersAction)(nil)

func newContactListAddNumbersAction() action.Action { return &contactListAddNumbersAction{} }

// contactListAddNumbersAction adds phone numbers to a contact list
// (add-contacts-to-contact-list) and waits until they are in it.
type contactListAddNumbersAction struct {
	client *client.Client
}

type contactListAddNumbersModel struct {
	ContactListID types.String `tfsdk:"contact_list_id"`
	PhoneNumbers  types.Set    `tfsdk:"phone_numbers"`
	Timeout       types.String `tfsdk:"timeout"`
}

func (a *contactListAddNumbersAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_contact_list_add_numbers"
}

func (a *contactListAddNumbersAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Adds phone numbers to a contact list (`smartassist_contact_list`), and waits until the API lists " +
			"them in it: the API takes an add and does it in the background. It only adds: the API has no way to remove a " +
			"number from a list, so numbers added stay until the list is deleted. A number the list already holds is " +
			"added again only when the list allows duplicates. Needs Terraform 1.14 or later.",
		Attributes: map[string]schema.Attribute{
			"contact_list_id": schema.StringAttribute{
				MarkdownDescription: "ID of the contact list (cl-…), such as `smartassist_contact_list.x.id`. The API adds " +
					"numbers to a list by its name, so the action refuses a list whose name another list shares.",
				Required:   true,
				Validators: []validator.String{stringvalidator.RegexMatches(contactListIDPattern, "must be a contact list id, which starts with cl-")},
			},
			"phone_numbers": schema.SetAttribute{
				MarkdownDescription: "Phone numbers to add, with their country code, such as `+14155550100`. Spaces and " +
					"dashes are allowed and left out of what is sent.",
				Required:    true,
				ElementType: types.StringType,
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.RegexMatches(phonePattern,
						"must be a phone number of digits, with an optional leading + and spaces or dashes")),
				},
			},
			"timeout": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("How long to wait for the numbers to appear in the list, as a duration such as "+
					"`2m`. Defaults to `%s`. When it passes, the action fails naming the numbers not yet listed; the add "+
					"itself may still complete.", client.DefaultNumbersWaitTimeout),
				Optional:   true,
				Validators: []validator.String{duration()},
			},
		},
	}
}

func (a *contactListAddNumbersAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		a.client = data.client
	}
}

func (a *contactListAddNumbersAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var cfg contactListAddNumbersModel
	if resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...); resp.Diagnostics.HasError() {
		return
	}
	id := cfg.ContactListID.ValueString()
	var raw []string
	if resp.Diagnostics.Append(cfg.PhoneNumbers.ElementsAs(ctx, &raw, false)...); resp.Diagnostics.HasError() {
		return
	}
	numbers := make([]string, len(raw))
	for i, n := range raw {
		numbers[i] = wireNumber(n)
	}
	var timeout time.Duration
	if !cfg.Timeout.IsNull() {
		timeout, _ = time.ParseDuration(cfg.Timeout.ValueString()) // validated at plan time
	}
	progress := func(msg string) {
		if resp.SendProgress != nil {
			resp.SendProgress(action.InvokeProgressEvent{Message: msg})
		}
	}

	progress(fmt.Sprintf("Adding %s to the contact list %s", countOf(len(numbers), "phone number"), id))
	if err := a.client.ContactLists.AddNumbers(ctx, id, numbers); err != nil {
		detail := fmt.Sprintf("Adding %s to the contact list %s failed: %v", countOf(len(numbers), "phone number"), id, err)
		var nl *client.NotListedError
		switch {
		case errors.As(err, &nl):
			detail += ". No contact list has that id: check contact_list_id."
		case client.IsAmbiguousName(err):
			detail += ". Give the list a name no other list has (its name attribute), then run the action again."
		}
		resp.Diagnostics.AddError("Unable to add numbers to contact list", detail+unreachableHint(err)+errorHint(err))
		return
	}
	_, err := a.client.ContactLists.WaitForNumbers(ctx, id, numbers, client.NumbersWait{
		Timeout: timeout,
		Progress: func(present, wanted int) {
			progress(fmt.Sprintf("%d of %d numbers are in the contact list %s", present, wanted, id))
		},
	})
	if err != nil {
		detail := fmt.Sprintf("The API took the numbers for the contact list %s, but waiting for them to appear in it failed: %v", id, err)
		var pending *client.NumbersPendingError
		if errors.As(err, &pending) {
			detail += ". The API adds numbers in the background and may still add them: read them with the " +
				"smartassist_contact_list_numbers data source, or run the action again with a longer timeout (numbers " +
				"the list holds are not added twice unless it allows duplicates)."
		}
		resp.Diagnostics.AddError("Unable to add numbers to contact list", detail+errorHint(err))
		return
	}
	progress(fmt.Sprintf("All %s are in the contact list %s", countOf(len(numbers), "number"), id))
}

// contactListIDPattern is the shape of a contact list's id in every sample.
var contactListIDPattern = regexp.MustCompile(`^cl-\S+$`)

// wireNumber is a number as the add sends it: its digits, with its leading
// + when it has one (the validator allows spaces and dashes between them).
func wireNumber(n string) string {
	n = strings.TrimSpace(n)
	if strings.HasPrefix(n, "+") {
		return "+" + digitsOnly(n)
	}
	return digitsOnly(n)
}

// countOf is "1 phone number" or "3 phone numbers".
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
