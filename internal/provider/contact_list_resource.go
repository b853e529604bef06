package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var (
	_ resource.ResourceWithConfigure   = (*contactListResource)(nil)
	_ resource.ResourceWithImportState = (*contactListResource)(nil)
	_ resource.ResourceWithIdentity    = (*contactListResource)(nil)
)

func newContactListResource() resource.Resource { return &contactListResource{} }

type contactListResource struct {
	client *client.Client
	stream string
}

func (r *contactListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_contact_list"
}

func (r *contactListResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A contact list of outbound voice campaigns: the phone numbers a campaign calls, or, when a campaign " +
			"names it among its do-not-call (DNC) lists, the numbers it must not call. The provider creates it as a list " +
			"filled through the API (source `passiveApi`); add numbers to it with the `smartassist_contact_list_add_numbers` " +
			"action, and read them with the `smartassist_contact_list_numbers` data source. The numbers are not managed by " +
			"this resource: the API can add numbers to a list but not remove them.",
		Attributes: map[string]schema.Attribute{
			// Required.
			"name": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Name of the list, at most %d characters, as the SmartAssist UI and the "+
					"campaigns show it. The API adds numbers to a list by its name, so give each list its own. Changing it "+
					"renames the list in place.", client.ContactListNameMax),
				Required:   true,
				Validators: contactListNameValidators(),
			},
			"description": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("What the list is for and whom it holds, at most %d characters. The API requires "+
					"one (create-contact-list-v2). Changing it updates the list in place.", client.ContactListDescriptionMax),
				Required:   true,
				Validators: contactListDescriptionValidators(),
			},
			// Optional.
			"allow_duplicates": schema.BoolAttribute{
				MarkdownDescription: "Whether the API keeps a number added to the list a second time as another entry. " +
					"When omitted, the API does not (`false`). The API cannot change it on an existing list, so changing " +
					"it replaces the list (a new, empty list).",
				Optional: true,
				Computed: true,
				PlanModifiers: []planmodifier.Bool{
					boolplanmodifier.UseStateForUnknown(),
					boolplanmodifier.RequiresReplace(),
				},
			},
			// Computed.
			"id": schema.StringAttribute{
				MarkdownDescription: "ID of the contact list (cl-…): what import, the `smartassist_contact_list_add_numbers` " +
					"action and the `smartassist_contact_list` and `smartassist_contact_list_numbers` data sources take. Campaigns " +
					"do not: they name their contact and DNC lists by `name` (`contact_lists`, `dnc_list`).",
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

func (r *contactListResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema("ID of the contact list (cl-…).")
}

func (r *contactListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		r.client = data.client
		r.stream = data.streamID
	}
}

func (r *contactListResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan contactListStateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := plan.Name.ValueString()
	created, err := r.client.ContactLists.Create(ctx, plan.request())
	if err != nil {
		detail, exists := existsDetail(err, existingID)
		if !exists {
			detail = fmt.Sprintf("Creating the contact list %q failed: %v", name, err) + createAdvice(err, "")
		}
		resp.Diagnostics.AddError("Unable to create contact list", detail+errorHint(err))
		return
	}
	plan.ID = types.StringValue(string(created.ID))
	if plan.AllowDuplicates.IsUnknown() {
		// The create answer carries allowDuplicates; when it does not, the
		// page's default holds.
		plan.AllowDuplicates = types.BoolValue(created.AllowDuplicates != nil && bool(*created.AllowDuplicates))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(plan.ID, r.stream))...)
}

func (r *contactListResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state contactListStateModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to read contact list", "contact list", id)...); resp.Diagnostics.HasError() {
		return
	}
	l, err := r.client.ContactLists.Get(ctx, id)
	if err != nil {
		if confirmGone(ctx, &resp.Diagnostics, err, r.gone(id), "Unable to read contact list",
			"Reading the contact list "+contactListLabel(id, state.Name)) {
			resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(state.ID, r.stream))...)
			resp.State.RemoveResource(ctx)
		}
		return
	}
	m := contactListStateModelFrom(l)
	m.ID = state.ID
	if m.AllowDuplicates.IsNull() {
		m.AllowDuplicates = state.AllowDuplicates // the answer did not say; an import learns it on the next read that does
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(state.ID, r.stream))...)
}

// Update renames the list or changes its description: update-contact-list-v2
// changes nothing else (allow_duplicates replaces the list). Its answer
// echoes part of the request, so the plan is the new state and nothing is
// read again.
func (r *contactListResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state contactListStateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to update contact list", "contact list", id)...); resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.ContactLists.Update(ctx, id, plan.updateRequest()); err != nil {
		resp.Diagnostics.AddError("Unable to update contact list",
			fmt.Sprintf("Updating the contact list %s failed: %v", contactListLabel(id, state.Name), err)+unreachableHint(err)+errorHint(err))
		return
	}
	plan.ID = state.ID
	if plan.AllowDuplicates.IsUnknown() {
		plan.AllowDuplicates = state.AllowDuplicates
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(plan.ID, r.stream))...)
}

func (r *contactListResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state contactListStateModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to delete contact list", "contact list", id)...); resp.Diagnostics.HasError() {
		return
	}
	what := "Deleting the contact list " + contactListLabel(id, state.Name)
	err := r.client.ContactLists.Delete(ctx, id)
	if deleteDone(ctx, &resp.Diagnostics, err, r.gone(id), "Unable to delete contact list", what) {
		return
	}
	hint := ""
	if client.IsRefusal(err) {
		hint = "\n\nA list that a campaign uses (as its contact list or one of its DNC lists) may not be deletable: remove it " +
			"from those campaigns first, then run Terraform again."
	}
	resp.Diagnostics.AddError("Unable to delete contact list", fmt.Sprintf("%s failed: %v", what, err)+hint+errorHint(err))
}

// gone binds the contact lists' Gone check to the id.
func (r *contactListResource) gone(id string) goneFunc {
	return func(ctx context.Context, err error) (bool, error) { return r.client.ContactLists.Gone(ctx, id, err) }
}

// ImportState takes the list's id (cl-…) or its name, or an identity.
func (r *contactListResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, given := importIdentity(ctx, req, r.stream, "contact list", &resp.Diagnostics)
	if !given {
		key := strings.TrimSpace(req.ID)
		if key == "" {
			resp.Diagnostics.AddError("Unable to import contact list", "Give the id of the contact list, such as cl-67a405c-ae3b-4a42-8cd2-5dcd699f0a1b, or its name.")
			return
		}
		var err error
		if id, err = contactListIDFor(ctx, r.client, key); err != nil {
			resp.Diagnostics.AddError("Unable to import contact list", fmt.Sprintf("Finding the contact list %q: %v.", key, err)+errorHint(err))
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(types.StringValue(id), r.stream))...)
}
