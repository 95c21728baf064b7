package replay

import (
	"context"
	"fmt"
	"time"

	"cloud.google.com/go/firestore"
)

// getAllBatch bounds the documents read in one call.
const getAllBatch = 300

// EventTimes reads the time of each published completion event from the date's event log:
// dates/{date}/events/{event id}.first_at is the time the producer stamped on the event
// (state.Finish.Now). ids maps event ids to their game dates. Ids without an entry are left
// out of the result.
func (s *Stack) EventTimes(ctx context.Context, ids map[string]string) (map[string]time.Time,
	error) {
	var refs []*firestore.DocumentRef
	for id, date := range ids {
		refs = append(refs, s.FS.Collection("dates").Doc(date).Collection("events").Doc(id))
	}
	out := make(map[string]time.Time, len(refs))
	for start := 0; start < len(refs); start += getAllBatch {
		end := min(start+getAllBatch, len(refs))
		snaps, err := s.FS.GetAll(ctx, refs[start:end])
		if err != nil {
			return nil, fmt.Errorf("replay: read event log: %w", err)
		}
		for _, snap := range snaps {
			if !snap.Exists() {
				continue
			}
			if at, ok := snap.Data()["first_at"].(time.Time); ok {
				out[snap.Ref.ID] = at
			}
		}
	}
	return out, nil
}
