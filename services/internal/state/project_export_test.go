package state

import (
	"context"

	"cloud.google.com/go/firestore"

	"github.com/tipoff-nba/tipoff/events"
)

// OverwriteRows sets the rows of p's document behind the event log's back, for the tests
// that check a corrupted field is reported.
func OverwriteRows(ctx context.Context, s *Store, gameDate string, p events.Processor,
	rows map[string]int) error {
	_, err := s.processor(gameDate, p).Update(ctx, []firestore.Update{{Path: "rows",
		Value: rows}})
	return err
}
