package state

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"cloud.google.com/go/firestore"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// ErrNoDeadLetter is wrapped when a dead letter id names no document.
var ErrNoDeadLetter = errors.New("state: no such dead letter")

func (s *Store) deadLetter(id string) *firestore.DocumentRef {
	return s.client.Collection(DeadLettersCollection).Doc(id)
}

// DeadLetter reads one dead letter by its document id (see DeadLetterID); ok is false
// when there is none.
func (s *Store) DeadLetter(ctx context.Context, id string) (DeadLetter, bool, error) {
	var d DeadLetter
	snap, err := s.deadLetter(id).Get(ctx)
	if status.Code(err) == codes.NotFound {
		return d, false, nil
	}
	if err != nil {
		return d, false, fmt.Errorf("state: read dead letter %s: %w", id, err)
	}
	if err := snap.DataTo(&d); err != nil {
		return d, false, fmt.Errorf("state: decode dead letter %s: %w", id, err)
	}
	return d, true, nil
}

// DeadLettersOn lists the dead letters recorded for one game date, oldest first. Only
// dead letters whose game date could be read carry one; the others are listed by
// DeadLetters. The order is applied here rather than in the query, so the equality
// filter needs no composite index.
func (s *Store) DeadLettersOn(ctx context.Context, gameDate string) ([]DeadLetter, error) {
	snaps, err := s.client.Collection(DeadLettersCollection).Where("game_date", "==",
		gameDate).Documents(ctx).GetAll()
	if err != nil {
		return nil, fmt.Errorf("state: list dead letters of %s: %w", gameDate, err)
	}
	out, err := decodeAll[DeadLetter](snaps)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].FirstAt.Before(out[j].FirstAt) })
	return out, nil
}

// MarkRedriven records that an operator sent dead letter id again. It changes only the
// redriven field, and fails with ErrNoDeadLetter when the document does not exist.
//
// The flag is set after the message is published, never in one transaction with it:
// Pub/Sub and Firestore share none. A crash between the two leaves the flag unset, so a
// redrive is at least once; consumers recognise the copy by its event id.
func (s *Store) MarkRedriven(ctx context.Context, id string) error {
	_, err := s.deadLetter(id).Update(ctx, []firestore.Update{{Path: "redriven", Value: true}})
	if status.Code(err) == codes.NotFound {
		return fmt.Errorf("state: mark dead letter %s redriven: %w", id, ErrNoDeadLetter)
	}
	if err != nil {
		return fmt.Errorf("state: mark dead letter %s redriven: %w", id, err)
	}
	return nil
}
