package state

import (
	"context"
	"fmt"

	"cloud.google.com/go/firestore"

	"github.com/tipoff-nba/tipoff/events"
)

// processorBatch bounds the document references of one batched read in ProcessorsOf,
// so a season-long range is read in a few round trips without one huge request.
const processorBatch = 300

// DatesBetween reads the date documents whose game_date lies in [from, to], in date
// order. An empty bound leaves that side open. YYYY-MM-DD text sorts as the dates do, so
// the range is a string range on game_date, served by Firestore's default single-field
// index (no composite index to deploy).
func (s *Store) DatesBetween(ctx context.Context, from, to string) ([]DateDoc, error) {
	q := s.client.Collection(DatesCollection).Query
	if from != "" {
		q = q.Where("game_date", ">=", from)
	}
	if to != "" {
		q = q.Where("game_date", "<=", to)
	}
	snaps, err := q.OrderBy("game_date", firestore.Asc).Documents(ctx).GetAll()
	if err != nil {
		return nil, fmt.Errorf("state: read dates %s..%s: %w", from, to, err)
	}
	out, err := decodeAll[DateDoc](snaps)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ProcessorsOf reads the processor documents of many dates in batched reads, keyed by
// date and then processor. A processor that never ran for a date has no entry.
func (s *Store) ProcessorsOf(ctx context.Context, gameDates []string) (
	map[string]map[events.Processor]ProcessorDoc, error) {
	refs := make([]*firestore.DocumentRef, 0, len(gameDates)*len(events.Processors))
	for _, d := range gameDates {
		for _, p := range events.Processors {
			refs = append(refs, s.processor(d, p))
		}
	}
	out := make(map[string]map[events.Processor]ProcessorDoc, len(gameDates))
	for start := 0; start < len(refs); start += processorBatch {
		batch := refs[start:min(start+processorBatch, len(refs))]
		snaps, err := s.client.GetAll(ctx, batch)
		if err != nil {
			return nil, fmt.Errorf("state: read processors of %d dates: %w", len(gameDates), err)
		}
		if err := collectProcessors(snaps, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func collectProcessors(snaps []*firestore.DocumentSnapshot,
	into map[string]map[events.Processor]ProcessorDoc) error {
	for _, snap := range snaps {
		var d ProcessorDoc
		found, err := decodeIfExists(snap, &d)
		if err != nil {
			return fmt.Errorf("state: %w", err)
		}
		if found == nil {
			continue
		}
		// Keyed by the document's path, which is what the reader asked for, not by fields
		// a writer might have left empty.
		gameDate := snap.Ref.Parent.Parent.ID
		if into[gameDate] == nil {
			into[gameDate] = map[events.Processor]ProcessorDoc{}
		}
		into[gameDate][events.Processor(snap.Ref.ID)] = d
	}
	return nil
}
