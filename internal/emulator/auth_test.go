package emulator

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func TestAuthAcceptsDocumentedToken(t *testing.T) {
	h := newHarness(t, Config{})
	// The documented payload: sub and appId only, no exp.
	res := h.do(http.MethodGet, "/agents/"+mariaID, nil)
	doc := res.object(t, http.StatusOK)
	if doc["emailId"] != "maria.lopez@example.com" {
		t.Fatalf("emailId = %v", doc["emailId"])
	}
	// The header name is case-insensitive; the create sample spells it
	// accountid. Non-canonical keys go on the wire as written.
	req, _ := http.NewRequest(http.MethodGet, h.ts.URL+apiPath("/agents/"+mariaID), nil)
	req.Header["auth"] = []string{h.token}
	req.Header["accountid"] = []string{DefaultAccountID}
	raw, err := h.ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	raw.Body.Close()
	if raw.StatusCode != http.StatusOK {
		t.Fatalf("lower-case headers: status %d", raw.StatusCode)
	}
}

func TestAuthRejections(t *testing.T) {
	clock := newFakeClock()
	secret := []byte(DefaultClientSecret)
	claims := func(extra jwt.MapClaims) jwt.MapClaims {
		c := jwt.MapClaims{"sub": "1234567890", "appId": DefaultClientID}
		for k, v := range extra {
			c[k] = v
		}
		return c
	}
	good := signToken(t, jwt.SigningMethodHS256, secret, claims(nil))

	tests := []struct {
		name    string
		headers map[string]*string
		wantMsg string
	}{
		{
			name:    "missing auth header",
			headers: map[string]*string{"auth": nil},
			wantMsg: "auth header is missing",
		},
		{
			name:    "Bearer prefix",
			headers: map[string]*string{"auth": ptr("Bearer " + good)},
			wantMsg: `Invalid JWT token: the auth header must hold the raw JWT, without a "Bearer " prefix`,
		},
		{
			name:    "not a JWT",
			headers: map[string]*string{"auth": ptr("not-a-token")},
			wantMsg: "Invalid JWT token: token is malformed",
		},
		{
			name:    "wrong signature",
			headers: map[string]*string{"auth": ptr(signToken(t, jwt.SigningMethodHS256, []byte("another-secret"), claims(nil)))},
			wantMsg: "Invalid JWT token: signature is invalid",
		},
		{
			name:    "HS512 signed with the right secret",
			headers: map[string]*string{"auth": ptr(signToken(t, jwt.SigningMethodHS512, secret, claims(nil)))},
			wantMsg: "Invalid JWT token: signing method HS512 is not allowed, only HS256",
		},
		{
			name:    "alg none",
			headers: map[string]*string{"auth": ptr(signToken(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, claims(nil)))},
			wantMsg: "Invalid JWT token: signing method none is not allowed, only HS256",
		},
		{
			name:    "wrong appId",
			headers: map[string]*string{"auth": ptr(signToken(t, jwt.SigningMethodHS256, secret, jwt.MapClaims{"appId": "cs-someone-else"}))},
			wantMsg: "Invalid SDK credentials: appId does not match",
		},
		{
			name:    "appId misspelled",
			headers: map[string]*string{"auth": ptr(signToken(t, jwt.SigningMethodHS256, secret, jwt.MapClaims{"appid": DefaultClientID}))},
			wantMsg: `Invalid SDK credentials: the token has no appId claim (it must be spelled exactly "appId")`,
		},
		{
			name: "expired",
			headers: map[string]*string{"auth": ptr(signToken(t, jwt.SigningMethodHS256, secret,
				claims(jwt.MapClaims{"exp": clock.Now().Add(-time.Second).Unix()})))},
			wantMsg: "error verifying the jwt: token is expired",
		},
		{
			name: "not valid yet",
			headers: map[string]*string{"auth": ptr(signToken(t, jwt.SigningMethodHS256, secret,
				claims(jwt.MapClaims{"nbf": clock.Now().Add(time.Hour).Unix()})))},
			wantMsg: "error verifying the jwt: token is not valid yet",
		},
		{
			name:    "wrong accountId",
			headers: map[string]*string{"accountId": ptr("000000000000000000000000")},
			wantMsg: "Invalid accountId",
		},
		{
			name:    "missing accountId",
			headers: map[string]*string{"accountId": nil},
			wantMsg: "Invalid accountId: the accountId header is missing",
		},
	}
	h := newHarness(t, Config{Now: clock.Now})
	seen := map[string]string{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := len(h.srv.Agents())
			res, err := h.request(http.MethodPost, apiPath("/agents"), newAgentBody("auth.probe@example.com"), tc.headers)
			if err != nil {
				t.Fatal(err)
			}
			msg := res.errorMsg(t, http.StatusUnauthorized)
			if msg != tc.wantMsg {
				t.Errorf("msg = %q, want %q", msg, tc.wantMsg)
			}
			if other, dup := seen[msg]; dup {
				t.Errorf("message %q is shared with case %q", msg, other)
			}
			seen[msg] = tc.name
			if after := len(h.srv.Agents()); after != before {
				t.Errorf("a rejected request created an agent (%d -> %d)", before, after)
			}
			if tok := tc.headers["auth"]; tok != nil && len(*tok) > 20 && strings.Contains(string(res.body), *tok) {
				t.Errorf("the answer echoes the token")
			}
		})
	}
	if got := h.srv.StatusCounts()[http.StatusUnauthorized]; got != len(tests) {
		t.Errorf("401 count = %d, want %d", got, len(tests))
	}
	if got := h.srv.Count("POST /agents"); got != len(tests) {
		t.Errorf(`Count("POST /agents") = %d, want %d (rejected requests are counted)`, got, len(tests))
	}
}

