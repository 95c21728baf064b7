// Package stall finds processors that wait too long for a date: their upstream completed
// the date's generation, yet they have not, for longer than their level allows. A sweep
// (tipoff stalls, run on a schedule) reports them; nothing here waits or polls.
package stall

import (
	"sort"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/pipeline"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// Default limits, by level: the team summaries (which need only the raw load) and the
// processors above them.
const (
	DefaultTeamLimit   = 30 * time.Minute
	DefaultPlayerLimit = 20 * time.Minute
)

// Limits says how long a processor may wait, given its level in the graph.
type Limits struct {
	// FirstLevel applies to processors that need only a root (the team summaries).
	FirstLevel time.Duration
	// Higher applies to every processor above the first level (the player summary).
	Higher time.Duration
}

// Stall is one processor of one date waiting past its limit.
type Stall struct {
	GameDate   string
	Generation int64
	Processor  events.Processor
	// Since is when it became able to run: when its last upstream completed the
	// generation (for a root, when the generation opened).
	Since  time.Time
	Waited time.Duration
	Limit  time.Duration
	// Status is the processor's own status at the generation, or waiting.
	Status state.Status
	// Paused is true when the processor's kill switch is on (MarkPaused): the wait is
	// deliberate, so a sweep reports it but does not count it as a stall.
	Paused bool
}

// Find returns the stalls of one date at now, sorted by processor order in the graph.
func Find(g *pipeline.Graph, date state.DateDoc, procs map[events.Processor]state.ProcessorDoc,
	lim Limits, now time.Time) []Stall {
	if date.Status.Done() {
		return nil
	}
	var out []Stall
	for _, p := range g.Processors() {
		doc, ok := procs[p]
		if ok && doc.Generation == date.Generation && doc.Status.Done() {
			continue
		}
		since, ready := readySince(g, p, date, procs)
		limit := lim.limitFor(g, p)
		if !ready || now.Sub(since) <= limit {
			continue
		}
		status := state.StatusWaiting
		if ok && doc.Generation == date.Generation {
			status = doc.Status
		}
		out = append(out, Stall{GameDate: date.GameDate, Generation: date.Generation,
			Processor: p, Since: since, Waited: now.Sub(since), Limit: limit, Status: status})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].GameDate < out[j].GameDate })
	return out
}

// readySince is when every upstream of p had succeeded at the date's generation.
func readySince(g *pipeline.Graph, p events.Processor, date state.DateDoc,
	procs map[events.Processor]state.ProcessorDoc) (time.Time, bool) {
	node, _ := g.Node(p)
	if len(node.Needs) == 0 {
		return date.UpdatedAt, true
	}
	var since time.Time
	for _, need := range node.Needs {
		up, ok := procs[need]
		if !ok || up.Generation != date.Generation || !up.Status.Succeeded() {
			return time.Time{}, false
		}
		if up.CompletedAt.After(since) {
			since = up.CompletedAt
		}
	}
	return since, true
}

func (l Limits) limitFor(g *pipeline.Graph, p events.Processor) time.Duration {
	node, _ := g.Node(p)
	for _, need := range node.Needs {
		if !g.IsRoot(need) {
			return l.Higher
		}
	}
	return l.FirstLevel
}
