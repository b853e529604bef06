package client

import (
	"context"
	"strings"
	"testing"
)

// printedBase is the prefix the voice start/stop and advanced SMS create
// pages print, with the test stream.
const printedBase = "/api/v2/public/" + testStream

// prefixAPI answers at the base path when base is set and at the printed
// prefix when printed is set; elsewhere 404, as a route not served.
func prefixAPI(base, printed bool, ok string) func(apiCall) (int, string) {
	return func(a apiCall) (int, string) {
		if strings.HasPrefix(a.Path, campaignBase) && base || strings.HasPrefix(a.Path, printedBase) && printed {
			return 0, ok
		}
		return 404, `{"errors":[{"msg":"Route not found","code":404}]}`
	}
}

func TestCampaignPrintedPrefixFallback(t *testing.T) {
	adv := smsRequest()
	adv.Format, adv.Message, adv.ExperienceFlowName = "advanced", "", "Flow"
	ops := []struct {
		name, tail, answer string
		do                 func(context.Context, *Client) error
	}{
		{"start", "/campaign/trigger/cd-1?accountId=" + testAccount + "&campaignType=voice&trigger=play",
			`{"status":"Active","message":"Campaign Started","campaignInstanceId":"cid-1"}`,
			func(ctx context.Context, c *Client) error {
				run, err := c.CampaignRuns.Start(ctx, CampaignVoice, "cd-1")
				if err == nil && run.CampaignInstanceID != "cid-1" {
					t.Errorf("start run = %+v", run)
				}
				return err
			}},
		{"stop", "/campaign/trigger/cd-1?accountId=" + testAccount + "&campaignType=voice&trigger=stop",
			`{"status":"success","message":"Campaign stopped","data":{}}`,
			func(ctx context.Context, c *Client) error { return c.Campaigns.Stop(ctx, CampaignVoice, "cd-1") }},
		{"create", "/campaign?accountId=" + testAccount + "&campaignType=sms",
			`{"status":"success","data":{"_id":"cd-9","name":"Reminder","format":"advanced"}}`,
			func(ctx context.Context, c *Client) error {
				got, err := c.Campaigns.Create(ctx, adv)
				if err == nil && got.ID != "cd-9" {
					t.Errorf("create = %+v", got)
				}
				return err
			}},
	}
	for _, op := range ops {
		for _, tc := range []struct {
			name          string
			base, printed bool
			// want are the prefixes of the calls two operations make.
			want []string
		}{
			{"base answers", true, false, []string{campaignBase, campaignBase}},
			{"printed answers", false, true, []string{campaignBase, printedBase, printedBase}},
			{"neither answers", false, false, []string{campaignBase, printedBase, campaignBase, printedBase}},
		} {
			t.Run(op.name+"/"+tc.name, func(t *testing.T) {
				c, f := newFakeAPI(t, prefixAPI(tc.base, tc.printed, op.answer))
				for range 2 {
					err := op.do(t.Context(), c)
					switch {
					case tc.base || tc.printed:
						if err != nil {
							t.Fatal(err)
						}
					case !IsNotFound(err):
						t.Fatalf("err = %v, want the not-found error", err)
					case strings.Contains(err.Error(), "and at the prefix"):
						t.Fatalf("err = %v, want the base path's own error", err)
					}
				}
				calls := f.Calls()
				if len(calls) != len(tc.want) {
					t.Fatalf("calls = %v, want %d calls", calls, len(tc.want))
				}
				for i, p := range tc.want {
					path, query, _ := strings.Cut(op.tail, "?")
					if calls[i].Method != "POST" || calls[i].Path != p+path || calls[i].Query != query {
						t.Errorf("call %d = %s, want POST %s%s", i, calls[i], p, op.tail)
					}
				}
			})
		}
	}
}

// The routes whose pages print the base path have no fallback: an SMS
// start and a simple SMS create that answer 404 are sent once.
func TestCampaignPrintedPrefixOnlyForItsRoutes(t *testing.T) {
	c, f := newFakeAPI(t, prefixAPI(false, true, `{}`))
	if _, err := c.CampaignRuns.Start(t.Context(), CampaignSMS, "cd-2"); !IsNotFound(err) {
		t.Fatalf("start = %v", err)
	}
	if _, err := c.Campaigns.Create(t.Context(), smsRequest()); !IsNotFound(err) {
		t.Fatalf("create = %v", err)
	}
	calls := f.Calls()
	if len(calls) != 2 || !strings.HasPrefix(calls[0].Path, campaignBase) || !strings.HasPrefix(calls[1].Path, campaignBase) {
		t.Fatalf("calls = %v", calls)
	}
}

// A printed prefix that fails otherwise is reported beside the base
// path's 404, which stays the error's status.
func TestCampaignPrintedPrefixOtherFailure(t *testing.T) {
	c, f := newFakeAPI(t, func(a apiCall) (int, string) {
		if strings.HasPrefix(a.Path, printedBase) {
			return 403, `{"errors":[{"msg":"Forbidden","code":403}]}`
		}
		return 404, `{"errors":[{"msg":"Route not found","code":404}]}`
	})
	err := c.Campaigns.Stop(t.Context(), CampaignVoice, "cd-1")
	if !IsNotFound(err) || !strings.Contains(err.Error(), "and at the prefix its page prints (/api/v2/public/)") || !strings.Contains(err.Error(), "Forbidden") {
		t.Fatalf("err = %v", err)
	}
	if n := len(f.Calls()); n != 2 {
		t.Fatalf("%d calls, want 2", n)
	}
}
