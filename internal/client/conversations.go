package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// ConversationsService reads conversations: get-a-specific-conversation and
// list-of-conversations (each at https://docs.kore.ai/ai-for-service/apis/contact-center/<page>).
type ConversationsService service

// ConversationStatuses are the statuses list-of-conversations filters on.
var ConversationStatuses = []string{"ACTIVE", "CLOSED", "IDLE", "OPEN", "OVERDUE", "TERMINATED"}

// Conversation is a conversation as the API returns it, decoded leniently.
// The id comes as _id, a string, although the field table says id and
// integer: the sample is followed, and id is read too when _id is absent.
// Raw keeps the whole document, for what is not modelled (userInfo, …).
type Conversation struct {
	MongoID                       FlexString                   `json:"_id"`
	IDField                       FlexString                   `json:"id"`
	Status                        LooseString                  `json:"status"`
	ConversationType              LooseString                  `json:"conversationType"`
	Source                        LooseString                  `json:"source"`
	Language                      LooseString                  `json:"language"`
	Priority                      LooseString                  `json:"priority"`
	WaitTime                      LooseString                  `json:"waitTime"`
	CallbackOpted                 *LooseBool                   `json:"callbackOpted"`
	SurveyRequired                LooseString                  `json:"surveyRequired"`
	IsProactiveAgentAssistEnabled *LooseBool                   `json:"isProactiveAgentAssistEnabled"`
	KeyIntentName                 LooseString                  `json:"keyIntentName"`
	KeyIntentUserInput            LooseString                  `json:"keyIntentUserInput"`
	StartTime                     LooseString                  `json:"startTime"`
	EndTime                       LooseString                  `json:"endTime"`
	AcceptedAt                    LooseString                  `json:"acceptedAt"`
	CreatedAt                     LooseString                  `json:"createdAt"`
	UpdatedAt                     LooseString                  `json:"updatedAt"`
	UserID                        LooseString                  `json:"userId"`
	BotID                         LooseString                  `json:"botId"`
	OrgID                         LooseString                  `json:"orgId"`
	AccountID                     LooseString                  `json:"accountId"`
	BotSessionID                  LooseString                  `json:"botSessionId"`
	Participants                  LooseList[Participant]       `json:"participants"`
	Queues                        LooseList[ConversationQueue] `json:"queues"`
	TransferDetails               LooseList[TransferDetail]    `json:"transferDetails"`
	Dispositions                  LooseObject[Disposition]     `json:"dispositions"`
	Skills                        LooseList[json.RawMessage]   `json:"skills"`
	Notes                         LooseList[json.RawMessage]   `json:"notes"`
	Raw                           json.RawMessage              `json:"-"`
}

// ID is the conversation's id.
func (c *Conversation) ID() string {
	if c.MongoID != "" {
		return string(c.MongoID)
	}
	return string(c.IDField)
}

// missing names the conversation's id when the answer lacks it.
func (c *Conversation) missing() []string { return absent("_id", c.ID()) }

// UnmarshalJSON decodes the typed fields and keeps the raw document. The
// scalar fields are only shown, so an odd shape there reads as empty.
func (c *Conversation) UnmarshalJSON(b []byte) error {
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(b, &probe); err != nil {
		return fmt.Errorf("a conversation must be a JSON object: %w", err)
	}
	type plain Conversation
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*c = Conversation(p)
	c.Raw = append(json.RawMessage(nil), b...)
	return nil
}

// Participant is one agent leg of a conversation.
type Participant struct {
	QueueID        FlexString `json:"queueId"`
	QueueName      FlexString `json:"queueName"`
	AgentID        FlexString `json:"agentId"`
	Name           FlexString `json:"name"`
	Status         FlexString `json:"status"`
	AssignedAt     FlexString `json:"assignedAt"`
	StartTimeStamp FlexString `json:"startTimeStamp"`
	EndTimeStamp   FlexString `json:"endTimeStamp"`
	IsTransferred  *FlexBool  `json:"isTransferred"`
}

// ConversationQueue is one queue a conversation passed through.
type ConversationQueue struct {
	ID        FlexString `json:"id"`
	Name      FlexString `json:"name"`
	Type      FlexString `json:"type"`
	Status    FlexString `json:"status"`
	StartTime FlexString `json:"startTime"`
}

