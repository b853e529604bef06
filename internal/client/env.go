package client

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The environment variables ConfigFromEnv reads. The Terraform provider
// reads the same ones, each named after one of its attributes.
const (
	EnvHost              = "SMARTASSIST_HOST"
	EnvStreamID          = "SMARTASSIST_STREAM_ID"
	EnvAccountID         = "SMARTASSIST_ACCOUNT_ID"
	EnvClientID          = "SMARTASSIST_CLIENT_ID"
	EnvClientSecret      = "SMARTASSIST_CLIENT_SECRET"
	EnvJWT               = "SMARTASSIST_JWT"
	EnvRequestsPerMinute = "SMARTASSIST_REQUESTS_PER_MINUTE"
	EnvMaxRetries        = "SMARTASSIST_MAX_RETRIES"
	EnvRequestTimeout    = "SMARTASSIST_REQUEST_TIMEOUT"
	EnvSharedRateLimit   = "SMARTASSIST_SHARED_RATE_LIMIT"
)

// BudgetDirName is the folder, under the user's cache directory, where the
// clients of one machine keep their shared rate budgets.
const BudgetDirName = "terraform-provider-smartassist"

// SharedBudgetDir is the BudgetDir every client of this machine shares:
// BudgetDirName under the user's cache directory ($XDG_CACHE_HOME or
// ~/.cache on Linux, ~/Library/Caches on macOS, %LocalAppData% on Windows).
func SharedBudgetDir() (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	if cache == "" {
		return "", errors.New("the user's cache directory is unknown")
	}
	return filepath.Join(cache, BudgetDirName), nil
}

// EnvProblem is what is wrong with a variable.
type EnvProblem int

const (
	// EnvInvalid is a value that cannot be used.
	EnvInvalid EnvProblem = iota + 1
	// EnvMissing is a required setting that is not set.
	EnvMissing
	// EnvConflict is SMARTASSIST_JWT set together with the client
	// credentials: only one way to authenticate may be given.
	EnvConflict
)

// EnvError is one variable ConfigFromEnv cannot use.
type EnvError struct {
	Var     string // the variable, such as SMARTASSIST_MAX_RETRIES
	Problem EnvProblem
	// Value is the variable's value, for EnvInvalid only: the variables
	// that can be invalid hold no secret.
	Value string
	// Want says what is wrong with Value and what it must be, for
	// EnvInvalid: "it must be a positive number".
	Want string
}

func (e *EnvError) Error() string {
	switch e.Problem {
	case EnvMissing:
		return "missing setting: set " + missingName(e.Var)
	case EnvConflict:
		return fmt.Sprintf("both %s and %s with %s are set; set only one way to authenticate", EnvJWT, EnvClientID, EnvClientSecret)
	default:
		return fmt.Sprintf("%s is %q; %s", e.Var, e.Value, e.Want)
	}
}

// missingName is how a missing variable is named to the user: a missing
// credential names every way to give one.
func missingName(v string) string {
	if v == EnvClientID || v == EnvClientSecret || v == EnvJWT {
		return fmt.Sprintf("%s and %s (or %s)", EnvClientID, EnvClientSecret, EnvJWT)
	}
	return v
}

// EnvErrors is everything ConfigFromEnv found wrong: the values that cannot
// be used in the order the variables are read, then the conflict, then the
// missing settings.
type EnvErrors []*EnvError

