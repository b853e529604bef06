package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var (
	_ resource.ResourceWithConfigure   = (*contactResource)(nil)
	_ resource.ResourceWithImportState = (*contactResource)(nil)
	_ resource.ResourceWithIdentity    = (*contactResource)(nil)
)

func newContactResource() resource.Resource { return &contactResource{} }

type contactResource struct {
	store  *contactStore
	stream string
}

// contactModel is a contact, shared by the resource and the data source.
type contactModel struct {
	ID         types.String    `tfsdk:"id"`
	FirstName  types.String    `tfsdk:"first_name"`
	LastName   types.String    `tfsdk:"last_name"`
	Salutation types.String    `tfsdk:"salutation"`
	CellPhone  *cellPhoneModel `tfsdk:"cell_phone"`
	FullName   types.String    `tfsdk:"full_name"`
	Status     types.String    `tfsdk:"status"`
	CreatedAt  types.String    `tfsdk:"created_at"`
	UpdatedAt  types.String    `tfsdk:"updated_at"`
}

type cellPhoneModel struct {
	CountryCode types.String `tfsdk:"country_code"`
	PhoneNumber types.String `tfsdk:"phone_number"`
	Extension   types.String `tfsdk:"extension"`
}

var (
	countryCodePattern = regexp.MustCompile(`^\+[0-9]{1,4}$`)
	digitsPattern      = regexp.MustCompile(`^[0-9]{4,15}$`)
)

// contactModelFrom maps a contact as the API returns it. The API stores the
// number with the country code prefixed; phone_number holds it without,
// as it is configured.
func contactModelFrom(c *client.Contact) contactModel {
	p := c.CellPhone.Value
	return contactModel{
		ID:         stringOrNull(client.FlexString(c.ID())),
		FirstName:  stringOrNull(c.FirstName),
		LastName:   stringOrNull(c.LastName),
		Salutation: stringOrNull(canonicalSalutation(string(c.Salutation))),
		CellPhone: &cellPhoneModel{
			CountryCode: stringOrNull(p.CountryCode),
			PhoneNumber: stringOrNull(client.FlexString(p.LocalNumber())),
			Extension:   stringOrNull(p.Extension),
		},
		FullName:  stringOrNull(c.FullName),
		Status:    stringOrNull(c.Status),
		CreatedAt: stringOrNull(c.CreatedAt),
		UpdatedAt: stringOrNull(c.UpdatedAt),
	}
}

func (m *contactModel) request() client.ContactRequest {
	return client.ContactRequest{
		FirstName:  m.FirstName.ValueString(),
		LastName:   m.LastName.ValueString(),
		Salutation: m.Salutation.ValueString(),
		CellPhone: client.CellPhoneRequest{
			PhoneNumber: m.CellPhone.PhoneNumber.ValueString(),
			CountryCode: m.CellPhone.CountryCode.ValueString(),
			Extension:   m.CellPhone.Extension.ValueString(),
		},
	}
}

// fillComputed sets what the plan left unknown from the API's answer.
func (m *contactModel) fillComputed(from contactModel) {
	for _, pair := range []struct{ dst, src *types.String }{
		{&m.ID, &from.ID}, {&m.FullName, &from.FullName}, {&m.Status, &from.Status},
		{&m.CreatedAt, &from.CreatedAt}, {&m.UpdatedAt, &from.UpdatedAt},
	} {
		if pair.dst.IsUnknown() {
			*pair.dst = *pair.src
		}
	}
}

func (r *contactResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_contact"
}

