package emulator

import (
	"fmt"
	"strings"
)

// loadCampaignSeed stores the seeded contact lists (and their
// phoneNumbers) and campaigns, filling in what a record leaves out as a
// create would. Names must be unique, ignoring case, as the API keeps them.
// A seeded campaign is a stored record (see campaign_views.go): id,
// campaignType (sms or voice) and name are required; its contactListIds and
// dncListId must name seeded lists; it starts Ready unless it says
// otherwise, and is never Preparing for reads.
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
	for i, c := range seed.Campaigns {
		doc, err := normalizeDoc(c)
		if err != nil {
			return err
		}
		name := str(doc, "name")
		if kind := str(doc, "campaignType"); kind != campaignSMS && kind != campaignVoice || strings.TrimSpace(name) == "" {
			return fmt.Errorf("campaigns[%d]: campaignType must be sms or voice, and name a non-empty string", i)
		}
		if s.campaigns.byName(name, "") != nil {
			return fmt.Errorf("campaigns[%d]: duplicate name %s", i, name)
		}
		for _, id := range append(stringsOf(doc["contactListIds"]), str(doc, "dncListId")) {
			if _, ok := s.contactLists.get(id); id != "" && !ok {
				return fmt.Errorf("campaigns[%d]: contact list %s is not seeded", i, id)
			}
		}
		for k, v := range map[string]any{
			"lname": strings.ToLower(name), "description": "", "status": statusReady, "contactListIds": []any{},
			"createdAt": now, "updatedAt": now,
			"schedule": map[string]any{"isSchedulingEnabled": false, "isRecurrenceEnabled": false},
		} {
			setDefault(doc, k, v)
		}
		s.campaigns.put(doc)
	}
	return nil
}
