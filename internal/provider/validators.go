package provider

import (
	"context"
	"fmt"
	"net/mail"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// stringCheck is a declarative string validator: a description and a
// function that returns a problem, or "" when the value is fine.
type stringCheck struct {
	desc  string
	check func(string) string
}

func (v stringCheck) Description(context.Context) string         { return v.desc }
func (v stringCheck) MarkdownDescription(context.Context) string { return v.desc }

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if problem := v.check(req.ConfigValue.ValueString()); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+lastStep(req.Path.String()),
			fmt.Sprintf("Attribute %s: %s", req.Path, problem))
	}
}

func lastStep(p string) string {
	if i := strings.LastIndexAny(p, ".]"); i >= 0 && i+1 < len(p) {
		return p[i+1:]
	}
	return p
}

func httpURL() stringCheck { return stringCheck{"must be an http(s) URL", checkHost} }

func duration() stringCheck {
	return stringCheck{"must be a positive Go duration such as 30s", func(s string) string {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			return fmt.Sprintf("%q is not a positive duration such as 30s or 2m.", s)
		}
		return ""
	}}
}

// emailAddress accepts a bare address such as alice@example.com.
func emailAddress() stringCheck {
	return stringCheck{"must be an email address such as alice@example.com", func(s string) string {
		a, err := mail.ParseAddress(s)
		if err != nil || a.Address != s || !strings.Contains(s[strings.LastIndex(s, "@")+1:], ".") {
			return fmt.Sprintf("%q is not an email address such as alice@example.com.", s)
		}
		return ""
	}}
}

// noSpaces follows create-an-agent: customId "supports special characters
// except space".
func noSpaces() stringCheck {
	return stringCheck{"must not contain white space", func(s string) string {
		if strings.ContainsAny(s, " \t\r\n") {
			return fmt.Sprintf("%q contains white space; the API accepts any character in a custom id except a space.", s)
		}
		if s == "" {
			return "must not be empty; leave the attribute out instead."
		}
		return ""
	}}
}

// languageCode is an ISO 639 code, optionally with a region: en, es, pt-BR.
var languageCodePattern = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z]{2,4})?$`)

func languageCode() stringCheck {
	return stringCheck{"must be a language code such as en, es or pt-BR", func(s string) string {
		if !languageCodePattern.MatchString(s) {
			return fmt.Sprintf("%q is not a language code such as en, es or pt-BR (ISO 639, lower case, optional region).", s)
		}
		return ""
	}}
}

// someDigits is a phone-number filter: the filters compare digits only
// (spaces, dashes and + are left out), so a value without a digit would
// match every contact, and a query with -generate-config-out would import
// them all.
func someDigits() stringCheck {
	return stringCheck{"must contain at least one digit", func(s string) string {
		if digitsOnly(s) == "" {
			return fmt.Sprintf("%q has no digit. The filter compares digits only (spaces, dashes and + are left out), so it "+
				"would match every contact; give digits of the number, such as 415 555, or leave the attribute out.", s)
		}
		return ""
	}}
}

// phonePattern accepts digits with an optional leading + and spaces or
// dashes between them.
var phonePattern = regexp.MustCompile(`^\+?[0-9][0-9 -]{3,30}[0-9]$`)

// quotedList renders allowed values for a description: `a`, `b` or `c`.
func quotedList(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = "`" + v + "`"
	}
	if len(q) < 2 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}
