package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// QueuesService manages queues: create-a-queue, get-a-list-of-queues,
// get-a-specific-queue, update-a-specific-queue and delete-a-queue
// (each at https://docs.kore.ai/ai-for-service/apis/contact-center/<page>).
type QueuesService service

// Queue is a queue as the API returns it, decoded leniently. Raw keeps the
// whole document, which Update sends back.
type Queue struct {
	ID          FlexString  `json:"id"`
	Name        FlexString  `json:"name"`
	Description FlexString  `json:"description"`
	OrgID       LooseString `json:"orgId"`

	IsActive                 *FlexBool `json:"isActive"`
	IsDefault                *FlexBool `json:"isDefault"`
	IsAdvancedRoutingEnabled *FlexBool `json:"isAdvancedRoutingEnabled"`

	HoursOfOperation FlexObject[QueueHours] `json:"hoursOfOperation"`
	Skills           FlexList[QueueSkill]   `json:"skills"`
	// AgentGroups are entries {id, name}; an entry that is only the
	// group's id, as a string, is read too.
	AgentGroups FlexList[QueueAgentGroup] `json:"agentGroups"`
	// Agents are the queue's members. They are managed through the agents
	// (an agent's queues), and Update sends them back as read.
	Agents           FlexList[QueueAgent]              `json:"agents"`
	AdvancedSettings FlexObject[QueueAdvancedSettings] `json:"advancedSettings"`

	// Raw is the document as the API sent it.
	Raw map[string]json.RawMessage `json:"-"`
}

// QueueHours names the hours of operation of a queue.
type QueueHours struct {
	ID   FlexString `json:"id"`
	Name FlexString `json:"name"`
}

// QueueSkill is one skill a queue routes on. The answers also give the
// skill's group name and colour; they are in Raw.
type QueueSkill struct {
	ID              FlexString         `json:"id"`
	Name            FlexString         `json:"name"`
	IsExpireEnabled *FlexBool          `json:"isExpireEnabled"`
	ExpireTime      FlexObject[MinSec] `json:"expireTime"`
}

// QueueAgentGroup is one agent group of a queue.
type QueueAgentGroup struct {
	ID   FlexString `json:"id"`
	Name FlexString `json:"name"`
}

// UnmarshalJSON reads an entry {id, name}, or the group's id alone as a
// string. Anything else fails, so a FlexList leaves it out.
func (g *QueueAgentGroup) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var id string
		if err := json.Unmarshal(b, &id); err != nil {
			return err
		}
		if id == "" {
			return errors.New("an agent group of a queue must not be an empty id")
		}
		*g = QueueAgentGroup{ID: FlexString(id)}
		return nil
	}
	if len(b) == 0 || b[0] != '{' {
		return errors.New("an agent group of a queue must be an object or an id")
	}
	type plain QueueAgentGroup
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*g = QueueAgentGroup(p)
	return nil
}

// QueueAgent is one agent of a queue. The get page gives userId, name and
// isPreferredAgent; aId is read when it is there.
type QueueAgent struct {
	UserID           FlexString `json:"userId"`
	AID              FlexString `json:"aId"`
	Name             FlexString `json:"name"`
	IsPreferredAgent *FlexBool  `json:"isPreferredAgent"`
}

// QueueAdvancedSettings are a queue's advanced routing settings.
type QueueAdvancedSettings struct {
	PreferredAgentTimeout  FlexObject[MinSec] `json:"preferredAgentTimeout"`
	IsSkillMatchEnabled    *FlexBool          `json:"isSkillMatchEnabled"`
	IsAffinityMatchEnabled *FlexBool          `json:"isAffinityMatchEnabled"`
}

// MinSec is a duration as the queue pages write one: {min, sec}.
type MinSec struct {
	Min FlexInt `json:"min"`
	Sec FlexInt `json:"sec"`
}

// Duration is min minutes plus sec seconds (sec may exceed 59).
func (m MinSec) Duration() time.Duration {
	return time.Duration(m.Min)*time.Minute + time.Duration(m.Sec)*time.Second
}

// minSecOf writes d in whole minutes and seconds, dropping any fraction of
// a second.
func minSecOf(d time.Duration) MinSec {
	s := int64(d / time.Second)
	return MinSec{Min: FlexInt(s / 60), Sec: FlexInt(s % 60)}
}

// missing names the fields every answer that describes a queue carries,
// when they are absent.
func (q *Queue) missing() []string {
	return absent("id", string(q.ID), "name", string(q.Name))
}

// UnmarshalJSON decodes the typed fields and keeps the raw document.
func (q *Queue) UnmarshalJSON(b []byte) error {
	type plain Queue
	raw, err := decodeDocument(b, "a queue", (*plain)(q))
	q.Raw = raw
	return err
}

