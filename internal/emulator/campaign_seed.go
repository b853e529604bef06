package emulator

import (
	"fmt"
	"strings"
)

// loadCampaignSeed stores the seeded contact lists (and their
// phoneNumbers) and campaigns, filling in what a record leaves out as a
// create would. Names must be unique, ignoring case, as the API keeps them.
func (s *Server) loadCampaignSeed(seed *Seed) error {
	now := s.timestamp()
	for i, c := range seed.ContactLists {
		doc, err := normalizeDoc(c)
		if err != nil {
			return err
		}
		name := str(doc, "name")
		if strings.TrimSpace(name) == "" {
			return fmt.Errorf("contactLists[%d]: name must be a non-empty string", i)
		}
		if s.contactLists.byName(name, "") != nil {
			return fmt.Errorf("contactLists[%d]: duplicate name %s", i, name)
		}
		phones := stringsOf(doc["phoneNumbers"])
		delete(doc, "phoneNumbers")
		allow, _ := doc["allowDuplicates"].(bool)
		for k, v := range map[string]any{
			"isActive": true, "description": "", "status": "Ready",
			"createdBy": s.ref.createdBy, "updatedBy": s.ref.createdBy,
			"mapping": contactListMapping(), "listType": "call", "isGlobalDNC": false, "isDefault": false,
			"source": contactListSource, "apiConfigurations": map[string]any{"dataSyncMode": dataSyncMode(allow)},
			"columns": []any{}, "files": []any{}, "createdAt": now, "updatedAt": now, "allowDuplicates": allow,
		} {
			setDefault(doc, k, v)
		}
		s.contactLists.put(doc)
		for _, p := range phones {
			s.listNumbers[str(doc, "id")] = append(s.listNumbers[str(doc, "id")], map[string]any{
				"_id": newListContactID(), "createdAt": now, "updatedAt": now, "phoneNumber": p,
			})
		}
	}
	return nil
}
