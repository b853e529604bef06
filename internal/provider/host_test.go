package provider

import (
	"strings"
	"testing"
)

// Plain http is for loopback only: the credentials must not cross a
// network unencrypted.
func TestCheckHostAllowsPlainHTTPOnlyOnLoopback(t *testing.T) {
	for host, want := range map[string]string{
		"https://platform.kore.ai":     "",
		"https://10.0.0.5:8443":        "",
		"http://localhost:8080":        "",
		"http://LOCALHOST":             "",
		"http://127.0.0.1:41234":       "",
		"http://127.8.9.10":            "",
		"http://[::1]:8080":            "",
		"http://platform.kore.ai":      "Use https://platform.kore.ai instead.",
		"http://0.0.0.0:8080":          "Use https://0.0.0.0:8080 instead.",
		"http://[::2]:8080":            "Use https://[::2]:8080 instead.",
		"http://localhost.example.com": "Use https://localhost.example.com instead.",
		"http://127.0.0.1.nip.io/api":  "Use https://127.0.0.1.nip.io/api instead.",
		"ftp://127.0.0.1":              "is not an http(s) URL",
		"platform.kore.ai":             "is not an http(s) URL",
	} {
		got := checkHost(host)
		if (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("checkHost(%q) = %q, want %q", host, got, want)
		}
	}
}
