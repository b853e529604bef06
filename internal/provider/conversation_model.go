package provider

import (
	"bytes"
	"encoding/json"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// conversationModel is the Terraform side of a conversation, shared by
// smartassist_conversation and each element of smartassist_conversations.
type conversationModel struct {
	ID                            types.String `tfsdk:"id"`
	Status                        types.String `tfsdk:"status"`
	ConversationType              types.String `tfsdk:"conversation_type"`
	Source                        types.String `tfsdk:"source"`
	Language                      types.String `tfsdk:"language"`
	Priority                      types.Number `tfsdk:"priority"`
	WaitTime                      types.Number `tfsdk:"wait_time"`
	CallbackOpted                 types.Bool   `tfsdk:"callback_opted"`
	SurveyRequired                types.String `tfsdk:"survey_required"`
	IsProactiveAgentAssistEnabled types.Bool   `tfsdk:"is_proactive_agent_assist_enabled"`
	KeyIntentName                 types.String `tfsdk:"key_intent_name"`
	KeyIntentUserInput            types.String `tfsdk:"key_intent_user_input"`

	StartTime  types.String `tfsdk:"start_time"`
	EndTime    types.String `tfsdk:"end_time"`
	AcceptedAt types.String `tfsdk:"accepted_at"`
	CreatedAt  types.String `tfsdk:"created_at"`
	UpdatedAt  types.String `tfsdk:"updated_at"`

	UserID       types.String `tfsdk:"user_id"`
	BotID        types.String `tfsdk:"bot_id"`
	OrgID        types.String `tfsdk:"org_id"`
	AccountID    types.String `tfsdk:"account_id"`
	BotSessionID types.String `tfsdk:"bot_session_id"`

	Participants    []conversationParticipantModel `tfsdk:"participants"`
	Queues          []conversationQueueModel       `tfsdk:"queues"`
	TransferDetails []transferDetailModel          `tfsdk:"transfer_details"`
	Disposition     *dispositionModel              `tfsdk:"disposition"`
	Skills          []types.String                 `tfsdk:"skills"`
	Notes           []types.String                 `tfsdk:"notes"`
}

type conversationParticipantModel struct {
	QueueID       types.String `tfsdk:"queue_id"`
	QueueName     types.String `tfsdk:"queue_name"`
	AgentID       types.String `tfsdk:"agent_id"`
	Name          types.String `tfsdk:"name"`
	Status        types.String `tfsdk:"status"`
	AssignedAt    types.String `tfsdk:"assigned_at"`
	StartTime     types.String `tfsdk:"start_time"`
	EndTime       types.String `tfsdk:"end_time"`
	IsTransferred types.Bool   `tfsdk:"is_transferred"`
}

type conversationQueueModel struct {
	ID        types.String `tfsdk:"id"`
	Name      types.String `tfsdk:"name"`
	Type      types.String `tfsdk:"type"`
	Status    types.String `tfsdk:"status"`
	StartTime types.String `tfsdk:"start_time"`
}

type transferDetailModel struct {
	FromQueue       types.String          `tfsdk:"from_queue"`
	FromAgent       types.String          `tfsdk:"from_agent"`
	TransferredType types.String          `tfsdk:"transferred_type"`
	TransferredBy   types.String          `tfsdk:"transferred_by"`
	Priority        types.String          `tfsdk:"priority"`
	TransferredAt   types.String          `tfsdk:"transferred_at"`
	TransferredTo   []transferTargetModel `tfsdk:"transferred_to"`
}

type transferTargetModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
	Type types.String `tfsdk:"type"`
}

type dispositionModel struct {
	Status     types.String `tfsdk:"status"`
	MetaStatus types.String `tfsdk:"meta_status"`
	Remarks    types.String `tfsdk:"remarks"`
}