func (es EnvErrors) Error() string {
	var parts, missing []string
	seen := map[string]bool{}
	for _, e := range es {
		if e.Problem != EnvMissing {
			parts = append(parts, e.Error())
			continue
		}
		if name := missingName(e.Var); !seen[name] {
			seen[name] = true
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		parts = append(parts, "missing settings: set "+strings.Join(missing, ", "))
	}
	return strings.Join(parts, "; ")
}

// ConfigFromEnv builds a Config from the SMARTASSIST_* variables that getenv
// reads (os.Getenv, or a caller's lookup that puts its own settings first).
// Unset variables take the defaults: DefaultHost, DefaultRequestsPerMinute,
// DefaultMaxRetries, DefaultRequestTimeout, and a budget shared through
// SharedBudgetDir unless SMARTASSIST_SHARED_RATE_LIMIT is false; when the
// user's cache directory is unknown, BudgetDir stays empty and the budget
// is the client's own. The error, when not nil, is EnvErrors, naming every
// variable at fault; the Config then holds what could be read.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	cfg := Config{
		Host:         getenv(EnvHost),
		StreamID:     getenv(EnvStreamID),
		AccountID:    getenv(EnvAccountID),
		ClientID:     getenv(EnvClientID),
		ClientSecret: getenv(EnvClientSecret),
		JWT:          getenv(EnvJWT),
		MaxRetries:   -1,
	}
	var errs EnvErrors
	invalid := func(name, value, want string) {
		errs = append(errs, &EnvError{Var: name, Problem: EnvInvalid, Value: value, Want: want})
	}
	if cfg.Host == "" {
		cfg.Host = DefaultHost
	}
	switch {
	case !IsHTTPURL(cfg.Host):
		invalid(EnvHost, cfg.Host, "it must be an https:// URL such as "+DefaultHost)
	case IsInsecureRemote(cfg.Host):
		invalid(EnvHost, cfg.Host, "plain http:// would send the credentials unencrypted, and is allowed "+
			"only for a loopback address such as the emulator's; use https://")
	}
	if v := getenv(EnvRequestsPerMinute); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f <= 0 {
			invalid(EnvRequestsPerMinute, v, "it must be a positive number")
		} else {
			cfg.RequestsPerMinute = f
		}
	}
	if v := getenv(EnvMaxRetries); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 20 {
			invalid(EnvMaxRetries, v, "it must be a whole number from 0 to 20")
		} else {
			cfg.MaxRetries = n
		}
	}
	if v := getenv(EnvRequestTimeout); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			invalid(EnvRequestTimeout, v, "it must be a positive duration such as 30s or 2m")
		} else {
			cfg.RequestTimeout = d
		}
	}
	shared, bad := sharedRateLimit(getenv)
	if bad != nil {
		errs = append(errs, bad)
	} else if shared {
		if dir, err := SharedBudgetDir(); err == nil {
			cfg.BudgetDir = dir
		}
	}

	hasApp := cfg.ClientID != "" || cfg.ClientSecret != ""
	switch {
	case cfg.JWT != "" && hasApp:
		errs = append(errs, &EnvError{Var: EnvJWT, Problem: EnvConflict})
	case cfg.JWT == "" && cfg.ClientID == "":
		errs = append(errs, &EnvError{Var: EnvClientID, Problem: EnvMissing})
	case cfg.JWT == "" && cfg.ClientSecret == "":
		errs = append(errs, &EnvError{Var: EnvClientSecret, Problem: EnvMissing})
	}
	for _, name := range []string{EnvStreamID, EnvAccountID} {
		if getenv(name) == "" {
			errs = append(errs, &EnvError{Var: name, Problem: EnvMissing})
		}
	}
	if len(errs) > 0 {
		return cfg, errs
	}
	return cfg, nil
}

// SharedRateLimitFromEnv reads SMARTASSIST_SHARED_RATE_LIMIT: whether the
// rate budget is shared with the other clients of this machine. Unset
// means true; the error is an *EnvError.
func SharedRateLimitFromEnv(getenv func(string) string) (bool, error) {
	shared, bad := sharedRateLimit(getenv)
	if bad != nil {
		return shared, bad
	}
	return shared, nil
}

func sharedRateLimit(getenv func(string) string) (bool, *EnvError) {
	v := getenv(EnvSharedRateLimit)
	if v == "" {
		return true, nil
	}
	b, err := strconv.ParseBool(strings.ToLower(v))
	if err != nil {
		return true, &EnvError{Var: EnvSharedRateLimit, Problem: EnvInvalid, Value: v, Want: "it must be true or false"}
	}
	return b, nil
}
