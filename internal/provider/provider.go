// Package provider is the Terraform provider for the Kore.ai SmartAssist
// (XO Contact Center) admin API. It maps Terraform plans onto the API
// through internal/client, and never builds a URL, a header or a JSON body.
package provider

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/koreai/terraform-provider-smartassist/internal/adoption"
	"github.com/koreai/terraform-provider-smartassist/internal/client"
	"github.com/koreai/terraform-provider-smartassist/internal/coalesce"
)

var (
	_ provider.Provider                  = (*smartassistProvider)(nil)
	_ provider.ProviderWithListResources = (*smartassistProvider)(nil)
	_ provider.ProviderWithActions       = (*smartassistProvider)(nil)
)

// New returns the provider factory for version.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &smartassistProvider{version: version}
	}
}

type smartassistProvider struct {
	version string
	// now and sleep, when set, are the client's clock for its rate limit,
	// retries and tokens: tests run an account's minutes on a faster clock
	// shared with the emulator. nil means the real clock.
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
	// batchClock, when set, is the clock of the batchers that coalesce
	// contact writes and agent create lookups: tests move it themselves.
	// nil means the real clock.
	batchClock coalesce.Clock
}

type providerModel struct {
	Host              types.String  `tfsdk:"host"`
	StreamID          types.String  `tfsdk:"stream_id"`
	AccountID         types.String  `tfsdk:"account_id"`
	ClientID          types.String  `tfsdk:"client_id"`
	ClientSecret      types.String  `tfsdk:"client_secret"`
	JWT               types.String  `tfsdk:"jwt"`
	RequestsPerMinute types.Float64 `tfsdk:"requests_per_minute"`
	MaxRetries        types.Int64   `tfsdk:"max_retries"`
	RequestTimeout    types.String  `tfsdk:"request_timeout"`
	SharedRateLimit   types.Bool    `tfsdk:"shared_rate_limit"`
}

// envPrefix is the prefix of every environment variable the provider reads:
// SMARTASSIST_<ATTRIBUTE NAME IN UPPER CASE>.
const envPrefix = "SMARTASSIST_"

func envName(attr string) string {
	return envPrefix + strings.ToUpper(attr)
}

const defaultRequestTimeout = "60s"

func (p *smartassistProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "smartassist"
	resp.Version = p.version
}

