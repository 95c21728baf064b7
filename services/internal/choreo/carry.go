package choreo

import (
	"context"
	"errors"
	"fmt"

	"go.uber.org/zap"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// A replay with replay_from P recomputes P and everything downstream of it; every other
// processor carries its output of the previous generation forward: it stores the same rows
// again under the new generation, through the validated save path, and announces a normal
// completion with carried_from, so the dependency gate downstream sees every input at one
// generation.

// CarryFunc stores the processor's output of generation from again under run.Generation,
// through the warehouse's validated save path, and returns the rows it stored per table
// (with the save's validation counts and anomalies). want are the rows per table that
// output reported: when the warehouse no longer holds exactly that many of a table at from,
// the carry must write nothing and return an error wrapping ErrCarryGone, and the run
// computes instead.
type CarryFunc func(ctx context.Context, run Run, from int64, want map[string]int) (Result,
	error)

// ErrCarryGone reports that the output a replay would carry forward is no longer in the
// warehouse as its completion reported it.
var ErrCarryGone = errors.New("choreo: the output to carry forward is gone")

// carryCase is what decides whether a claimed run carries its output forward.
type carryCase struct {
	// Generation is the claimed generation.
	Generation int64
	// ReplayFrom is the date's replay_from at Generation; empty when every processor
	// computes it.
	ReplayFrom events.Processor
	// Recomputed is true when the processor is ReplayFrom or downstream of it.
	Recomputed bool
	// LastGood is the processor's newest successful output, from an earlier generation.
	LastGood *state.LastGood
	// Needs are the processor's upstream processors; empty for the root.
	Needs []events.Processor
	// UpstreamCarried is, per need, the generation its completion at Generation carried
	// forward; 0 when it computed.
	UpstreamCarried map[events.Processor]int64
}

// carrySource returns the generation whose output the run carries forward, or 0 when it
// computes. why says why a processor a replay could have spared computes; it is empty
// when the run carries or when nothing asked it to carry (no replay_from).
//
// The root carries only the previous generation's load: if that load never succeeded (a
// newer request overtook it) the files are read again, so the newest data wins. A
// dependent carries its output of H only if every upstream completion of the generation
// carried H forward too, so its rows were computed from exactly the inputs it now has.
func carrySource(c carryCase) (from int64, why string) {
	switch {
	case c.ReplayFrom == "":
		return 0, ""
	case c.Recomputed:
		return 0, fmt.Sprintf("the replay from %s recomputes it", c.ReplayFrom)
	case c.LastGood == nil:
		return 0, "it has no earlier output to carry forward"
	case c.LastGood.Generation >= c.Generation:
		return 0, fmt.Sprintf("its last good output is g%d, not older than g%d",
			c.LastGood.Generation, c.Generation)
	case len(c.Needs) == 0 && c.LastGood.Generation != c.Generation-1:
		return 0, fmt.Sprintf("the load of g%d never succeeded (the last good load is g%d); "+
			"the files are read again", c.Generation-1, c.LastGood.Generation)
	}
	h := c.LastGood.Generation
	for _, need := range c.Needs {
		if got := c.UpstreamCarried[need]; got != h {
			return 0, fmt.Sprintf("%s %s; its own last good output is g%d", need,
				upstreamOrigin(got, c.Generation), h)
		}
	}
	return h, ""
}

func upstreamOrigin(carried, gen int64) string {
	if carried == 0 {
		return fmt.Sprintf("computed g%d", gen)
	}
	return fmt.Sprintf("carried g%d forward", carried)
}

// carryCaseOf reads the case of a claimed run from its verdict.
func (w *Worker) carryCaseOf(v state.Verdict) carryCase {
	replayFrom := events.Processor(v.Date.ReplayFrom)
	c := carryCase{Generation: v.Generation, ReplayFrom: replayFrom,
		Recomputed: w.graph.Recomputes(replayFrom, w.processor), LastGood: v.Processor.LastGood,
		Needs: w.needs, UpstreamCarried: make(map[events.Processor]int64, len(w.needs))}
	for _, need := range w.needs {
		c.UpstreamCarried[need] = v.Upstream[need].CarriedFrom
	}
	return c
}

// runOrCarry carries the processor's earlier output forward when the date's replay spares
// it, and otherwise runs the processor.
func (w *Worker) runOrCarry(ctx context.Context, log *zap.Logger, run Run, v state.Verdict) (
	Result, error) {
	c := w.carryCaseOf(v)
	from, why := carrySource(c)
	if from > 0 && w.hooks.Carry == nil {
		from, why = 0, "the processor cannot carry its output forward"
	}
	if from == 0 {
		if why != "" {
			log.Info("replay: computing instead of carrying forward",
				zap.String("replay_from", string(c.ReplayFrom)), zap.String("reason", why))
		}
		return w.hooks.Run(ctx, run)
	}

	r, err := w.hooks.Carry(ctx, run, from, c.LastGood.Rows)
	if errors.Is(err, ErrCarryGone) {
		log.Info("replay: computing instead of carrying forward",
			zap.String("replay_from", string(c.ReplayFrom)), zap.Int64("last_good", from),
			zap.String("reason", err.Error()))
		return w.hooks.Run(ctx, run)
	}
	if err != nil {
		return r, err
	}
	r.Games, r.MissingGames, r.InputDigest = c.LastGood.Games, c.LastGood.MissingGames,
		c.LastGood.InputDigest
	r.CarriedFrom = from
	log.Info("output carried forward", zap.String("replay_from", string(c.ReplayFrom)),
		zap.Int64("carried_from", from), zap.Any("rows", r.Rows))
	return r, nil
}