// conversationModelFrom maps a conversation as the API returns it onto the
// model. It is the one place that mapping happens, and it never fails: a
// field the API sends in an unexpected shape becomes null.
func conversationModelFrom(c *client.Conversation) conversationModel {
	m := conversationModel{
		ID:                            stringOrNull(client.FlexString(c.ID())),
		Status:                        stringOrNull(c.Status),
		ConversationType:              stringOrNull(c.ConversationType),
		Source:                        stringOrNull(c.Source),
		Language:                      stringOrNull(c.Language),
		Priority:                      numberOrNull(c.Priority),
		WaitTime:                      numberOrNull(c.WaitTime),
		CallbackOpted:                 boolOrNull(c.CallbackOpted),
		SurveyRequired:                stringOrNull(c.SurveyRequired),
		IsProactiveAgentAssistEnabled: boolOrNull(c.IsProactiveAgentAssistEnabled),
		KeyIntentName:                 stringOrNull(c.KeyIntentName),
		KeyIntentUserInput:            stringOrNull(c.KeyIntentUserInput),
		StartTime:                     stringOrNull(c.StartTime),
		EndTime:                       stringOrNull(c.EndTime),
		AcceptedAt:                    stringOrNull(c.AcceptedAt),
		CreatedAt:                     stringOrNull(c.CreatedAt),
		UpdatedAt:                     stringOrNull(c.UpdatedAt),
		UserID:                        stringOrNull(c.UserID),
		BotID:                         stringOrNull(c.BotID),
		OrgID:                         stringOrNull(c.OrgID),
		AccountID:                     stringOrNull(c.AccountID),
		BotSessionID:                  stringOrNull(c.BotSessionID),
		Participants:                  make([]conversationParticipantModel, 0, len(c.Participants)),
		Queues:                        make([]conversationQueueModel, 0, len(c.Queues)),
		TransferDetails:               make([]transferDetailModel, 0, len(c.TransferDetails)),
		Skills:                        jsonElements(c.Skills),
		Notes:                         jsonElements(c.Notes),
	}
	for _, p := range c.Participants {
		m.Participants = append(m.Participants, conversationParticipantModel{
			QueueID:       stringOrNull(p.QueueID),
			QueueName:     stringOrNull(p.QueueName),
			AgentID:       stringOrNull(p.AgentID),
			Name:          stringOrNull(p.Name),
			Status:        stringOrNull(p.Status),
			AssignedAt:    stringOrNull(p.AssignedAt),
			StartTime:     stringOrNull(p.StartTimeStamp),
			EndTime:       stringOrNull(p.EndTimeStamp),
			IsTransferred: boolOrNull(p.IsTransferred),
		})
	}
	for _, q := range c.Queues {
		m.Queues = append(m.Queues, conversationQueueModel{
			ID:        stringOrNull(q.ID),
			Name:      stringOrNull(q.Name),
			Type:      stringOrNull(q.Type),
			Status:    stringOrNull(q.Status),
			StartTime: stringOrNull(q.StartTime),
		})
	}
	for _, t := range c.TransferDetails {
		d := transferDetailModel{
			FromQueue:       stringOrNull(t.FromQueue),
			FromAgent:       stringOrNull(t.FromAgent),
			TransferredType: stringOrNull(t.TransferredType),
			TransferredBy:   stringOrNull(t.TransferredBy),
			Priority:        stringOrNull(t.Priority),
			TransferredAt:   stringOrNull(t.TransferredAt),
			TransferredTo:   make([]transferTargetModel, 0, len(t.TransferredTo)),
		}
		for _, to := range t.TransferredTo {
			d.TransferredTo = append(d.TransferredTo, transferTargetModel{
				ID:   stringOrNull(to.ID),
				Name: stringOrNull(to.Name),
				Type: stringOrNull(to.Type),
			})
		}
		m.TransferDetails = append(m.TransferDetails, d)
	}
	if c.Dispositions.Set {
		d := c.Dispositions.Value
		m.Disposition = &dispositionModel{
			Status:     stringOrNull(d.Status),
			MetaStatus: stringOrNull(d.MetaStatus),
			Remarks:    stringOrNull(d.Remarks),
		}
	}
	return m
}

// numberOrNull reads a number the API may send as a JSON number or as a
// string ("5", "3369"). Anything that is not a finite number, such as
// "HIGHEST", is null: one odd field never fails the read.
func numberOrNull(s client.LooseString) types.Number {
	f, err := strconv.ParseFloat(strings.TrimSpace(string(s)), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return types.NumberNull()
	}
	return types.NumberValue(big.NewFloat(f))
}

// jsonElements renders each element of a JSON array as compact JSON text, so
// entries of any shape fit a list of strings and jsondecode gives them back.
func jsonElements(in client.LooseList[json.RawMessage]) []types.String {
	out := make([]types.String, 0, len(in))
	for _, raw := range in {
		out = append(out, types.StringValue(compactJSON(raw)))
	}
	return out
}

// compactJSON is raw without insignificant white space; raw as it is if it
// is not valid JSON (it always is, coming from the decoder).
func compactJSON(raw []byte) string {
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return string(raw)
	}
	return b.String()
}
