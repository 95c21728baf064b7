package state

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"cloud.google.com/go/firestore"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// DeadLetter is dead_letters/{id}: a message that could not be used, kept whole with the
// reason, so nothing is dropped unrecorded.
type DeadLetter struct {
	// Subscription and MessageID identify the delivery; together they make the document id,
	// so recording the same message twice keeps one document.
	Subscription string            `firestore:"subscription"`
	MessageID    string            `firestore:"message_id"`
	Processor    string            `firestore:"processor"`
	Attributes   map[string]string `firestore:"attributes"`
	// Payload is the message body: as text when it is valid UTF-8, else base64 (see
	// PayloadEncoding). A body over MaxPayload is cut there (PayloadTruncated); the whole
	// message is always on the dead-letter topic, and PayloadSHA256 identifies it.
	Payload          string `firestore:"payload"`
	PayloadEncoding  string `firestore:"payload_encoding"`
	PayloadBytes     int    `firestore:"payload_bytes"`
	PayloadSHA256    string `firestore:"payload_sha256"`
	PayloadTruncated bool   `firestore:"payload_truncated"`
	Reason           string `firestore:"reason"`
	// GameDate, EventID and EventType are filled in when they could be read.
	GameDate   string    `firestore:"game_date"`
	EventID    string    `firestore:"event_id"`
	EventType  string    `firestore:"event_type"`
	Deliveries int64     `firestore:"deliveries"`
	FirstAt    time.Time `firestore:"first_at"`
	LastAt     time.Time `firestore:"last_at"`
	// Redriven is set when an operator sent the message again.
	Redriven bool `firestore:"redriven"`
}

// MaxPayload is the most of a dead letter's body kept in Firestore, in bytes; a document
// holds at most 1 MiB.
const MaxPayload = 256 << 10

// maxReason bounds the stored reason, in bytes.
const maxReason = 4 << 10

// SetPayload records body in d: as text or base64, cut at MaxPayload, with its size and
// digest.
func (d *DeadLetter) SetPayload(body []byte) {
	sum := sha256.Sum256(body)
	d.PayloadBytes, d.PayloadSHA256 = len(body), hex.EncodeToString(sum[:])
	kept := body
	if len(kept) > MaxPayload {
		kept, d.PayloadTruncated = kept[:MaxPayload], true
	}
	if utf8.Valid(kept) {
		d.Payload, d.PayloadEncoding = string(kept), "text"
		return
	}
	d.Payload, d.PayloadEncoding = base64.StdEncoding.EncodeToString(kept), "base64"
}

// SetReason records reason, cut to a bounded, valid UTF-8 length.
func (d *DeadLetter) SetReason(reason string) {
	if len(reason) > maxReason {
		reason = reason[:maxReason] + "…"
	}
	d.Reason = strings.ToValidUTF8(reason, "?")
}

// DeadLetterID is the document id of a delivery's dead letter.
func DeadLetterID(subscription, messageID string) string {
	sum := sha256.Sum256([]byte(subscription + "\x00" + messageID))
	return hex.EncodeToString(sum[:12])
}

// RecordDeadLetter stores d idempotently: a redelivery of the same message adds to
// Deliveries instead of adding a document.
func (s *Store) RecordDeadLetter(ctx context.Context, d DeadLetter) (string, error) {
	id := DeadLetterID(d.Subscription, d.MessageID)
	ref := s.client.Collection(DeadLettersCollection).Doc(id)
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		snap, err := tx.Get(ref)
		if err != nil && status.Code(err) != codes.NotFound {
			return err
		}
		var prev DeadLetter
		prevPtr, err := decodeIfExists(snap, &prev)
		if err != nil {
			return err
		}
		next := d
		next.Deliveries, next.LastAt = 1, d.FirstAt
		if prevPtr != nil {
			next.Deliveries = prev.Deliveries + 1
			next.FirstAt = prev.FirstAt
			// An operator's redrive stays recorded when the message comes back.
			next.Redriven = prev.Redriven
		}
		return tx.Set(ref, next)
	}, firestore.MaxAttempts(s.attempts))
	if err != nil {
		return "", fmt.Errorf("state: record dead letter %s: %w", id, err)
	}
	return id, nil
}

// DeadLetters lists the dead letters, oldest first.
func (s *Store) DeadLetters(ctx context.Context) ([]DeadLetter, error) {
	snaps, err := s.client.Collection(DeadLettersCollection).OrderBy("first_at",
		firestore.Asc).Documents(ctx).GetAll()
	if err != nil {
		return nil, fmt.Errorf("state: list dead letters: %w", err)
	}
	out, err := decodeAll[DeadLetter](snaps)
	if err != nil {
		return nil, err
	}
	return out, nil
}