func (r *contactResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A contact of the contact center's address book: a customer or partner that agents can call or message.\n\n" +
			"Writes are batched: when one apply creates, updates or deletes many contacts, the provider sends them in bulk calls of " +
			fmt.Sprintf("up to %d, so 500 contacts cost 20 calls of the 60 a minute the API allows. ", contactBatchMax) +
			"Each contact still gets its own result: a contact the API refuses fails alone, with the API's reason, and the others are applied.\n\n" +
			"The API has no endpoint to read one contact, so the provider reads the contact list once per run and shares it among all contacts. " +
			"The API deletes softly: a deleted contact stays with status `INACTIVE`, and the provider treats it as gone.",
		Attributes: map[string]schema.Attribute{
			"first_name": schema.StringAttribute{
				MarkdownDescription: "First name of the contact.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"last_name": schema.StringAttribute{
				MarkdownDescription: "Last name of the contact.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"salutation": schema.StringAttribute{
				MarkdownDescription: "Salutation: " + quotedList(client.ContactSalutations) + ", as the API documents it.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.OneOf(client.ContactSalutations...)},
			},
			"cell_phone": schema.SingleNestedAttribute{
				MarkdownDescription: "Mobile number of the contact. The API keeps one contact per number.",
				Required:            true,
				Attributes: map[string]schema.Attribute{
					"country_code": schema.StringAttribute{
						MarkdownDescription: "Country calling code with its `+`, such as `+91` or `+1`.",
						Required:            true,
						Validators:          []validator.String{stringvalidator.RegexMatches(countryCodePattern, "must be a country calling code such as +91")},
					},
					"phone_number": schema.StringAttribute{
						MarkdownDescription: "The number without the country code, digits only, such as `2445600000`. The API stores it " +
							"with the country code prefixed (`+912445600000`); the provider compares it without that prefix, so a plan " +
							"never shows the prefix as a change.",
						Required:   true,
						Validators: []validator.String{stringvalidator.RegexMatches(digitsPattern, "must be 4 to 15 digits, without the country code, spaces or signs")},
					},
					"extension": schema.StringAttribute{
						MarkdownDescription: "Dialing prefix, as the API calls it; the pages' samples send `+`.",
						Required:            true,
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
				},
			},
			"id": schema.StringAttribute{
				MarkdownDescription: "ID of the contact.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"full_name": schema.StringAttribute{
				MarkdownDescription: "Full name, as the API composes it from the first and last names.",
				Computed:            true,
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Status of the contact: `ACTIVE` while it exists.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: "When the contact was created (ISO 8601).",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"updated_at": schema.StringAttribute{
				MarkdownDescription: "When the contact was last changed (ISO 8601).",
				Computed:            true,
			},
		},
	}
}

func (r *contactResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema("ID of the contact.")
}

func (r *contactResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		r.store = data.contacts
		r.stream = data.streamID
	}
}

func (r *contactResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan contactModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c, err := r.store.creates.Do(ctx, plan.request())
	if detail, exists := existsDetail(err, existingID); exists {
		resp.Diagnostics.AddError("Unable to create contact", detail+errorHint(err))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Unable to create contact",
			fmt.Sprintf("Creating the contact %s %s (%s) failed: %v", plan.FirstName.ValueString(), plan.LastName.ValueString(), plan.request().CellPhone.FullNumber(), err)+
				createAdvice(err, "")+errorHint(err))
		return
	}
	plan.fillComputed(contactModelFrom(&c))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(plan.ID, r.stream))...)
}

func (r *contactResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state contactModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to read contact", "contact", state.ID.ValueString())...)
	if resp.Diagnostics.HasError() {
		return
	}
	c, ok, err := r.store.get(ctx, state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Unable to read contact", fmt.Sprintf("Reading the contact %s failed: %v", state.ID.ValueString(), err)+listHint(err)+errorHint(err))
		return
	}
	if !ok {
		// The framework wants an identity even from a read that drops the
		// object, and state written before identities has none.
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(state.ID, r.stream))...)
		resp.State.RemoveResource(ctx)
		return
	}
	m := contactModelFrom(&c)
	if state.CellPhone != nil && digitsOnly(state.CellPhone.PhoneNumber.ValueString()) == digitsOnly(m.CellPhone.PhoneNumber.ValueString()) {
		m.CellPhone.PhoneNumber = state.CellPhone.PhoneNumber
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(state.ID, r.stream))...)
}

func (r *contactResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state contactModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to update contact", "contact", state.ID.ValueString())...); resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	c, err := r.store.updates.Do(ctx, client.ContactUpdate{ID: id, ContactRequest: plan.request()})
	if err != nil {
		resp.Diagnostics.AddError("Unable to update contact",
			fmt.Sprintf("Updating the contact %s (%s %s) failed: %v", id, plan.FirstName.ValueString(), plan.LastName.ValueString(), err)+errorHint(err))
		return
	}
	plan.ID = state.ID
	plan.fillComputed(contactModelFrom(&c))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(plan.ID, r.stream))...)
}

func (r *contactResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state contactModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to delete contact", "contact", state.ID.ValueString())...)
	if resp.Diagnostics.HasError() {
		return
	}
	if _, err := r.store.deletes.Do(ctx, state.ID.ValueString()); err != nil {
		resp.Diagnostics.AddError("Unable to delete contact", fmt.Sprintf("Deleting the contact %s failed: %v", state.ID.ValueString(), err)+errorHint(err))
	}
}

// ImportState takes a contact id, or the contact's phone number with its
// country code (+<country code><number>), or an identity.
func (r *contactResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, given := importIdentity(ctx, req, r.stream, "contact", &resp.Diagnostics)
	if !given {
		id = strings.TrimSpace(req.ID)
		if strings.HasPrefix(id, "+") {
			found, err := contactIDFor(ctx, r.store.client, id)
			if err != nil {
				resp.Diagnostics.AddError("Unable to import contact", fmt.Sprintf("Finding the contact with the phone number %s: %v.", id, err)+errorHint(err))
				return
			}
			id = found
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(types.StringValue(id), r.stream))...)
}
