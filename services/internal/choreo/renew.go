package choreo

import (
	"context"
	"errors"
	"time"

	"go.uber.org/zap"

	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// keepLease renews a claimed run's lease every third of its TTL until stop is called. If
// the lease is lost (another run took over after an expiry), lost is called so the run
// stops working for nothing. Clean runs end long before the first renewal.
//
// The first renewal comes when a third of the lease is used, counted from expires (the
// lease the claim wrote), not from when the claim returned: a claim whose commit waited
// behind other transactions' locks can return with most of its lease gone, and waiting a
// full third of the TTL more would let the next delivery take the run over.
func (w *Worker) keepLease(ctx context.Context, log *zap.Logger, gameDate string, gen int64,
	owner string, expires time.Time, lost func()) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		every := w.cfg.LeaseTTL / 3
		next := time.NewTimer(max(0, expires.Sub(w.cfg.Now())-2*every))
		defer next.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-next.C:
			}
			next.Reset(every)
			err := w.store.RenewLease(ctx, gameDate, w.processor, gen, owner,
				w.cfg.Now().Add(w.cfg.LeaseTTL))
			switch {
			case errors.Is(err, state.ErrLeaseLost):
				log.Warn("lease lost during the run; stopping it", zap.Error(err))
				lost()
				return
			case err != nil && ctx.Err() == nil:
				log.Warn("lease renewal failed; will try again", zap.Error(err))
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}
