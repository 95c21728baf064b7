package choreo

import (
	"context"
	"sync"
	"time"

	"go.uber.org/zap"

	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// pauseSwitch mirrors the processor's kill switch (controls/{processor} in Firestore) so
// held deliveries wake the moment it is turned off. The claim transaction reads the switch
// itself; this copy only wakes the waiters.
type pauseSwitch struct {
	mu      sync.Mutex
	paused  bool
	resumed chan struct{}
	changed chan struct{}
}

// listenerLag bounds the wait of a delivery that the claim found paused while this copy
// still says running: the listener has not caught up yet, so look again shortly.
const listenerLag = time.Second

func newPauseSwitch() *pauseSwitch {
	return &pauseSwitch{resumed: make(chan struct{}), changed: make(chan struct{})}
}

func (p *pauseSwitch) set(paused bool) (changed bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.paused == paused {
		return false
	}
	p.paused = paused
	close(p.changed)
	p.changed = make(chan struct{})
	if !paused {
		close(p.resumed)
		p.resumed = make(chan struct{})
	}
	return true
}

// awaitResume blocks while the switch is on. It returns false if ctx ended first.
func (p *pauseSwitch) awaitResume(ctx context.Context) bool {
	p.mu.Lock()
	paused, resumed, changed := p.paused, p.resumed, p.changed
	p.mu.Unlock()
	if !paused {
		t := time.NewTimer(listenerLag)
		defer t.Stop()
		select {
		case <-changed:
		case <-t.C:
		case <-ctx.Done():
			return false
		}
		return true
	}
	select {
	case <-resumed:
		return true
	case <-ctx.Done():
		return false
	}
}

// watchPause keeps the switch in step with Firestore until ctx ends.
func (w *Worker) watchPause(ctx context.Context) error {
	return w.store.WatchControl(ctx, w.processor, func(c state.Control) {
		if w.pause.set(c.Paused) {
			w.log.Warn("kill switch changed", zap.Bool("paused", c.Paused),
				zap.String("reason", c.Reason), zap.String("updated_by", c.UpdatedBy))
		}
	})
}
