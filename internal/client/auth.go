package client

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// tokenSource gives the value of the auth header for one attempt.
type tokenSource interface {
	Token() (string, error)
}

// staticToken is a JWT the user made, sent as it is.
type staticToken string

func (t staticToken) Token() (string, error) { return string(t), nil }

// TokenLifetime is how far ahead a minted token's exp lies. Kore.ai's
// SDK-security page caps exp at one hour for apps that enforce JTI
// (https://docs.kore.ai/ai-for-service/app-settings/sdk-security); we stay
// well inside it.
const TokenLifetime = 30 * time.Minute

// mintedTokens signs a fresh HS256 token with the client secret for every
// attempt. The api-introduction page says the platform checks the claim
// spelled exactly "appId"; the SDK-security page rejects a reused jti as
// "possibly a replay" when an app enforces JTI, so each token carries its own
// jti, and minting per attempt means a token is never reused and always
// minted again long before it expires. HMAC signing costs microseconds.
type mintedTokens struct {
	clientID string
	secret   []byte
	now      func() time.Time
}

// Subject is the sub claim of minted tokens. The documented payload has a
// sub; its value is not checked by the platform.
const Subject = "terraform-provider-smartassist"

func (m *mintedTokens) Token() (string, error) {
	now := m.now()
	jti, err := newJTI()
	if err != nil {
		return "", err
	}
	claims := jwt.MapClaims{
		"appId": m.clientID,
		"sub":   Subject,
		"iat":   now.Unix(),
		"exp":   now.Add(TokenLifetime).Unix(),
		"jti":   jti,
	}
	signed, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(m.secret)
	if err != nil {
		// The error of SignedString never holds the secret; say only what failed.
		return "", fmt.Errorf("signing the JWT for client id %s failed", m.clientID)
	}
	return signed, nil
}

func newJTI() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("making a JWT id: %w", err)
	}
	return hex.EncodeToString(b), nil
}
