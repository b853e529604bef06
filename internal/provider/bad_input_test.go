package provider

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// badInput is one invalid configuration. body follows a working provider
// block unless provider is set, which then replaces the provider block's
// arguments. want is matched with wrapped(), so spaces match line breaks.
type badInput struct {
	name     string
	provider []string          // provider arguments; nil = the emulator's working ones
	env      map[string]string // SMARTASSIST_* variables for the case
	body     string
	want     string
}

// agentBody is a valid agent with extra lines, or with base attributes
// overridden.
func agentBody(override map[string]string, blocks ...string) string {
	attrs := map[string]string{
		"email": `"eve@example.com"`, "first_name": `"Eve"`, "last_name": `"Adams"`, "role_id": fmt.Sprintf("%q", seedRoleAgent),
	}
	for k, v := range override {
		attrs[k] = v
	}
	keys := make([]string, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("resource \"smartassist_agent\" \"bad\" {\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "  %s = %s\n", k, attrs[k])
	}
	for _, blk := range blocks {
		b.WriteString("  " + blk + "\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// contactBody is a contact with the given salutation line, country code and
// number.
func contactBody(salutation, countryCode, number string) string {
	return fmt.Sprintf(`resource "smartassist_contact" "bad" {
  first_name = "A"
  last_name  = "B"
  %s
  cell_phone = {
    country_code = %s
    phone_number = %s
    extension    = "+"
  }
}
`, salutation, countryCode, number)
}

func lang(block, code, proficiency string) string {
	return fmt.Sprintf("%s {\n    language    = %q\n    proficiency = %q\n  }", block, code, proficiency)
}

func queueBlock(id string) string { return fmt.Sprintf("queue {\n    id = %q\n  }", id) }

func skillBlock(id, level string) string {
	return fmt.Sprintf("skill {\n    id                = %q\n    proficiency_level = %q\n  }", id, level)
}

// TestBadInput: every invalid configuration stops before any API call,
// with an error that names the attribute (its source line, or its name and
// environment variable when it has no line) and says what is wrong.
func TestBadInput(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	cases := []badInput{
		// Provider block.
		{name: "provider: no credentials", provider: []string{"host", "stream_id", "account_id"},
			want: `Missing SmartAssist credentials.*Set client_id and client_secret \(or SMARTASSIST_CLIENT_ID and SMARTASSIST_CLIENT_SECRET\).*SMARTASSIST_JWT`},
		{name: "provider: both modes in the block", provider: []string{"host", "stream_id", "account_id", "client_id", "client_secret", `jwt = "eyJ.x.y"`},
			want: `\d+: client_id = .*Attribute "jwt" cannot be specified when "client_id" is specified`},
		{name: "provider: both modes across block and environment", provider: []string{"host", "stream_id", "account_id", `jwt = "eyJ.x.y"`},
			env:  map[string]string{"SMARTASSIST_CLIENT_ID": "cs-x", "SMARTASSIST_CLIENT_SECRET": "s"},
			want: `Conflicting authentication settings.*\d+: jwt = .*SMARTASSIST_JWT`},
		{name: "provider: secret without id", provider: []string{"host", "stream_id", "account_id", "client_secret"},
			want: `\d+: client_secret = .*Attribute "client_id" must be specified when "client_secret" is specified`},
		{name: "provider: host not a URL", provider: []string{`host = "platform.kore.ai"`, "stream_id", "account_id", "client_id", "client_secret"},
			want: `Invalid host.*\d+: host = .*"platform.kore.ai" is not an http\(s\) URL`},
		{name: "provider: host from the environment", provider: []string{"stream_id", "account_id", "client_id", "client_secret"},
			env:  map[string]string{"SMARTASSIST_HOST": "ftp://example.com"},
			want: `Invalid SmartAssist host.*"ftp://example.com" is not an http\(s\) URL.*came from the SMARTASSIST_HOST environment variable`},
		{name: "provider: plain http to a remote host", provider: []string{`host = "http://platform.kore.ai"`, "stream_id", "account_id", "client_id", "client_secret"},
			want: `Invalid host.*\d+: host = "http://platform.kore.ai".*would send the credentials .* unencrypted: plain http:// is allowed only for a loopback address \(localhost, 127.0.0.0/8, ::1\).*Use https://platform.kore.ai instead`},
		{name: "provider: plain http to a name that starts like loopback", provider: []string{`host = "http://127.0.0.1.example.com:8080"`, "stream_id", "account_id", "client_id", "client_secret"},
			want: `Invalid host.*"http://127.0.0.1.example.com:8080" would send the credentials.*Use https://127.0.0.1.example.com:8080 instead`},
		{name: "provider: plain http from the environment", provider: []string{"stream_id", "account_id", "client_id", "client_secret"},
			env:  map[string]string{"SMARTASSIST_HOST": "http://10.0.0.5:8080/kore"},
			want: `Invalid SmartAssist host.*"http://10.0.0.5:8080/kore" would send the credentials.*Use https://10.0.0.5:8080/kore instead.*came from the SMARTASSIST_HOST environment variable`},
		{name: "provider: negative rate", provider: []string{"host", "stream_id", "account_id", "client_id", "client_secret", "requests_per_minute = -5"},
			want: `\d+: requests_per_minute = -5.*value must be at least 0.1`},
		{name: "provider: negative rate from the environment", provider: []string{"host", "stream_id", "account_id", "client_id", "client_secret"},
			env:  map[string]string{"SMARTASSIST_REQUESTS_PER_MINUTE": "-5"},
			want: `Invalid requests_per_minute.*SMARTASSIST_REQUESTS_PER_MINUTE is "-5"; it must be a positive number`},
		{name: "provider: missing stream", provider: []string{"host", "account_id", "client_id", "client_secret"},
			want: `Missing SmartAssist stream_id.*Set stream_id in the provider block, or the SMARTASSIST_STREAM_ID environment variable`},
		{name: "provider: missing account", provider: []string{"host", "stream_id", "client_id", "client_secret"},
			want: `Missing SmartAssist account_id.*SMARTASSIST_ACCOUNT_ID`},
		{name: "provider: bad timeout", provider: []string{"host", "stream_id", "account_id", "client_id", "client_secret", `request_timeout = "soon"`},
			want: `\d+: request_timeout = "soon".*"soon" is not a positive duration`},
		{name: "provider: retries out of range", provider: []string{"host", "stream_id", "account_id", "client_id", "client_secret", "max_retries = 99"},
			want: `\d+: max_retries = 99.*value must be between 0 and 20, got: 99`},
		{name: "provider: retries from the environment", provider: []string{"host", "stream_id", "account_id", "client_id", "client_secret"},
			env:  map[string]string{"SMARTASSIST_MAX_RETRIES": "many"},
			want: `Invalid max_retries.*SMARTASSIST_MAX_RETRIES is "many"`},

		// smartassist_agent.
		{name: "agent: email", body: agentBody(map[string]string{"email": `"not-an-email"`}),
			want: `Invalid email.*\d+: email = "not-an-email".*is not an email address`},
		{name: "agent: empty first name", body: agentBody(map[string]string{"first_name": `""`}),
			want: `\d+: first_name = "".*string length must be at least 1`},
		{name: "agent: empty role", body: agentBody(map[string]string{"role_id": `""`}),
			want: `\d+: role_id = "".*string length must be at least 1`},
		{name: "agent: custom id with a space", body: agentBody(map[string]string{"custom_id": `"EMP 1"`}),
			want: `Invalid custom_id.*\d+: custom_id = "EMP 1".*contains white space`},
		{name: "agent: max chat too high", body: agentBody(map[string]string{"max_chat_support": "1000", "can_support_chat": "true"}),
			want: `\d+: max_chat_support = 1000.*value must be between 1 and 100, got: 1000`},
		{name: "agent: max chat without chat", body: agentBody(map[string]string{"max_chat_support": "3"}),
			want: `\d+: max_chat_support = 3.*Attribute "can_support_chat" must be specified when "max_chat_support" is specified`},
		{name: "agent: max chat with chat off", body: agentBody(map[string]string{"max_chat_support": "3", "can_support_chat": "false"}),
			want: `\d+: max_chat_support = 3.*max_chat_support is set but can_support_chat is false`},
		{name: "agent: phone number", body: agentBody(map[string]string{"phone_number": `"call me"`}),
			want: `\d+: phone_number = "call me".*must be a phone number`},
		{name: "agent: empty nickname", body: agentBody(map[string]string{"nickname": `""`}),
			want: `\d+: nickname = "".*string length must be at least 1`},
		{name: "agent: empty agent group", body: agentBody(map[string]string{"agent_group_id": `""`}),
			want: `\d+: agent_group_id = "".*string length must be at least 1`},
		{name: "agent: chat language code", body: agentBody(nil, lang("chat_language_support", "English", "expert")),
			want: `Invalid language.*Attribute chat_language_support\[.*\]\.language: "English" is not a language code`},
		{name: "agent: voice language code", body: agentBody(nil, lang("voice_language_support", "EN_us", "expert")),
			want: `Invalid language.*Attribute voice_language_support\[.*\]\.language: "EN_us" is not a language code`},
		{name: "agent: language proficiency", body: agentBody(nil, lang("voice_language_support", "en", "fluent")),
			want: `Attribute voice_language_support\[.*\]\.proficiency value must be one of: \["novice" "average" "good" "expert"\], got: "fluent"`},
		{name: "agent: skill proficiency", body: agentBody(nil, skillBlock(seedDefaultSkill, "high")),
			want: `Attribute skill\[.*\]\.proficiency_level value must be one of: \["novice" "average" "good" "expert"\], got: "high"`},
		{name: "agent: empty queue id", body: agentBody(nil, queueBlock("")),
			want: `Attribute queue\[.*\]\.id string length must be at least 1, got: 0`},
		{name: "agent: duplicate chat language", body: agentBody(nil, lang("chat_language_support", "en", "expert"), lang("chat_language_support", "en", "good")),
			want: `Duplicate chat_language_support block.*language "en" appears in more than one chat_language_support block`},
		{name: "agent: duplicate voice language", body: agentBody(nil, lang("voice_language_support", "es", "expert"), lang("voice_language_support", "es", "good")),
			want: `Duplicate voice_language_support block.*language "es" appears in more than one`},
		{name: "agent: duplicate queue", body: agentBody(nil, queueBlock(seedSupportQueue), queueBlock(seedSupportQueue)+"\n  queue {\n    id                 = \""+seedSupportQueue+"\"\n    is_preferred_agent = true\n  }"),
			want: `Duplicate queue block.*queue id "` + seedSupportQueue + `" appears in more than one`},
		{name: "agent: duplicate skill", body: agentBody(nil, skillBlock(seedDefaultSkill, "good"), skillBlock(seedDefaultSkill, "expert")),
			want: `Duplicate skill block.*skill id "` + seedDefaultSkill + `" appears in more than one`},
		{name: "agent: unknown argument", body: agentBody(map[string]string{"emial": `"typo@example.com"`}),
			want: `Unsupported argument.*\d+: emial = .*An argument named "emial" is not expected here`},

		// smartassist_contact.
		{name: "contact: salutation", body: contactBody(`salutation = "dr"`, `"+91"`, `"2445600000"`),
			want: `\d+: salutation = "dr".*value must be one of: \["mr" "mrs"\]`},
		{name: "contact: country code", body: contactBody(`salutation = "mr"`, `"91"`, `"2445600000"`),
			want: `Attribute cell_phone.country_code must be a country calling code such as \+91`},
		{name: "contact: phone with signs", body: contactBody(`salutation = "mr"`, `"+91"`, `"+91 24456"`),
			want: `Attribute cell_phone.phone_number must be 4 to 15 digits, without the country code`},
		{name: "contact: missing cell phone", body: "resource \"smartassist_contact\" \"bad\" {\n  first_name = \"A\"\n  last_name  = \"B\"\n  salutation = \"mr\"\n}\n",
			want: `Missing required argument.*The argument "cell_phone" is required`},
		{name: "contacts data source: phone number without digits", body: "data \"smartassist_contacts\" \"x\" {\n  phone_number = \"+\"\n}",
			want: `Invalid phone_number.*\d+: phone_number = "\+".*Attribute phone_number: "\+" has no digit`},
		{name: "contacts data source: empty name", body: "data \"smartassist_contacts\" \"x\" {\n  name = \"\"\n}",
			want: `\d+: name = "".*string length must be at least 1`},

		// Data sources.
		{name: "agent data source: no lookup key", body: `data "smartassist_agent" "x" {}`,
			want: `Exactly one of these attributes must be configured: \[id,email,custom_id\]`},
		{name: "agent data source: two lookup keys", body: "data \"smartassist_agent\" \"x\" {\n  id    = \"a-1\"\n  email = \"a@example.com\"\n}",
			want: `\d+: id = "a-1".*Exactly one of these attributes must be configured`},
		{name: "agents data source: empty search", body: "data \"smartassist_agents\" \"x\" {\n  search = \"\"\n}",
			want: `\d+: search = "".*string length must be at least 1`},
		{name: "agents data source: empty queue", body: "data \"smartassist_agents\" \"x\" {\n  queue_id = \"\"\n}",
			want: `\d+: queue_id = "".*string length must be at least 1`},
		{name: "conversations data source: status", body: "data \"smartassist_conversations\" \"x\" {\n  status = [\"CLOSED\", \"closed\"]\n}",
			want: `\d+: status = \["CLOSED", "closed"\].*value must be one of: \["ACTIVE" "CLOSED" "IDLE" "OPEN" "OVERDUE" "TERMINATED"\], got: "closed"`},
		{name: "conversations data source: limit", body: "data \"smartassist_conversations\" \"x\" {\n  limit = 0\n}",
			want: `Invalid limit.*\d+: limit = 0.*limit is 0; it must be from 1 to 1000 \(the default is 100\)`},
		{name: "conversations data source: limit over the ceiling", body: "data \"smartassist_conversations\" \"x\" {\n  limit = 5000\n}",
			want: `Invalid limit.*\d+: limit = 5000.*limit is 5000; it must be from 1 to 1000.*can cost 100 calls of the 60 a minute.*Narrow status, source or language`},
		{name: "conversation data source: no id", body: `data "smartassist_conversation" "x" {}`,
			want: `Missing required argument.*The argument "id" is required`},
	}
	if len(cases) < 30 {
		t.Fatalf("only %d bad inputs", len(cases))
	}
	env := newSerialTestEnv(t)
	c := env.emu.Config()
	args := map[string]string{
		"host": fmt.Sprintf("host = %q", env.url), "stream_id": fmt.Sprintf("stream_id = %q", c.StreamID),
		"account_id": fmt.Sprintf("account_id = %q", c.AccountID), "client_id": fmt.Sprintf("client_id = %q", c.ClientID),
		"client_secret": fmt.Sprintf("client_secret = %q", c.ClientSecret),
	}
	// A step per case in one TestCase (runPlanTimeFailures says why); each
	// step's PreConfig sets the case's environment, which the provider reads
	// when terraform starts it for the step.
	steps := make([]resource.TestStep, 0, len(cases))
	for _, tc := range cases {
		config := env.providerBlock() + tc.body
		if tc.provider != nil {
			lines := make([]string, len(tc.provider))
			for i, p := range tc.provider {
				if full, ok := args[p]; ok {
					p = full
				}
				lines[i] = p
			}
			body := tc.body
			if body == "" {
				body = readMaria
			}
			config = rawProvider(lines...) + strings.TrimPrefix(body, readMaria)
		}
		steps = append(steps, resource.TestStep{
			PreConfig: func() {
				t.Logf("case %q", tc.name)
				clearProviderEnv(t)
				for k, v := range tc.env {
					t.Setenv(k, v)
				}
			},
			Config:      config,
			PlanOnly:    true,
			ExpectError: wrapped(tc.want),
		})
	}
	env.emu.ResetCounts()
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testProviderFactories, Steps: steps})
	env.expectNoRequests(t)
}
