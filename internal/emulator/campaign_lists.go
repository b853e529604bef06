package emulator

// campaignsUsingListLocked is the campaignInUse of a contact list: {id,
// name} of every campaign that names the list as a contact list or as its
// DNC list, in campaign creation order.
func (s *Server) campaignsUsingListLocked(listID string) []any {
	out := []any{}
	for _, c := range s.campaigns.all() {
		uses := str(c, "dncListId") == listID
		for _, id := range stringsOf(c["contactListIds"]) {
			uses = uses || id == listID
		}
		if uses {
			out = append(out, map[string]any{"id": c["id"], "name": c["name"]})
		}
	}
	return out
}

// stringsOf returns the strings of a decoded-JSON array (or a []string).
func stringsOf(v any) []string {
	switch t := v.(type) {
	case []string:
		return t
	case []any:
		out := make([]string, 0, len(t))
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
