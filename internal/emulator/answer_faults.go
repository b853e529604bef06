package emulator

import (
	"encoding/json"
	"slices"
)

// The pages show the bulk answers (update-bulk-contacts,
// bulk-delete-contacts) and the create-contacts answer only for requests
// that fully succeed, so a client must not take an answer that names fewer
// records than it sent, or names them in another order, for proof of
// anything about the others. These faults rewrite a handled answer that
// way; they apply when the handler answered 2xx.

// rewritesRecords reports whether f rewrites the records of an answer.
func (f *Fault) rewritesRecords() bool {
	return f.DropRecords > 0 || f.ReverseRecords || f.OmitPhone
}

// rewriteRecords applies f's record faults to payload: the records are the
// answer itself when it is an array (create-contacts), or its
// successfulRecords (the bulk answers), whose counts are left as they were.
// A payload of another shape is returned unchanged.
func (f *Fault) rewriteRecords(payload []byte) []byte {
	var doc any
	if json.Unmarshal(payload, &doc) != nil {
		return payload
	}
	var records []any
	obj, isObj := doc.(map[string]any)
	switch v := doc.(type) {
	case []any:
		records = v
	case map[string]any:
		if records, _ = v["successfulRecords"].([]any); records == nil {
			return payload
		}
	}
	records = records[:len(records)-min(f.DropRecords, len(records))]
	if f.ReverseRecords {
		slices.Reverse(records)
	}
	if f.OmitPhone && len(records) > 0 {
		if rec, ok := records[0].(map[string]any); ok {
			delete(rec, "cellPhone")
			if c, ok := rec["contact"].(map[string]any); ok {
				delete(c, "cellPhone")
			}
		}
	}
	if isObj {
		obj["successfulRecords"] = records
		return encodeJSON(obj)
	}
	if records == nil {
		records = []any{}
	}
	return encodeJSON(records)
}