// QueueRequest is what the caller manages of a queue: the body of a
// create, and what an update lays over the queue as read. Nil fields (and
// an empty HoursOfOperationID) are left out of a create and left as they
// are by an update. Skills and AgentGroupIDs are the whole sets: always
// sent, [] when empty.
type QueueRequest struct {
	Name        string
	Description *string
	// HoursOfOperationID is sent as "hoursOfOperation": {"id": …}; the
	// create page requires it.
	HoursOfOperationID       string
	IsAdvancedRoutingEnabled *bool
	Skills                   []QueueSkillRequest
	// AgentGroupIDs are sent as "agentGroups": [{"id": …}].
	AgentGroupIDs []string
	// PreferredAgentTimeout is sent as advancedSettings.preferredAgentTimeout
	// {min, sec}, in whole seconds.
	PreferredAgentTimeout *time.Duration
}

// QueueSkillRequest routes the queue on a skill.
type QueueSkillRequest struct {
	ID              string
	IsExpireEnabled bool
}

// queueBody is the wire form of a QueueRequest.
type queueBody struct {
	Name                     string            `json:"name"`
	Description              *string           `json:"description,omitempty"`
	HoursOfOperation         *queueRef         `json:"hoursOfOperation,omitempty"`
	IsAdvancedRoutingEnabled *bool             `json:"isAdvancedRoutingEnabled,omitempty"`
	Skills                   []queueSkill      `json:"skills"`
	AgentGroups              []queueRef        `json:"agentGroups"`
	AdvancedSettings         *queueAdvanced    `json:"advancedSettings,omitempty"`
	Agents                   []queueMemberBody `json:"agents,omitzero"`
}

type queueRef struct {
	ID string `json:"id"`
}

type queueSkill struct {
	ID              string `json:"id"`
	IsExpireEnabled bool   `json:"isExpireEnabled"`
}

type queueAdvanced struct {
	PreferredAgentTimeout *MinSec `json:"preferredAgentTimeout,omitempty"`
}

// queueMemberBody is an agent of a queue in the shape create-a-queue
// documents (userId, aId and isPreferredAgent required). aId is left out
// when it was not read: the get page's entries do not carry it.
type queueMemberBody struct {
	UserID           string `json:"userId,omitempty"`
	AID              string `json:"aId,omitempty"`
	IsPreferredAgent bool   `json:"isPreferredAgent"`
}

func (r QueueRequest) body() queueBody {
	b := queueBody{
		Name:                     r.Name,
		Description:              r.Description,
		IsAdvancedRoutingEnabled: r.IsAdvancedRoutingEnabled,
		Skills:                   make([]queueSkill, 0, len(r.Skills)),
		AgentGroups:              make([]queueRef, 0, len(r.AgentGroupIDs)),
	}
	if r.HoursOfOperationID != "" {
		b.HoursOfOperation = &queueRef{ID: r.HoursOfOperationID}
	}
	for _, s := range r.Skills {
		b.Skills = append(b.Skills, queueSkill(s))
	}
	for _, id := range r.AgentGroupIDs {
		b.AgentGroups = append(b.AgentGroups, queueRef{ID: id})
	}
	if r.PreferredAgentTimeout != nil {
		t := minSecOf(*r.PreferredAgentTimeout)
		b.AdvancedSettings = &queueAdvanced{PreferredAgentTimeout: &t}
	}
	return b
}

// MarshalJSON writes the create-a-queue body. It carries "agents": []: the
// create page lists agents[] with required fields, and a new queue has no
// members (agents join a queue through the agent's queues).
func (r QueueRequest) MarshalJSON() ([]byte, error) {
	b := r.body()
	b.Agents = []queueMemberBody{}
	return json.Marshal(b)
}

// QueueList is one page of queues.
type QueueList = ListPage[Queue]

func (s *QueuesService) lister() lister[Queue] {
	return lister[Queue]{
		kind: "queue", path: "/queues", list: s.List, get: s.Get,
		id:   func(q *Queue) string { return string(q.ID) },
		name: func(q *Queue) string { return string(q.Name) },
	}
}

// Create adds a queue. create-a-queue answers the queue with its id; an
// answer without the id is tolerated, and the queue is then found by name
// (see create.go).
func (s *QueuesService) Create(ctx context.Context, req QueueRequest) (*Queue, error) {
	return create(ctx, s.client, "queues", req, s.lister().creation(req.Name))
}

// Get reads one queue.
func (s *QueuesService) Get(ctx context.Context, id string) (*Queue, error) {
	seg, err := segment("queue", id)
	if err != nil {
		return nil, err
	}
	var q Queue
	if err := s.client.do(ctx, http.MethodGet, "queues/"+seg, nil, nil, &q); err != nil {
		return nil, err
	}
	if err := checkComplete(http.MethodGet, "/queues/"+seg, &q); err != nil {
		return nil, err
	}
	return &q, nil
}

// List reads one page of queues.
func (s *QueuesService) List(ctx context.Context, opts ListOptions) (*QueueList, error) {
	var l QueueList
	if err := s.client.do(ctx, http.MethodGet, "queues", opts.query(), nil, &l); err != nil {
		return nil, err
	}
	return &l, nil
}

// ListAll reads every queue.
func (s *QueuesService) ListAll(ctx context.Context) ([]Queue, error) {
	return s.lister().all(ctx)
}

// Walk hands visit each queue, page by page as the list is read, and stops
// reading when visit returns false: a caller that needs only the first few
// queues pays only for the pages that hold them.
func (s *QueuesService) Walk(ctx context.Context, visit func(*Queue) bool) error {
	return s.lister().walk(ctx, visit)
}

