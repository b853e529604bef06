package emulator

import (
	"net/http"
	"testing"
)

// A Body fault answers {} to a bulk delete without deleting (or after
// deleting, with BodyAfterHandling); the record faults leave out, reverse
// and strip the records of a handled create-contacts answer.
func TestAnswerFaults(t *testing.T) {
	h := newHarness(t, Config{})
	created := h.do(http.MethodPost, "/contacts", []any{
		contactBody("A", "Fault", "mr", "5550000001", "+1"),
		contactBody("B", "Fault", "mr", "5550000002", "+1"),
		contactBody("C", "Fault", "mr", "5550000003", "+1"),
	}).array(t, http.StatusOK)
	ids := []any{}
	for _, c := range created {
		ids = append(ids, c.(map[string]any)["id"])
	}
	status := func(id any) string {
		for _, c := range h.srv.Contacts() {
			if c["id"] == id {
				return c["status"].(string)
			}
		}
		return ""
	}

	h.srv.InjectFault(Fault{Method: http.MethodDelete, Route: "/contacts/bulk-delete", Body: "{}"})
	if got := h.do(http.MethodDelete, "/contacts/bulk-delete", map[string]any{"ids": ids[:1]}).object(t, http.StatusOK); len(got) != 0 {
		t.Errorf("answer %v, want {}", got)
	}
	if st := status(ids[0]); st != contactActive {
		t.Errorf("a Body fault deleted the contact: %s", st)
	}
	h.srv.InjectFault(Fault{Method: http.MethodDelete, Route: "/contacts/bulk-delete", Body: "{}", BodyAfterHandling: true})
	h.do(http.MethodDelete, "/contacts/bulk-delete", map[string]any{"ids": ids[:1]}).object(t, http.StatusOK)
	if st := status(ids[0]); st != contactInactive {
		t.Errorf("a Body fault after handling left the contact %s", st)
	}
	h.srv.InjectFault(Fault{Method: http.MethodDelete, Route: "/contacts/bulk-delete", DropRecords: 1})
	got := h.do(http.MethodDelete, "/contacts/bulk-delete", map[string]any{"ids": ids[1:]}).object(t, http.StatusOK)
	if recs := got["successfulRecords"].([]any); len(recs) != 1 || recs[0].(map[string]any)["id"] != ids[1] || got["successful"] != 2.0 {
		t.Errorf("answer %v, want one successful record (%v), successful still 2", got, ids[1])
	}
	if status(ids[2]) != contactInactive {
		t.Error("DropRecords changed what was done")
	}

	h.srv.InjectFault(Fault{Method: http.MethodPost, Route: "/contacts", ReverseRecords: true, OmitPhone: true})
	answer := h.do(http.MethodPost, "/contacts", []any{
		contactBody("D", "Fault", "mr", "5550000004", "+1"),
		contactBody("E", "Fault", "mr", "5550000005", "+1"),
	}).array(t, http.StatusOK)
	first, second := answer[0].(map[string]any), answer[1].(map[string]any)
	if first["firstName"] != "E" || first["cellPhone"] != nil || second["firstName"] != "D" || second["cellPhone"] == nil {
		t.Errorf("answer %v, want E without its phone, then D", answer)
	}
}
