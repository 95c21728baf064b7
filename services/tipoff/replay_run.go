package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// replayOutcome is how one date of a replay ended.
type replayOutcome struct {
	gameDate string
	// generation is the generation the run's request opened.
	generation int64
	status     state.Status
	// detail says why a date counts as failed beyond its status (superseded, last error).
	detail string
	// skipped is true for a date that had settled before this run started.
	skipped bool
	// conflict, when not "", says the generation was opened with another --from than this
	// run's (see originConflict): the date was not replayed as asked.
	conflict string
}

// failed reports whether the outcome makes the run exit 1.
func (o replayOutcome) failed() bool { return !o.status.Succeeded() || o.conflict != "" }

// replayer publishes the load requests of a run, at most concurrency at a time, and
// follows the dates until they settle.
type replayer struct {
	con     console
	b       *backends
	f       replayFlags
	pending []string
	// inFlight are the dates published (or found running) and not yet settled.
	inFlight map[string]bool
	outcomes []replayOutcome
	progress *replayProgress
	// err is the publish error that stopped the run.
	err error
}

// runReplay carries out the plan and prints the summary.
func runReplay(ctx context.Context, con console, b *backends, f replayFlags,
	plan replayPlan) error {
	r := &replayer{con: con, b: b, f: f, pending: plan.publish, inFlight: map[string]bool{}}
	for _, d := range plan.inFlight {
		r.inFlight[d] = true
	}
	for _, doc := range plan.settled {
		r.outcomes = append(r.outcomes, settledOutcome(doc, f, true))
	}
	total := len(plan.publish) + len(plan.inFlight)
	r.progress = newReplayProgress(con.out, total)
	if len(plan.settled) > 0 {
		fmt.Fprintf(con.out, "skipped %s already settled at the generation request %s "+
			"opened\n", countDates(len(plan.settled)), f.requestID)
	}

	waitCtx, cancel := context.WithTimeout(ctx, f.wait)
	defer cancel()
	err := error(nil)
	if total > 0 {
		// TODO: every wake reads every date of the run, settled or not yet published, so a
		// season-long range costs dates × wakes document reads; watching only the dates in
		// flight needs WatchDates to follow a set that changes as the run goes.
		err = b.store.WatchDates(waitCtx, plan.all(), r.observe)
	}
	r.progress.finish()
	r.printSummary()
	switch {
	case r.err != nil:
		return fmt.Errorf("%w; resume with: %s", r.err, f.resumeCommand())
	case err != nil && ctx.Err() != nil:
		return fmt.Errorf("interrupted with %s; resume with: %s", r.unsettled(),
			f.resumeCommand())
	case err != nil && errors.Is(waitCtx.Err(), context.DeadlineExceeded):
		return fmt.Errorf("--wait %s reached with %s%s; wait again with: %s", f.wait,
			r.unsettled(), r.pausedNote(ctx), f.resumeCommand())
	case err != nil:
		return fmt.Errorf("%w; resume with: %s", err, f.resumeCommand())
	}
	if err := conflictError(r.outcomes); err != nil {
		return err
	}
	if n := r.failures(); n > 0 {
		return fmt.Errorf("%d of %d dates did not settle complete or partial", n,
			len(r.outcomes))
	}
	return nil
}

// observe is called with the run's date documents each time one changes: it records the
// dates that settled and publishes the next requests into the free slots. It returns true
// when every date has settled, or a publish failed.
func (r *replayer) observe(seen map[string]state.DateDoc) bool {
	for d := range r.inFlight {
		doc, ok := seen[d]
		if !ok {
			continue
		}
		if o, done := r.settledAt(doc); done {
			delete(r.inFlight, d)
			r.outcomes = append(r.outcomes, o)
			r.progress.settled(o, len(r.inFlight))
		}
	}
	for len(r.inFlight) < r.f.concurrency && len(r.pending) > 0 {
		d := r.pending[0]
		if err := r.publish(d); err != nil {
			r.err = err
			return true
		}
		r.pending = r.pending[1:]
		r.inFlight[d] = true
	}
	r.progress.draw(len(r.inFlight))
	return len(r.inFlight) == 0 && len(r.pending) == 0
}

// settledAt reports whether doc settled at the generation the run's request opened, or
// was superseded by a newer one.
func (r *replayer) settledAt(doc state.DateDoc) (replayOutcome, bool) {
	gen := doc.Requests[r.f.requestID]
	switch {
	case gen == 0:
		return replayOutcome{}, false
	case doc.Generation > gen:
		return replayOutcome{gameDate: doc.GameDate, generation: gen,
			status: state.StatusSuperseded, detail: fmt.Sprintf("%s opened by request %s "+
				"replaced it before it settled", formatGen(doc.Generation),
				orDash(doc.RequestOf(doc.Generation)))}, true
	case !doc.Status.Done():
		return replayOutcome{}, false
	}
	return settledOutcome(doc, r.f, false), true
}

// settledOutcome is how doc, settled at the generation the run's request opened, ended
// for the run: its status, unless that generation was opened with another --from.
func settledOutcome(doc state.DateDoc, f replayFlags, skipped bool) replayOutcome {
	o := replayOutcome{gameDate: doc.GameDate, generation: doc.Requests[f.requestID],
		status: doc.Status, skipped: skipped, conflict: originConflict(doc, f)}
	switch {
	case o.conflict != "":
		// Short, so the progress line shows it whole; the run's error says the rest.
		o.detail = "opened with --from " + fromName(doc.ReplayFrom) + ", not this run's"
	case o.failed():
		o.detail = doc.LastError
	}
	return o
}

// publish sends day's load request for the run, bounded by --timeout.
func (r *replayer) publish(day string) error {
	ctx, cancel := context.WithTimeout(context.Background(), r.f.timeout)
	defer cancel()
	e, err := events.NewLoadRequest(cliSource, events.LoadRequest{GameDate: day,
		RequestID: r.f.requestID, Reason: r.f.reason, ReplayFrom: r.f.from}, time.Now().UTC())
	if err != nil {
		return fmt.Errorf("build the load request of %s: %w", day, err)
	}
	if _, err := r.b.pub.Publish(ctx, e); err != nil {
		return fmt.Errorf("publish the load request of %s: %w", day, err)
	}
	return nil
}

func (r *replayer) failures() int {
	n := 0
	for _, o := range r.outcomes {
		if o.failed() {
			n++
		}
	}
	return n
}

// unsettled says how many dates the run left behind.
func (r *replayer) unsettled() string {
	return fmt.Sprintf("%s not settled (%d in flight, %d not yet requested)",
		countDates(len(r.inFlight)+len(r.pending)), len(r.inFlight), len(r.pending))
}

// pausedNote names the paused processors for a run that ran out of --wait, since a pause
// is the likeliest reason a date does not settle; "" when none is paused, or when the
// switches cannot be read (the message is then no worse than without the note).
func (r *replayer) pausedNote(ctx context.Context) string {
	ctx, cancel := context.WithTimeout(ctx, min(r.f.timeout, pausedReadTimeout))
	defer cancel()
	paused, err := pausedControls(ctx, r.b)
	if err != nil {
		return ""
	}
	return namePaused(paused)
}
