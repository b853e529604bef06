package emulator

// How campaigns are answered. A stored campaign record holds its id as
// "id", its kind as "campaignType", and internal members the answers
// translate: contactListIds and dncListId (answered as the lists' current
// names), queueId (answered in lists only, as connection, the queue's
// name: reads never return queue_name), experienceFlowName (answered as
// experienceFlow, an id derived from the name), enableMachineDetect (the
// mode sent; see CampaignReadings.CampaignMachineDetectEcho).

// campaignShape is which answer a view is for.
type campaignShape int

const (
	shapeRead   campaignShape = iota // get, update, delete
	shapeCreate                      // the create answer
	shapeList                        // an entry of getAllCampaignDetails
)

// campaignViewLocked renders a stored campaign for an answer. status is
// the status to answer (a read may answer one the record no longer has).
func (s *Server) campaignViewLocked(doc map[string]any, shape campaignShape, status string) map[string]any {
	voice := str(doc, "campaignType") == campaignVoice
	out := map[string]any{}
	copyMembers := func(keys ...string) {
		for _, k := range keys {
			if v, ok := doc[k]; ok {
				out[k] = deepCopy(v)
			}
		}
	}
	if shape == shapeList {
		copyMembers("name", "description")
	} else {
		copyMembers("name", "lname", "description")
	}
	if dnc := str(doc, "dncListId"); dnc != "" {
		name := ""
		if list, ok := s.contactLists.get(dnc); ok {
			name = str(list, "name")
		}
		if voice {
			out["dncLists"] = map[string]any{"id": dnc, "name": name}
		} else {
			out["dncLists"] = map[string]any{"name": name}
		}
	}
	copyMembers("priority")
	out["status"] = status
	if voice {
		copyMembers("dialingMode")
		if shape != shapeList {
			copyMembers("dialingStrategy", "maxSkips")
		}
	} else if shape != shapeList {
		copyMembers("dialingStrategy")
	}
	if flow := str(doc, "experienceFlowName"); flow != "" {
		out["experienceFlow"] = derivedID("cf-", "flow:"+flow)
	}
	copyMembers("message")
	if !voice && shape != shapeList {
		out["isImported"] = false
	}
	if voice || shape != shapeList {
		out["isFiltersEnabled"] = false
	}
	copyMembers("createdAt", "updatedAt")
	if sched, ok := doc["schedule"].(map[string]any); ok && !(voice && shape == shapeCreate) {
		out["schedule"] = map[string]any{"isSchedulingEnabled": sched["isSchedulingEnabled"], "isRecurrenceEnabled": sched["isRecurrenceEnabled"]}
	}
	if shape != shapeCreate {
		copyMembers("campaignInstanceId")
	}
	out["contactLists"] = s.campaignListNamesLocked(doc)
	copyMembers("format")
	if shape == shapeList {
		out["campaignInstanceUpdatedAt"] = doc["updatedAt"]
		if voice {
			if q, ok := s.queues.get(str(doc, "queueId")); ok {
				out["connection"] = q["name"]
			}
		} else {
			out["totalMessagesSent"] = 0.0
			out["campaignExecutionType"] = "NORMAL"
		}
	}
	if amd := str(doc, "enableMachineDetect"); amd != "" && (shape == shapeCreate || s.rd().CampaignMachineDetectEcho) {
		out["enableMachineDetect"] = amd != "no"
	}
	out[s.campaignIDKey(voice, shape)] = doc["id"]
	return out
}

// campaignIDKey is the member that carries the id, under
// CampaignReadings.CampaignIDField.
func (s *Server) campaignIDKey(voice bool, shape campaignShape) string {
	switch s.rd().CampaignIDField {
	case CampaignIDPlain:
		return "id"
	case CampaignIDUnderscore:
		return "_id"
	}
	switch {
	case shape == shapeCreate && voice, shape == shapeList && !voice:
		return "id"
	default:
		return "_id"
	}
}

// campaignListNamesLocked is a campaign's contactLists: the current names
// of the lists it names, in the order sent; a list deleted out of band is
// left out.
func (s *Server) campaignListNamesLocked(doc map[string]any) []any {
	names := []any{}
	for _, id := range stringsOf(doc["contactListIds"]) {
		if list, ok := s.contactLists.get(id); ok {
			names = append(names, list["name"])
		}
	}
	return names
}
