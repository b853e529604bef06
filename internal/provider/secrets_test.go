package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// tokenRecorder serves the emulator and remembers every auth header it saw.
type tokenRecorder struct {
	mu     sync.Mutex
	tokens map[string]bool
	next   http.Handler
}

func (r *tokenRecorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if tok := req.Header.Get("auth"); tok != "" {
		r.mu.Lock()
		r.tokens[tok] = true
		r.mu.Unlock()
	}
	r.next.ServeHTTP(w, req)
}

func (r *tokenRecorder) all() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]string, 0, len(r.tokens))
	for t := range r.tokens {
		out = append(out, t)
	}
	return out
}

// planCapture keeps the JSON plan of every plan check it runs.
type planCapture struct{ texts *[]string }

func (p planCapture) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	b, err := json.Marshal(req.Plan)
	if err != nil {
		resp.Error = err
		return
	}
	*p.texts = append(*p.texts, string(b))
}

// TestSecretsNeverLeak applies agents with TF_LOG=TRACE, in both
// authentication modes, and looks for the client secret and every token
// sent in the logs of Terraform and the provider, the plans and the state.
func TestSecretsNeverLeak(t *testing.T) {
	skipLive(t, liveNeedsProcess)
	for _, mode := range []string{"client_secret", "jwt"} {
		t.Run(mode, func(t *testing.T) {
			emu := emulator.New(emulator.Config{})
			rec := &tokenRecorder{tokens: map[string]bool{}, next: emu}
			srv := httptest.NewServer(rec)
			defer srv.Close()
			c := emu.Config()

			logPath := filepath.Join(t.TempDir(), "terraform.log")
			t.Setenv("TF_LOG", "TRACE")
			t.Setenv("TF_LOG_PROVIDER", "TRACE")
			t.Setenv("TF_ACC_LOG_PATH", logPath)
			clearProviderEnv(t)

			// Secrets come from the environment, as the docs ask: a value
			// written literally in HCL is Terraform's to keep, and it does
			// keep configuration expressions in plan files.
			secrets := []string{c.ClientSecret}
			t.Setenv("SMARTASSIST_CLIENT_ID", c.ClientID)
			t.Setenv("SMARTASSIST_CLIENT_SECRET", c.ClientSecret)
			if mode == "jwt" {
				token, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
					"appId": c.ClientID, "sub": "ci", "exp": time.Now().Add(time.Hour).Unix(),
				}).SignedString([]byte(c.ClientSecret))
				if err != nil {
					t.Fatal(err)
				}
				secrets = append(secrets, token)
				t.Setenv("SMARTASSIST_CLIENT_ID", "")
				t.Setenv("SMARTASSIST_CLIENT_SECRET", "")
				t.Setenv("SMARTASSIST_JWT", token)
			}
			config := terraformBlock + fmt.Sprintf(`
provider "smartassist" {
  host       = %q
  stream_id  = %q
  account_id = %q
}
`, srv.URL, c.StreamID, c.AccountID) + simpleAgents(2, "Secret") + readMaria

			var plans []string
			var stateText string
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviderFactories,
				Steps: []resource.TestStep{
					{
						Config: config,
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply:             []plancheck.PlanCheck{planCapture{&plans}},
							PostApplyPostRefresh: []plancheck.PlanCheck{planCapture{&plans}},
						},
						Check: func(s *terraform.State) error {
							stateText = s.String()
							for _, r := range s.RootModule().Resources {
								stateText += fmt.Sprintf("%v", r.Primary.Attributes)
							}
							return nil
						},
					},
					// An error with the credentials in play: an email that exists.
					{
						Config: config + fmt.Sprintf(`
resource "smartassist_agent" "dup" {
  email      = %q
  first_name = "Dup"
  last_name  = "Licate"
  role_id    = %q
}
`, seedMariaEmail, seedRoleAgent),
						ExpectError: regex(`already exists`),
					},
				},
			})

			logs, err := os.ReadFile(logPath)
			if err != nil {
				t.Fatal(err)
			}
			if len(logs) < 10000 || !strings.Contains(string(logs), "SmartAssist API request") {
				t.Fatalf("the TRACE log (%d bytes) does not hold the provider's request lines; the test would prove nothing", len(logs))
			}
			tokens := rec.all()
			if len(tokens) == 0 {
				t.Fatal("no token reached the emulator")
			}
			if mode == "client_secret" && len(tokens) < 5 {
				t.Fatalf("only %d distinct minted tokens; each request should carry its own", len(tokens))
			}
			places := map[string]string{"logs": string(logs), "state": stateText, "plans": strings.Join(plans, "\n")}
			if stateText == "" || len(plans) == 0 {
				t.Fatal("state or plans were not captured")
			}
			for where, text := range places {
				for _, secret := range append(secrets, tokens...) {
					if i := strings.Index(text, secret); i >= 0 {
						lo := i - 300
						if lo < 0 {
							lo = 0
						}
						t.Logf("…%s", text[lo:i])
						t.Errorf("a secret (%d chars, starting %q) appears in the %s", len(secret), secret[:6], where)
					}
				}
			}
		})
	}
}