func TestAuthExpIsCheckedAgainstConfigClock(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	h.token = signToken(t, jwt.SigningMethodHS256, []byte(DefaultClientSecret),
		jwt.MapClaims{"appId": DefaultClientID, "exp": clock.Now().Add(time.Minute).Unix()})
	h.do(http.MethodGet, "/agents", nil).object(t, http.StatusOK)

	clock.Advance(2 * time.Minute)
	msg := h.do(http.MethodGet, "/agents", nil).errorMsg(t, http.StatusUnauthorized)
	if msg != "error verifying the jwt: token is expired" {
		t.Fatalf("msg = %q", msg)
	}
}

func TestAuthUsesConfiguredCredentials(t *testing.T) {
	cfg := Config{StreamID: "st-custom", AccountID: "acc-custom", ClientID: "cs-custom", ClientSecret: "s3cret"}
	h := newHarness(t, cfg)
	h.token = signToken(t, jwt.SigningMethodHS256, []byte("s3cret"), jwt.MapClaims{"appId": "cs-custom"})
	res, err := h.request(http.MethodGet, basePath+"st-custom/agents", nil,
		map[string]*string{"accountId": ptr("acc-custom")})
	if err != nil {
		t.Fatal(err)
	}
	body := res.object(t, http.StatusOK)
	if body["totalResults"] != float64(seededAgents) {
		t.Fatalf("totalResults = %v", body["totalResults"])
	}
	// The defaults no longer work.
	msg := h.do(http.MethodGet, "/agents", nil).errorMsg(t, http.StatusUnauthorized)
	if msg != "Invalid accountId" {
		t.Fatalf("msg = %q", msg)
	}
	// Seeded agents belong to the configured account and stream.
	doc, _ := h.srv.Agent(mariaID)
	if doc["accountId"] != "acc-custom" || doc["iId"] != "st-custom" {
		t.Fatalf("seeded agent accountId/iId = %v/%v", doc["accountId"], doc["iId"])
	}
}