func (p *smartassistProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	env := func(attr string) string {
		return fmt.Sprintf(" Can also be set with the `%s` environment variable.", envName(attr))
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The SmartAssist provider manages the Kore.ai SmartAssist (XO Contact Center) account of one app " +
			"through its public admin API: agents, their queues, skills and languages, and reads conversations.",
		Attributes: map[string]schema.Attribute{
			"host": schema.StringAttribute{
				MarkdownDescription: "Environment URL of the Kore.ai platform, for example `https://platform.kore.ai` (the default) " +
					"or `https://smartassist.kore.ai`. It must be `https://`: plain `http://` is refused at plan time, because the token and " +
					"your contacts' data would cross the network unencrypted, except for a loopback address (`localhost`, `127.0.0.0/8`, " +
					"`::1`), where the emulator runs for offline plans." + env("host"),
				Optional:   true,
				Validators: []validator.String{httpURL()},
			},
			"stream_id": schema.StringAttribute{
				MarkdownDescription: "Stream ID (also called Bot ID or App ID) of the SmartAssist app, as shown on its App Settings page, " +
					"for example `st-d2aa65cc-…`. Every API path is under it." + env("stream_id"),
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"account_id": schema.StringAttribute{
				MarkdownDescription: "Account ID, sent as the `accountId` header on every call." + env("account_id"),
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"client_id": schema.StringAttribute{
				MarkdownDescription: "Client ID (`cs-…`) of the JWT app that has the Contact Center API scopes. With `client_secret`, " +
					"the provider mints its own short-lived HS256 tokens. Conflicts with `jwt`." + env("client_id"),
				Optional: true,
				Validators: []validator.String{
					stringvalidator.LengthAtLeast(1),
					stringvalidator.ConflictsWith(path.MatchRoot("jwt")),
					stringvalidator.AlsoRequires(path.MatchRoot("client_secret")),
				},
			},
			"client_secret": schema.StringAttribute{
				MarkdownDescription: "Client secret of the JWT app. Used only to sign tokens; never sent, logged or stored. " +
					"Conflicts with `jwt`." + env("client_secret"),
				Optional:  true,
				Sensitive: true,
				Validators: []validator.String{
					stringvalidator.LengthAtLeast(1),
					stringvalidator.ConflictsWith(path.MatchRoot("jwt")),
					stringvalidator.AlsoRequires(path.MatchRoot("client_id")),
				},
			},
			"jwt": schema.StringAttribute{
				MarkdownDescription: "A ready-made JWT, sent as it is in the `auth` header. Use it when tokens are minted elsewhere; " +
					"it must stay valid for the whole run. Conflicts with `client_id` and `client_secret`." + env("jwt"),
				Optional:   true,
				Sensitive:  true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"requests_per_minute": schema.Float64Attribute{
				MarkdownDescription: fmt.Sprintf("How many API requests a minute the provider spends, spread evenly. Default %d, "+
					"the documented per-account limit; raise it only if Kore.ai support raised your account's limit. ", client.DefaultRequestsPerMinute) +
					"Every request counts, retries included, and every provider process on this machine that uses the same `host` and " +
					"`account_id` (two applies at once, the plan and apply of one) shares the budget (see `shared_rate_limit`). " +
					"After a refusal for the rate limit (a 429, or the documented rate-limit message under any status) the provider " +
					"lowers its pace to nine tenths of what it sent in the refused minute, keeps it there for two minutes (one request " +
					"a minute more after the first), then doubles it every twenty seconds back to this value (see the rate-limits guide)." +
					env("requests_per_minute"),
				Optional:   true,
				Validators: []validator.Float64{float64validator.AtLeast(0.1)},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("How many times a request that failed with a 5xx or a connection error is retried, "+
					"with exponential backoff and jitter, honouring `Retry-After`. Default %d. A create (POST) is retried only "+
					"when it provably never reached the API. A refusal for the rate limit (a 429, or its message under any status) does not "+
					"count: it is retried after `Retry-After`, at a lowered pace, for as long as the operation runs (up to 15 minutes of "+
					"such refusals in a row).", client.DefaultMaxRetries) + env("max_retries"),
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, 20)},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: "Time limit of one attempt of one request, as a Go duration such as `30s` or `2m`, counted from when " +
					"the attempt is sent: the wait for a slot of the rate limit does not count, so any `-parallelism` works. Default `" +
					defaultRequestTimeout + "`." + env("request_timeout"),
				Optional:   true,
				Validators: []validator.String{duration()},
			},
			"shared_rate_limit": schema.BoolAttribute{
				MarkdownDescription: "Whether every provider process on this machine that uses the same `host` and `account_id` " +
					"spends one `requests_per_minute` budget together, kept in a small state file under the user's cache directory " +
					"(`terraform-provider-smartassist/budget-v2-<hash>.json`) and guarded by a file lock. Default `true`. Set it to `false` " +
					"to give each process a budget of its own; without a writable cache directory, or when another process holds the " +
					"lock for more than 5 seconds, the provider does that by itself and says so in the log." + env("shared_rate_limit"),
				Optional: true,
			},
		},
	}
}

// providerData is what Configure hands every resource and data source.
type providerData struct {
	client   *client.Client
	agents   *agentStore
	contacts *contactStore
	members  *membershipLocks
	streamID string // the provider's stream, which every identity carries
	adoption *agentAdoption
	// now and sleep are the clock of the provider's own waits (a campaign
	// leaving Preparing, the campaign actions): the provider's injected
	// clock, or the real one.
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
}

func (p *smartassistProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}

	// A value that is unknown at plan time (it depends on a resource not yet
	// created) cannot configure a client. Say which attribute, as the
	// framework recommends, rather than guess.
	for attr, v := range map[string]interface{ IsUnknown() bool }{
		"host": cfg.Host, "stream_id": cfg.StreamID, "account_id": cfg.AccountID, "client_id": cfg.ClientID,
		"client_secret": cfg.ClientSecret, "jwt": cfg.JWT, "requests_per_minute": cfg.RequestsPerMinute,
		"max_retries": cfg.MaxRetries, "request_timeout": cfg.RequestTimeout, "shared_rate_limit": cfg.SharedRateLimit,
	} {
		if v.IsUnknown() {
			resp.Diagnostics.AddAttributeError(path.Root(attr), "Unknown SmartAssist provider setting",
				fmt.Sprintf("The provider cannot be configured because %s is not known until apply. Set it to a value known at plan time, "+
					"or use the %s environment variable.", attr, envName(attr)))
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}

	// The provider block comes first, then the environment. The client reads
	// both through one function, the one the exporter uses.
	block := blockSettings(cfg)
	getenv := func(name string) string {
		if v, ok := block[strings.ToLower(strings.TrimPrefix(name, envPrefix))]; ok {
			return v
		}
		return os.Getenv(name)
	}
	settings, err := client.ConfigFromEnv(getenv)
	var problems client.EnvErrors
	if errors.As(err, &problems) {
		for _, e := range problems {
			addSettingError(&resp.Diagnostics, e, settings, block)
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	settings.UserAgent = fmt.Sprintf("terraform-provider-smartassist/%s", p.version)
	settings.Now, settings.Sleep = p.now, p.sleep
	shared, _ := client.SharedRateLimitFromEnv(getenv)
	var budgetErr error
	if shared && settings.BudgetDir == "" {
		_, budgetErr = client.SharedBudgetDir()
	}

	logger := newTFLogger(settings.ClientSecret, settings.JWT)
	settings.Logger = logger
	ctx = maskSecrets(ctx, logger.secrets)
	c, err := client.New(settings)
	if err != nil {
		resp.Diagnostics.AddError("Unable to configure the SmartAssist client", err.Error())
		return
	}
	tflog.Debug(ctx, "SmartAssist client configured", map[string]any{"base_url": c.BaseURL()})
	logSharedBudget(ctx, c, shared, budgetErr)
	var batchClock coalesce.Clock = coalesce.RealClock{}
	if p.batchClock != nil {
		batchClock = p.batchClock
	}
	data := &providerData{client: c, agents: newAgentStore(c, batchClock), contacts: newContactStore(c, batchClock),
		members: &membershipLocks{}, streamID: settings.StreamID, now: p.now, sleep: p.sleep}
	if data.now == nil {
		data.now = time.Now
	}
	if data.sleep == nil {
		data.sleep = sleepOn
	}
	data.adoption = newAgentAdoption(adoption.Binding{Host: settings.Host, AccountID: settings.AccountID, StreamID: settings.StreamID},
		p.now, data.agents)
	resp.DataSourceData = data
	resp.ResourceData = data
	resp.ListResourceData = data
	resp.ActionData = data
}

// configuredData takes the provider's data in a Configure of a resource or
// data source. It is nil before the provider is configured (validation).
func configuredData(data any, diags *diag.Diagnostics) (*providerData, bool) {
	if data == nil {
		return nil, false
	}
	pd, ok := data.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider.", data))
		return nil, false
	}
	return pd, true
}

// blockSettings is what the provider block sets, by attribute name, written
// as its environment variable would be.
func blockSettings(cfg providerModel) map[string]string {
	block := map[string]string{}
	for attr, v := range map[string]types.String{"host": cfg.Host, "stream_id": cfg.StreamID, "account_id": cfg.AccountID,
		"client_id": cfg.ClientID, "client_secret": cfg.ClientSecret, "jwt": cfg.JWT, "request_timeout": cfg.RequestTimeout} {
		if !v.IsNull() {
			block[attr] = v.ValueString()
		}
	}
	if !cfg.RequestsPerMinute.IsNull() {
		block["requests_per_minute"] = strconv.FormatFloat(cfg.RequestsPerMinute.ValueFloat64(), 'g', -1, 64)
	}
	if !cfg.MaxRetries.IsNull() {
		block["max_retries"] = strconv.FormatInt(cfg.MaxRetries.ValueInt64(), 10)
	}
	if !cfg.SharedRateLimit.IsNull() {
		block["shared_rate_limit"] = strconv.FormatBool(cfg.SharedRateLimit.ValueBool())
	}
	return block
}

// addSettingError turns a setting the client cannot use into a diagnostic
// on its attribute that names the attribute and its environment variable.
func addSettingError(diags *diag.Diagnostics, e *client.EnvError, settings client.Config, block map[string]string) {
	attr := strings.ToLower(strings.TrimPrefix(e.Var, envPrefix))
	_, fromBlock := block[attr]
	switch {
	case e.Problem == client.EnvConflict:
		diags.AddAttributeError(path.Root("jwt"), "Conflicting authentication settings",
			fmt.Sprintf("Both jwt and client_id/client_secret are set (in the provider block or through %s, %s and %s). "+
				"Set only one of the two modes.", envName("jwt"), envName("client_id"), envName("client_secret")))
	case e.Problem == client.EnvMissing && attr == "client_id" && settings.ClientSecret == "":
		diags.AddAttributeError(path.Root("client_id"), "Missing SmartAssist credentials",
			fmt.Sprintf("Set client_id and client_secret (or %s and %s) to let the provider mint tokens, or jwt (or %s) to use a ready-made token.",
				envName("client_id"), envName("client_secret"), envName("jwt")))
	case e.Problem == client.EnvMissing && (attr == "client_id" || attr == "client_secret"):
		other := map[string]string{"client_id": "client_secret", "client_secret": "client_id"}[attr]
		diags.AddAttributeError(path.Root(attr), "Missing SmartAssist "+attr,
			fmt.Sprintf("%s is set but %s is not. Set %s, or the %s environment variable.", other, attr, attr, e.Var))
	case e.Problem == client.EnvMissing:
		diags.AddAttributeError(path.Root(attr), "Missing SmartAssist "+attr,
			fmt.Sprintf("Set %s in the provider block, or the %s environment variable.", attr, e.Var))
	case attr == "host":
		diags.AddAttributeError(path.Root(attr), "Invalid SmartAssist host", checkHost(e.Value)+sourceHint(attr, fromBlock))
	case fromBlock:
		diags.AddAttributeError(path.Root(attr), "Invalid "+attr, fmt.Sprintf("%s is %q; %s.", attr, e.Value, e.Want))
	default:
		diags.AddAttributeError(path.Root(attr), "Invalid "+attr, e.Error()+".")
	}
}

func sourceHint(attr string, fromBlock bool) string {
	if !fromBlock {
		return fmt.Sprintf(" (The value came from the %s environment variable.)", envName(attr))
	}
	return ""
}

// checkHost accepts an https URL, and a plain http one only for a loopback
// address (the emulator): over http the JWT and contacts' phone numbers
// would cross the network unencrypted.
func checkHost(host string) string {
	if !client.IsHTTPURL(host) {
		return fmt.Sprintf("%q is not an http(s) URL such as https://platform.kore.ai.", host)
	}
	if !client.IsInsecureRemote(host) {
		return ""
	}
	u, _ := url.Parse(host)
	u.Scheme = "https"
	return fmt.Sprintf("%q would send the credentials (a JWT good for 30 minutes) and your data unencrypted: plain http:// "+
		"is allowed only for a loopback address (localhost, 127.0.0.0/8, ::1), such as the emulator. Use %s instead.", host, u)
}

func (p *smartassistProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		newAgentResource,
		newAgentGroupResource,
		newCampaignScheduleResource,
		newContactResource,
		newContactListResource,
		newQueueResource,
		newSkillGroupResource,
		newSkillResource,
		newSMSCampaignResource,
		newVoiceCampaignResource,
	}
}

func (p *smartassistProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newAgentDataSource,
		newAgentGroupDataSource,
		newAgentGroupsDataSource,
		newAgentsDataSource,
		newCampaignDataSource,
		newCampaignResultsDataSource,
		newCampaignsDataSource,
		newContactListDataSource,
		newContactListNumbersDataSource,
		newContactListsDataSource,
		newContactsDataSource,
		newConversationDataSource,
		newConversationsDataSource,
		newHoursOfOperationDataSource,
		newQueueDataSource,
		newQueuesDataSource,
		newSkillGroupDataSource,
		newSkillGroupsDataSource,
		newSkillDataSource,
		newSkillsDataSource,
	}
}

