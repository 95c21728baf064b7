package choreo

import (
	"context"
	"encoding/json"
	"strings"

	"cloud.google.com/go/pubsub/v2"
	"go.uber.org/zap"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/bus"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// ReasonAttribute carries the dead-letter reason on the dead-letter topic.
const ReasonAttribute = "tipoff-reason"

// deadLetter keeps a message that can never be used: in Firestore, with its raw payload,
// attributes and reason, and on the dead-letter topic. It returns whether to ack: only
// once both copies are stored, so nothing is dropped unrecorded.
func (w *Worker) deadLetter(ctx context.Context, subscription string, msg *pubsub.Message,
	env *events.Envelope, reason error) bool {
	now := w.cfg.Now()
	d := state.DeadLetter{
		Subscription: subscription, MessageID: msg.ID, Processor: string(w.processor),
		Attributes: validAttributes(msg.Attributes), FirstAt: now,
	}
	d.SetPayload(msg.Data)
	d.SetReason(reason.Error())
	if env != nil {
		d.EventID, d.EventType = env.ID, string(env.Type)
	}
	d.GameDate = deadLetterGameDate(msg, env)
	log := w.log.With(zap.String("subscription", subscription), zap.String("message_id", msg.ID),
		zap.String("event_id", d.EventID), zap.String("event_type", d.EventType),
		zap.String("game_date", d.GameDate))
	id, err := w.store.RecordDeadLetter(ctx, d)
	if err != nil {
		log.Warn("recording a dead letter failed; the message will be redelivered", zap.Error(err))
		return false
	}
	copyMsg := &pubsub.Message{Data: msg.Data, Attributes: map[string]string{}}
	for k, v := range msg.Attributes {
		copyMsg.Attributes[k] = v
	}
	copyMsg.Attributes[ReasonAttribute] = attributeValue(d.Reason)
	copyMsg.Attributes["tipoff-subscription"] = subscription
	if _, err := w.publisher.PublishMessage(ctx, bus.DeadLetterTopic, copyMsg); err != nil {
		log.Warn("dead-letter topic publish failed; the message will be redelivered",
			zap.Error(err))
		return false
	}
	log.Error("message dead-lettered", zap.String("dead_letter_id", id), zap.Error(reason))
	return true
}

// deadLetterGameDate is the game date a dead letter is filed under, so `deadletters
// --date` and `events --date` find it: the parsed envelope's when it has one, else the
// first valid date among the subject and the gamedate extension of the message (its ce-
// attributes, or the fields of a structured body), even when another field is bad. It is
// "" when none is a valid date.
func deadLetterGameDate(msg *pubsub.Message, env *events.Envelope) string {
	if env != nil && events.ValidDate(env.GameDate) {
		return env.GameDate
	}
	candidates := []string{msg.Attributes["ce-subject"], msg.Attributes["ce-"+events.ExtGameDate]}
	var structured map[string]any
	if json.Unmarshal(msg.Data, &structured) == nil {
		for _, k := range []string{"subject", events.ExtGameDate} {
			if s, ok := structured[k].(string); ok {
				candidates = append(candidates, s)
			}
		}
	}
	for _, c := range candidates {
		if events.ValidDate(c) {
			return c
		}
	}
	return ""
}

// maxAttribute is Pub/Sub's limit on an attribute value, in bytes.
const maxAttribute = 1024

func attributeValue(s string) string {
	if len(s) <= maxAttribute {
		return s
	}
	return strings.ToValidUTF8(s[:maxAttribute-3], "") + "…"
}

// validAttributes returns attrs with names and values made valid UTF-8, as Firestore
// requires; a message's attributes are kept whole on the dead-letter topic.
func validAttributes(attrs map[string]string) map[string]string {
	out := make(map[string]string, len(attrs))
	for k, v := range attrs {
		out[strings.ToValidUTF8(k, "?")] = strings.ToValidUTF8(v, "?")
	}
	return out
}
