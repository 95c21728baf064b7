package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

// waitTimeout bounds every wait of the suite.
const waitTimeout = 2 * time.Minute

// waitDate blocks until done says yes about the date's document, woken by a Firestore
// listener. It returns the document's fields.
func waitDate(t *testing.T, stack *localstack.Stack, day string,
	done func(doc map[string]any) bool) map[string]any {
	t.Helper()
	return waitDoc(t, stack, "dates/"+day, done)
}

// waitDoc blocks until done says yes about the document at path. A Firestore listener
// wakes it; a direct read every half second covers the updates the emulator's listener
// has been seen to miss.
func waitDoc(t *testing.T, stack *localstack.Stack, path string,
	done func(doc map[string]any) bool) map[string]any {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
	defer cancel()
	changed := make(chan struct{}, 1)
	go func() {
		it := stack.FS.Doc(path).Snapshots(ctx)
		defer it.Stop()
		for {
			if _, err := it.Next(); err != nil {
				return
			}
			select {
			case changed <- struct{}{}:
			default:
			}
		}
	}()
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	var last map[string]any
	for {
		snap, err := stack.FS.Doc(path).Get(ctx)
		if err == nil && snap.Exists() {
			last = snap.Data()
			if done(last) {
				return last
			}
		}
		select {
		case <-changed:
		case <-tick.C:
		case <-ctx.Done():
			t.Fatalf("waiting for %s: %v; last seen %s", path, ctx.Err(), describe(last))
		}
	}
}

// waitProcessor blocks until processor p of day has status want.
func waitProcessor(t *testing.T, stack *localstack.Stack, day string, p events.Processor,
	want string) {
	t.Helper()
	waitDoc(t, stack, "dates/"+day+"/processors/"+string(p), func(doc map[string]any) bool {
		return doc["status"] == want
	})
}

func isDone(doc map[string]any) bool {
	switch doc["status"] {
	case "complete", "partial", "failed", "blocked", "quarantined":
		return true
	}
	return false
}

// waitLogDeliveries waits until the event log entry id of day counts at least n
// deliveries.
func waitLogDeliveries(t *testing.T, stack *localstack.Stack, day, id string, n int64) {
	t.Helper()
	waitDoc(t, stack, "dates/"+day+"/events/"+id, func(doc map[string]any) bool {
		got, _ := doc["deliveries"].(int64)
		return got >= n
	})
}
