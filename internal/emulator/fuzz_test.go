package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/golang-jwt/jwt/v5"
)

// FuzzHandlers sends arbitrary bodies and query strings to the write and
// list endpoints. The emulator must never panic, must answer a status the
// reference documents for it, and must answer errors in the envelope.
func FuzzHandlers(f *testing.F) {
	seeds := []struct {
		method, rel, body string
	}{
		{"POST", "/agents", `{"emailId":"a@example.com","firstName":"A","lastName":"B","roleId":"67654be356840f366e79aaaa"}`},
		{"POST", "/agents", `{"emailId":5,"queues":{"id":1},"skills":[null,"x",{"skillId":[]}]}`},
		{"PUT", "/agents/a-5892576-bb12-461b-a58a-637d1d21c0de", `{"id":"a-5892576-bb12-461b-a58a-637d1d21c0de","agentGroups":[{}]}`},
		{"GET", "/agents?page=-1&includeQueues=maybe", ``},
		{"GET", "/conversations?skip=x&limit=1000000&status=CLOSED,,OPEN", ``},
		{"GET", "/agents/customId/%2F..%2F", ``},
		{"DELETE", "/agents/%00", ``},
		{"POST", "/agents", `[`},
	}
	for _, s := range seeds {
		f.Add(s.method, s.rel, []byte(s.body))
	}
	srv := New(Config{})
	token, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "fuzz", "appId": DefaultClientID}).
		SignedString([]byte(DefaultClientSecret))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, method, rel string, body []byte) {
		switch method {
		case "GET", "POST", "PUT", "DELETE":
		default:
			return
		}
		if !strings.HasPrefix(rel, "/") {
			// Anything else would name another stream, which is a 401 by
			// design (found by the fuzzer: "0" made the stream id ...00010).
			rel = "/" + rel
		}
		req, err := http.NewRequest(method, "http://emulator"+basePath+DefaultStreamID+rel, bytes.NewReader(body))
		if err != nil {
			return
		}
		req.Header.Set("auth", token)
		req.Header.Set("accountId", DefaultAccountID)
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, req)
		switch w.Code {
		case 200, 400, 404, 405, 409:
		default:
			t.Fatalf("%s %s answered %d", method, rel, w.Code)
		}
		if w.Code != 200 {
			var env struct {
				Errors []struct {
					Msg  string `json:"msg"`
					Code int    `json:"code"`
				} `json:"errors"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &env); err != nil || len(env.Errors) == 0 || env.Errors[0].Msg == "" {
				t.Fatalf("%s %s answered %d without the error envelope: %s", method, rel, w.Code, w.Body.String())
			}
		}
	})
}