// TransferDetail is one transfer of a conversation.
type TransferDetail struct {
	FromQueue       FlexString               `json:"fromQueue"`
	FromAgent       FlexString               `json:"fromAgent"`
	TransferredType FlexString               `json:"transferredType"`
	TransferredBy   FlexString               `json:"transferredBy"`
	Priority        FlexString               `json:"priority"`
	TransferredAt   FlexString               `json:"transferredAt"`
	TransferredTo   FlexList[TransferTarget] `json:"transferredTo"`
}

// TransferTarget is where a conversation was transferred to.
type TransferTarget struct {
	ID   FlexString `json:"id"`
	Name FlexString `json:"name"`
	Type FlexString `json:"type"`
}

// Disposition is how a conversation ended.
type Disposition struct {
	Status     FlexString `json:"status"`
	MetaStatus FlexString `json:"metaStatus"`
	Remarks    FlexString `json:"remarks"`
}

// ConversationListOptions are the query parameters of list-of-conversations.
type ConversationListOptions struct {
	Skip int
	// Page, 1-based, is sent instead of skip when not 0: a walk tries it
	// when the server answers the same page whatever skip it is sent.
	Page     int
	Limit    int
	Status   []string
	Source   string
	Language string
}

// ConversationList is one page of conversations.
type ConversationList = ListPage[Conversation]

// Get reads one conversation.
func (s *ConversationsService) Get(ctx context.Context, id string) (*Conversation, error) {
	seg, err := segment("conversation", id)
	if err != nil {
		return nil, err
	}
	var c Conversation
	if err := s.client.do(ctx, http.MethodGet, "conversations/"+seg, nil, nil, &c); err != nil {
		return nil, err
	}
	if err := checkComplete(http.MethodGet, "/conversations/"+seg, &c); err != nil {
		return nil, err
	}
	return &c, nil
}

// List reads one page. Statuses are sent as repeated status parameters.
func (s *ConversationsService) List(ctx context.Context, opts ConversationListOptions) (*ConversationList, error) {
	q := url.Values{}
	if opts.Page > 0 {
		q.Set("page", strconv.Itoa(opts.Page))
	} else {
		q.Set("skip", strconv.Itoa(opts.Skip))
	}
	if opts.Limit > 0 {
		q.Set("limit", strconv.Itoa(opts.Limit))
	}
	for _, st := range opts.Status {
		q.Add("status", st)
	}
	if opts.Source != "" {
		q.Set("source", opts.Source)
	}
	if opts.Language != "" {
		q.Set("language", opts.Language)
	}
	var l ConversationList
	if err := s.client.do(ctx, http.MethodGet, "conversations", q, nil, &l); err != nil {
		return nil, err
	}
	return &l, nil
}

// ConversationPageSize is how many conversations one list call asks for.
const ConversationPageSize = 100

// ListAll follows the pages until max conversations (0: no bound) or the
// end of the list (see paging.go). The filters are also applied to what
// comes back, so a server that ignores one cannot widen the answer, and a
// conversation met twice (the list moved between pages) is kept once.
func (s *ConversationsService) ListAll(ctx context.Context, opts ConversationListOptions, max int) ([]Conversation, error) {
	var out []Conversation
	limit := ConversationPageSize
	if max > 0 && max < limit {
		limit = max
	}
	fetch := func(ctx context.Context, o ListOptions) (*ConversationList, error) {
		if max > 0 && max-len(out) < o.Limit && o.Page == 0 {
			o.Limit = max - len(out) // ask only for what is still missing (a page number stands for a fixed page size)
		}
		return s.List(ctx, ConversationListOptions{Skip: o.Skip, Page: o.Page, Limit: o.Limit, Status: opts.Status, Source: opts.Source, Language: opts.Language})
	}
	start := pageCursor{bySkip: true, opts: ListOptions{Limit: limit}, moving: true}
	err := walkList(ctx, start, fetch, func(c *Conversation) string { return c.ID() }, "/conversations", func(page []Conversation) bool {
		for i := range page {
			if !opts.matches(&page[i]) {
				continue
			}
			out = append(out, page[i])
			if max > 0 && len(out) >= max {
				return false
			}
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (o ConversationListOptions) matches(c *Conversation) bool {
	if len(o.Status) > 0 {
		ok := false
		for _, st := range o.Status {
			ok = ok || strings.EqualFold(st, string(c.Status))
		}
		if !ok {
			return false
		}
	}
	if o.Source != "" && !strings.EqualFold(o.Source, string(c.Source)) {
		return false
	}
	return o.Language == "" || strings.EqualFold(o.Language, string(c.Language))
}