// FindByName reads the list for the one queue named exactly name
// (case-sensitive). It answers a *NotListedError (IsNotFound) when none is,
// and an *AmbiguousNameError when several are.
func (s *QueuesService) FindByName(ctx context.Context, name string) (*Queue, error) {
	return s.lister().find(ctx, name)
}

// Update PUTs the full document: current.Raw (the queue as last read) with
// the request's fields laid over it. update-a-specific-queue documents no
// body (its sample sends none); the create body is taken as its shape, and
// whether the PUT merges is not known, so nothing read is left out:
//
//   - The agents (the members, managed through the agents) are sent back as
//     read, in the create shape {userId, aId, isPreferredAgent}. When
//     current does not list them the queue is read again first, and when
//     that does not list them either nothing is sent. When none were read
//     (the key is absent or null) the key is left out.
//   - advancedSettings keeps the settings the request does not set
//     (isSkillMatchEnabled, isAffinityMatchEnabled).
//   - A skill, or an agent group, whose id is sent again keeps its entry
//     as read (a skill's expireTime, the names) with the request's fields
//     laid over it.
//   - The same hours of operation keep their entry as read (their name).
func (s *QueuesService) Update(ctx context.Context, current *Queue, req QueueRequest) (*Queue, error) {
	id := string(current.ID)
	seg, err := segment("queue", id)
	if err != nil {
		return nil, err
	}
	agents, state, err := membersToSend("queue", id, current.Agents, current.Raw["agents"], func() ([]QueueAgent, json.RawMessage, error) {
		fresh, err := s.Get(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		return fresh.Agents, fresh.Raw["agents"], nil
	})
	if err != nil {
		return nil, err
	}

	b := req.body()
	doc, err := overlay(current.Raw, b)
	if err != nil {
		return nil, fmt.Errorf("encoding the queue update: %w", err)
	}
	if hours, ok := current.Raw["hoursOfOperation"]; ok && req.HoursOfOperationID != "" && req.HoursOfOperationID == string(current.HoursOfOperation.Value.ID) {
		doc["hoursOfOperation"] = hours
	}
	skills, err := keepEntries(current.Raw["skills"], b.Skills, func(s queueSkill) string { return s.ID })
	if err != nil {
		return nil, fmt.Errorf("encoding the queue update: %w", err)
	}
	doc["skills"] = skills
	groups, err := keepEntries(current.Raw["agentGroups"], b.AgentGroups, func(g queueRef) string { return g.ID })
	if err != nil {
		return nil, fmt.Errorf("encoding the queue update: %w", err)
	}
	doc["agentGroups"] = groups
	if b.AdvancedSettings != nil {
		adv, err := overlay(objectIn(current.Raw["advancedSettings"]), b.AdvancedSettings)
		if err != nil {
			return nil, fmt.Errorf("encoding the queue update: %w", err)
		}
		doc["advancedSettings"] = mustJSON(adv)
	}
	if state == membersListed {
		list := make([]queueMemberBody, 0, len(agents))
		for _, a := range agents {
			if a.UserID == "" && a.AID == "" {
				continue // names no agent
			}
			list = append(list, queueMemberBody{UserID: string(a.UserID), AID: string(a.AID),
				IsPreferredAgent: a.IsPreferredAgent != nil && bool(*a.IsPreferredAgent)})
		}
		doc["agents"] = mustJSON(list)
	} else {
		delete(doc, "agents")
	}

	var q Queue
	if err := s.client.do(ctx, http.MethodPut, "queues/"+seg, nil, doc, &q); err != nil {
		return nil, err
	}
	if q.ID == "" {
		q.ID = FlexString(id)
	}
	if err := checkComplete(http.MethodPut, "/queues/"+seg, &q); err != nil {
		return nil, err
	}
	return &q, nil
}

// Gone reports whether err, the failure of a request about the queue id,
// proves that the queue no longer exists (see gone.go). Otherwise it
// answers err, or a *StreamError.
func (s *QueuesService) Gone(ctx context.Context, id string, err error) (bool, error) {
	return s.client.gone(ctx, err, "queues", func(ctx context.Context) (bool, error) { return s.lister().has(ctx, id) })
}

// keepEntries encodes the entries sent, each laid over the entry with the
// same id in current (a JSON array as read), so what the request does not
// set survives.
func keepEntries[T any](current json.RawMessage, sent []T, id func(T) string) (json.RawMessage, error) {
	read := entriesByID(current)
	out := make([]map[string]json.RawMessage, 0, len(sent))
	for _, e := range sent {
		merged, err := overlay(read[id(e)], e)
		if err != nil {
			return nil, err
		}
		out = append(out, merged)
	}
	return mustJSON(out), nil
}

// Delete removes a queue. delete-a-queue's sample leaves the id out of the
// path (a doc bug); its table has it.
func (s *QueuesService) Delete(ctx context.Context, id string) error {
	seg, err := segment("queue", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, http.MethodDelete, "queues/"+seg, nil, nil, nil)
}
