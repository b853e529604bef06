package emulator

import (
	"net/http"
	"strings"
)

// rootPath is the prefix of the one documented endpoint that is not below
// basePath: the read of a queue's hours of operation (the page "Hours of
// Operation", https://docs.kore.ai/ai-for-service/apis/contact-center/hours-of-operation),
//
//	GET /agentassist/api/public/organizations/{orgId}/operationshours/{queueId}
//
// Its path has no /v1/ and no stream id: the stream is named by the iId
// header, and is checked like the path's stream of every other route.
const rootPath = "/agentassist/api/public/"

// rootRoutes are relative to rootPath. Their counter keys read like the
// other routes', "GET /organizations/{orgId}/operationshours/{queueId}".
var rootRoutes = []routeDef{
	{http.MethodGet, "/organizations/{orgId}/operationshours/{queueId}", (*Server).getQueueHours},
}

// matchRootRoute matches a path below rootPath, taking the stream from the
// iId header. A path that matches no template there is not an API path.
func matchRootRoute(r *http.Request) routeMatch {
	m := routeMatch{template: unmatchedRoute}
	rest, ok := strings.CutPrefix(r.URL.EscapedPath(), rootPath)
	if !ok {
		return m
	}
	segs, ok := pathSegments(rest)
	if !ok {
		return m
	}
	for _, rd := range rootRoutes {
		params, ok := matchTemplate(rd.template, segs)
		if !ok {
			continue
		}
		if m.template == unmatchedRoute {
			m.api, m.stream, m.template, m.params = true, r.Header.Get("iId"), rd.template, params
		}
		if rd.method == r.Method && rd.template == m.template {
			m.handler = rd.handler
			return m
		}
	}
	return m
}

// getQueueHours answers the hours of operation a queue names, in the
// documented shape. An org other than the seed's, or an unknown queue, is a
// missing object.
func (s *Server) getQueueHours(_ *http.Request, params map[string]string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if org := params["orgId"]; org != s.ref.orgID {
		return nil, missing("Organization not found: %s", org)
	}
	queue, ok := s.queues.get(params["queueId"])
	if !ok {
		return nil, queueNotFound(params["queueId"])
	}
	ref, _ := queue["hoursOfOperation"].(map[string]any)
	hours, ok := s.ref.hours[str(ref, "id")]
	if !ok {
		// Queues are checked to name seeded hours when they are stored.
		return nil, missing("Hours of operation not found for queue %s", params["queueId"])
	}
	return s.hoursView(hours), nil
}

// hoursView is a seeded hours of operation with the fields the seed leaves
// out filled in: no days, the seed's org and owner, the server's stream,
// and the first seeded hours as the default.
func (s *Server) hoursView(doc map[string]any) map[string]any {
	out := copyDoc(doc)
	id := str(out, "id")
	setDefault(out, "lname", strings.ToLower(str(out, "name")))
	setDefault(out, "standardDays", map[string]any{"frequency": "WEEKLY", "days": []any{}})
	setDefault(out, "specialDays", map[string]any{"frequency": "YEARLY", "days": []any{}})
	setDefault(out, "status", "active")
	setDefault(out, "isDefault", len(s.ref.hoursOrder) > 0 && s.ref.hoursOrder[0] == id)
	setDefault(out, "timezone", "UTC")
	setDefault(out, "isHoursOfOperationValid", true)
	setDefault(out, "createdBy", s.ref.createdBy)
	setDefault(out, "createdByAId", s.ref.createdByAID)
	out["orgId"] = s.ref.orgID
	out["iId"] = s.cfg.StreamID
	return out
}
