package client

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// envOf is a getenv over a fixed map: the complete settings of an app,
// with changes.
func envOf(t *testing.T, changes map[string]string) func(string) string {
	t.Helper()
	env := map[string]string{
		EnvStreamID: "st-1", EnvAccountID: "acct-1", EnvClientID: "cs-1", EnvClientSecret: "secret-1",
	}
	for k, v := range changes {
		if v == "" {
			delete(env, k)
		} else {
			env[k] = v
		}
	}
	return func(name string) string { return env[name] }
}

func TestConfigFromEnvDefaults(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("LocalAppData", cache)
	cfg, err := ConfigFromEnv(envOf(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	want := Config{Host: DefaultHost, StreamID: "st-1", AccountID: "acct-1", ClientID: "cs-1", ClientSecret: "secret-1",
		MaxRetries: -1, BudgetDir: filepath.Join(cache, BudgetDirName)}
	if !reflect.DeepEqual(cfg, want) {
		t.Fatalf("ConfigFromEnv = %+v\nwant %+v", cfg, want)
	}
	if _, err := New(cfg); err != nil {
		t.Fatalf("the defaults do not make a client: %v", err)
	}
}

func TestConfigFromEnvReadsEachVariable(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	cfg, err := ConfigFromEnv(envOf(t, map[string]string{
		EnvHost: "http://127.0.0.1:8080", EnvClientID: "", EnvClientSecret: "", EnvJWT: "eyJ.a.b",
		EnvRequestsPerMinute: "30.5", EnvMaxRetries: "0", EnvRequestTimeout: "2m", EnvSharedRateLimit: "FALSE",
	}))
	if err != nil {
		t.Fatal(err)
	}
	want := Config{Host: "http://127.0.0.1:8080", StreamID: "st-1", AccountID: "acct-1", JWT: "eyJ.a.b",
		RequestsPerMinute: 30.5, MaxRetries: 0, RequestTimeout: 2 * time.Minute}
	if !reflect.DeepEqual(cfg, want) {
		t.Fatalf("ConfigFromEnv = %+v\nwant %+v", cfg, want)
	}
	for v, want := range map[string]bool{"": true, "true": true, "1": true, "True": true, "false": false, "0": false, "False": false} {
		got, err := SharedRateLimitFromEnv(envOf(t, map[string]string{EnvSharedRateLimit: v}))
		if err != nil || got != want {
			t.Errorf("SMARTASSIST_SHARED_RATE_LIMIT=%q: %v, %v; want %v", v, got, err, want)
		}
	}
}

// Every value that cannot be used is named with its variable and what it
// must be, all at once, and the secrets never appear.
func TestConfigFromEnvBadValues(t *testing.T) {
	for _, tc := range []struct {
		name    string
		changes map[string]string
		want    string
		vars    []string // the variables of the errors, in order
	}{
		{"host not a URL", map[string]string{EnvHost: "platform.kore.ai"},
			`SMARTASSIST_HOST is "platform.kore.ai"; it must be an https:// URL such as https://platform.kore.ai`, []string{EnvHost}},
		{"plain http to a remote host", map[string]string{EnvHost: "http://10.0.0.5"},
			`SMARTASSIST_HOST is "http://10.0.0.5"; plain http:// would send the credentials unencrypted, and is allowed only for a loopback address such as the emulator's; use https://`,
			[]string{EnvHost}},
		{"rate", map[string]string{EnvRequestsPerMinute: "-5"}, `SMARTASSIST_REQUESTS_PER_MINUTE is "-5"; it must be a positive number`, []string{EnvRequestsPerMinute}},
		{"rate zero", map[string]string{EnvRequestsPerMinute: "0"}, `SMARTASSIST_REQUESTS_PER_MINUTE is "0"; it must be a positive number`, []string{EnvRequestsPerMinute}},
		{"retries", map[string]string{EnvMaxRetries: "many"}, `SMARTASSIST_MAX_RETRIES is "many"; it must be a whole number from 0 to 20`, []string{EnvMaxRetries}},
		{"retries too many", map[string]string{EnvMaxRetries: "21"}, `SMARTASSIST_MAX_RETRIES is "21"; it must be a whole number from 0 to 20`, []string{EnvMaxRetries}},
		{"timeout", map[string]string{EnvRequestTimeout: "soon"}, `SMARTASSIST_REQUEST_TIMEOUT is "soon"; it must be a positive duration such as 30s or 2m`, []string{EnvRequestTimeout}},
		{"timeout negative", map[string]string{EnvRequestTimeout: "-1s"}, `SMARTASSIST_REQUEST_TIMEOUT is "-1s"; it must be a positive duration such as 30s or 2m`, []string{EnvRequestTimeout}},
		{"shared", map[string]string{EnvSharedRateLimit: "sometimes"}, `SMARTASSIST_SHARED_RATE_LIMIT is "sometimes"; it must be true or false`, []string{EnvSharedRateLimit}},
		{"no secret", map[string]string{EnvClientSecret: ""},
			"missing settings: set SMARTASSIST_CLIENT_ID and SMARTASSIST_CLIENT_SECRET (or SMARTASSIST_JWT)", []string{EnvClientSecret}},
		{"no credentials", map[string]string{EnvClientSecret: "", EnvClientID: ""},
			"missing settings: set SMARTASSIST_CLIENT_ID and SMARTASSIST_CLIENT_SECRET (or SMARTASSIST_JWT)", []string{EnvClientID}},
		{"both modes", map[string]string{EnvJWT: "eyJ.a.b"},
			"both SMARTASSIST_JWT and SMARTASSIST_CLIENT_ID with SMARTASSIST_CLIENT_SECRET are set; set only one way to authenticate", []string{EnvJWT}},
		{"everything wrong", map[string]string{EnvStreamID: "", EnvAccountID: "", EnvClientID: "", EnvMaxRetries: "-1", EnvHost: "ftp://x"},
			`SMARTASSIST_HOST is "ftp://x"; it must be an https:// URL such as https://platform.kore.ai; ` +
				`SMARTASSIST_MAX_RETRIES is "-1"; it must be a whole number from 0 to 20; ` +
				"missing settings: set SMARTASSIST_ACCOUNT_ID, SMARTASSIST_CLIENT_ID and SMARTASSIST_CLIENT_SECRET (or SMARTASSIST_JWT), SMARTASSIST_STREAM_ID",
			[]string{EnvHost, EnvMaxRetries, EnvClientID, EnvStreamID, EnvAccountID}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ConfigFromEnv(envOf(t, tc.changes))
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tc.want {
				t.Fatalf("error:\n %s\nwant\n %s", err, tc.want)
			}
			if strings.Contains(err.Error(), "secret-1") || strings.Contains(err.Error(), "eyJ.a.b") {
				t.Fatalf("the error shows a secret: %s", err)
			}
			var es EnvErrors
			if !errors.As(err, &es) {
				t.Fatalf("%T is not EnvErrors", err)
			}
			var vars []string
			for _, e := range es {
				vars = append(vars, e.Var)
				if e.Problem != EnvInvalid && e.Value != "" {
					t.Errorf("%s: a missing or conflicting setting shows a value", e.Var)
				}
			}
			if !reflect.DeepEqual(vars, tc.vars) {
				t.Fatalf("variables %v, want %v", vars, tc.vars)
			}
		})
	}
}