// ListResources are what `terraform query` (Terraform 1.14+) lists: one for
// each resource, under the resource's own type name.
func (p *smartassistProvider) ListResources(context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		newAgentList,
		newAgentGroupList,
		newContactList,
		newContactListList,
		newQueueList,
		newSkillGroupList,
		newSkillList,
		newSMSCampaignList,
		newVoiceCampaignList,
	}
}

// Actions are the operations that are not state (Terraform 1.14+): a CLI
// before 1.14 never asks for them, and the resources work without them.
func (p *smartassistProvider) Actions(context.Context) []func() action.Action {
	return []func() action.Action{
		newContactListAddNumbersAction,
		newCampaignStartAction,
		newCampaignStopAction,
	}
}

// tfLogger sends the client's debug lines to tflog, with every secret and
// anything shaped like a JWT masked.
type tfLogger struct {
	secrets []string
}

var jwtShape = regexp.MustCompile(`eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*`)

func newTFLogger(secrets ...string) *tfLogger {
	l := &tfLogger{}
	for _, s := range secrets {
		if s != "" {
			l.secrets = append(l.secrets, s)
		}
	}
	return l
}

func (l *tfLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	ctx = maskSecrets(ctx, l.secrets)
	tflog.Debug(ctx, msg, fields)
}

// Warn is for what the user should know without asking, such as a rate
// budget that could not be shared.
func (l *tfLogger) Warn(ctx context.Context, msg string, fields map[string]any) {
	ctx = maskSecrets(ctx, l.secrets)
	tflog.Warn(ctx, msg, fields)
}

func maskSecrets(ctx context.Context, secrets []string) context.Context {
	ctx = tflog.MaskFieldValuesWithFieldKeys(ctx, "auth", "client_secret", "jwt", "token")
	ctx = tflog.MaskLogRegexes(ctx, jwtShape)
	if len(secrets) > 0 {
		ctx = tflog.MaskLogStrings(ctx, secrets...)
	}
	return ctx
}
