package replay

import (
	"context"
	"fmt"
	"sync"
)

// doneStatuses are the date statuses that end the work on a generation (state.Status.Done).
var doneStatuses = map[string]bool{"complete": true, "partial": true, "failed": true,
	"blocked": true, "quarantined": true}

// Watcher follows the status of every date document of a stack with one Firestore
// listener on the dates collection (no polling).
type Watcher struct {
	mu      sync.Mutex
	status  map[string]string
	changed chan struct{}
	err     error
	stop    context.CancelFunc
}

// Watch starts a Watcher on s; Stop ends it.
func (s *Stack) Watch(ctx context.Context) *Watcher {
	ctx, cancel := context.WithCancel(ctx)
	w := &Watcher{status: map[string]string{}, changed: make(chan struct{}), stop: cancel}
	it := s.FS.Collection("dates").Snapshots(ctx)
	go func() {
		defer it.Stop()
		for {
			qs, err := it.Next()
			if err != nil {
				w.fail(err)
				return
			}
			next := map[string]string{}
			for _, ch := range qs.Changes {
				st, _ := ch.Doc.Data()["status"].(string)
				next[ch.Doc.Ref.ID] = st
			}
			w.update(next)
		}
	}()
	return w
}

func (w *Watcher) update(next map[string]string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for d, st := range next {
		w.status[d] = st
	}
	close(w.changed)
	w.changed = make(chan struct{})
}

func (w *Watcher) fail(err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err == nil {
		w.err = err
	}
	close(w.changed)
	w.changed = make(chan struct{})
}

// Stop ends the listener.
func (w *Watcher) Stop() { w.stop() }

// Statuses returns the last status seen of each date.
func (w *Watcher) Statuses() map[string]string {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make(map[string]string, len(w.status))
	for d, st := range w.status {
		out[d] = st
	}
	return out
}

// AwaitDone blocks until every one of dates has a done status, or ctx ends.
func (w *Watcher) AwaitDone(ctx context.Context, dates ...string) error {
	for {
		w.mu.Lock()
		pending := 0
		for _, d := range dates {
			if !doneStatuses[w.status[d]] {
				pending++
			}
		}
		changed, err := w.changed, w.err
		w.mu.Unlock()
		if pending == 0 {
			return nil
		}
		if err != nil {
			return fmt.Errorf("replay: date listener: %w", err)
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return fmt.Errorf("replay: %d of %d dates not done: %w", pending, len(dates),
				ctx.Err())
		}
	}
}
