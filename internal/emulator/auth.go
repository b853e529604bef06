package emulator

import (
	"errors"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// errAlgorithm marks a token signed with anything but HS256, the only
// algorithm allowed for apps mapped to API scopes (the Kore community's
// "How to generate JWT tokens for Kore.ai public APIs",
// https://community.kore.ai/t/how-to-generate-jwt-tokens-for-kore-ai-public-apis/2287).
var errAlgorithm = errors.New("algorithm not allowed")

// authenticate checks the request's credentials the way the vendor's page
// "API Introduction" describes them
// (https://docs.kore.ai/ai-for-service/apis/automation/api-introduction#generating-the-jwt-token):
// header "auth" holds the raw HS256 JWT signed with the client secret, whose
// "appId" claim is the client id; header "accountId" names the account; the
// path names the app's stream. Each failure has its own message. The token
// itself never appears in a message.
//
// The pages give no status for an unknown account or stream. An unknown
// account answers Readings.UnknownAccountStatus (401 by default); an
// unknown stream answers Readings.UnknownStreamStatus (404 by default, as
// for any path naming nothing), with a message naming the stream.
func (s *Server) authenticate(r *http.Request, stream string) *apiError {
	raw := strings.TrimSpace(r.Header.Get("auth"))
	if raw == "" {
		return errorf(http.StatusUnauthorized, "auth header is missing")
	}
	if len(raw) >= 7 && strings.EqualFold(raw[:7], "bearer ") {
		return errorf(http.StatusUnauthorized, `Invalid JWT token: the auth header must hold the raw JWT, without a "Bearer " prefix`)
	}

	claims := jwt.MapClaims{}
	parser := jwt.NewParser(jwt.WithTimeFunc(s.now))
	_, err := parser.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) {
		if t.Method.Alg() != jwt.SigningMethodHS256.Alg() {
			return nil, errAlgorithm
		}
		return []byte(s.cfg.ClientSecret), nil
	})
	if err != nil {
		return errorf(http.StatusUnauthorized, "%s", jwtErrorMessage(err, algOf(raw)))
	}

	appID, present := claims["appId"]
	if !present {
		return errorf(http.StatusUnauthorized, `Invalid SDK credentials: the token has no appId claim (it must be spelled exactly "appId")`)
	}
	if id, ok := appID.(string); !ok || id != s.cfg.ClientID {
		return errorf(http.StatusUnauthorized, "Invalid SDK credentials: appId does not match")
	}

	account := r.Header.Get("accountId")
	if account == "" {
		return errorf(http.StatusUnauthorized, "Invalid accountId: the accountId header is missing")
	}
	if account != s.cfg.AccountID {
		return errorf(s.rd().UnknownAccountStatus, "Invalid accountId")
	}

	if stream == "" { // only a route that takes the stream from the iId header
		return errorf(http.StatusUnauthorized, "Invalid iId: the iId header is missing")
	}
	if stream != s.cfg.StreamID {
		return unknownStream(s.rd().UnknownStreamStatus, stream)
	}
	return nil
}

// unknownStream is the answer for a stream the emulator does not serve: a
// 401 in the words of the SDK's credential errors, any other status as a
// missing app.
func unknownStream(status int, stream string) *apiError {
	if status == http.StatusUnauthorized {
		return errorf(status, "Invalid SDK credentials: unknown streamId %s", stream)
	}
	return errorf(status, "App not found: %s", stream)
}

// jwtErrorMessage turns a parse error into the message the API would give.
func jwtErrorMessage(err error, alg string) string {
	switch {
	case errors.Is(err, jwt.ErrTokenMalformed):
		return "Invalid JWT token: token is malformed"
	case errors.Is(err, errAlgorithm), errors.Is(err, jwt.ErrTokenUnverifiable):
		return "Invalid JWT token: signing method " + alg + " is not allowed, only HS256"
	case errors.Is(err, jwt.ErrTokenSignatureInvalid):
		return "Invalid JWT token: signature is invalid"
	case errors.Is(err, jwt.ErrTokenExpired):
		return "error verifying the jwt: token is expired"
	case errors.Is(err, jwt.ErrTokenNotValidYet):
		return "error verifying the jwt: token is not valid yet"
	default:
		return "error verifying the jwt: " + err.Error()
	}
}

// algOf reads the alg header of a token that failed to parse, for the error
// message only. It never returns any part of the token itself.
func algOf(raw string) string {
	tok, _, _ := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})
	if tok == nil {
		return "(unknown)"
	}
	alg, ok := tok.Header["alg"].(string)
	if !ok || alg == "" || len(alg) > 16 {
		return "(unknown)"
	}
	for _, c := range alg {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return "(unknown)"
		}
	}
	return alg
}
