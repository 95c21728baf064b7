package main

import (
	"fmt"
	"strings"
	"time"

	cloudevents "github.com/cloudevents/sdk-go/v2/event"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/pipeline"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// cliSource names the operator's tool in the source of the events it builds.
const cliSource = "tipoff-cli"

// retrigger is what wakes an unblocked processor: the events to publish again, and notes
// for the operator (upstreams left alone, other consumers that see the copies).
type retrigger struct {
	events []cloudevents.Event
	notes  []string
}

// planRetrigger builds the events that wake processor p for the date's current
// generation. For a root it is the load request that opened the generation (the same
// request id finds the same generation); otherwise it is the completion of each upstream
// p needs, rebuilt from its stored document with the same id and content as when it was
// first announced. An upstream that has not succeeded at the generation is skipped.
func planRetrigger(g *pipeline.Graph, date state.DateDoc,
	procs map[events.Processor]state.ProcessorDoc, p events.Processor,
	now time.Time) (retrigger, error) {
	var plan retrigger
	node, ok := g.Node(p)
	if !ok {
		return plan, fmt.Errorf("processor %s is not in the pipeline graph", p)
	}
	if len(node.Needs) == 0 {
		e, err := loadRequestAgain(date, now)
		if err != nil {
			return plan, err
		}
		plan.events = append(plan.events, e)
		return plan, nil
	}
	for _, need := range node.Needs {
		up, ok := procs[need]
		if !ok || up.Generation != date.Generation || !up.Status.Succeeded() {
			plan.notes = append(plan.notes, fmt.Sprintf("%s has not completed %s (it is %s); "+
				"its own completion will wake %s", need, formatGen(date.Generation),
				describeUpstream(up, ok), p))
			continue
		}
		e, err := completionAgain(g, date, up)
		if err != nil {
			return plan, err
		}
		plan.events = append(plan.events, e)
		if others := otherConsumers(g, need, p); len(others) > 0 {
			plan.notes = append(plan.notes, fmt.Sprintf("%s also reaches %s, which record it as "+
				"a duplicate", e.ID(), strings.Join(others, ", ")))
		}
	}
	return plan, nil
}

// loadRequestAgain rebuilds the load request that opened the date's generation.
func loadRequestAgain(date state.DateDoc, now time.Time) (cloudevents.Event, error) {
	requestID := date.RequestOf(date.Generation)
	if requestID == "" {
		return cloudevents.Event{}, fmt.Errorf("%s records no load request for %s; "+
			"request a replay instead", date.GameDate, formatGen(date.Generation))
	}
	// The replay origin goes with it: the request's consumed entry in the event log keeps
	// the origin of its latest delivery, and a rebuild reads it from there.
	return events.NewLoadRequest(cliSource, events.LoadRequest{GameDate: date.GameDate,
		RequestID: requestID, Reason: "unblock", ReplayFrom: events.Processor(date.ReplayFrom)},
		now)
}

// completionAgain rebuilds up's completion event, stamped with its completion time as the
// workers do when they announce a completion again.
func completionAgain(g *pipeline.Graph, date state.DateDoc, up state.ProcessorDoc) (
	cloudevents.Event, error) {
	requestID := ""
	if node, _ := g.Node(events.Processor(up.Processor)); len(node.Needs) == 0 {
		requestID = date.RequestOf(up.Generation)
	}
	e, err := events.NewCompletion(up.Completion(requestID), up.CompletedAt)
	if err != nil {
		return e, fmt.Errorf("rebuild the completion of %s for %s: %w", up.Processor,
			date.GameDate, err)
	}
	return e, nil
}

// otherConsumers lists the processors besides p that need upstream, and so also receive
// its completion.
func otherConsumers(g *pipeline.Graph, upstream, p events.Processor) []string {
	var out []string
	for _, q := range g.Processors() {
		node, _ := g.Node(q)
		for _, need := range node.Needs {
			if need == upstream && q != p {
				out = append(out, string(q))
			}
		}
	}
	return out
}

func describeUpstream(d state.ProcessorDoc, found bool) string {
	if !found {
		return "not run"
	}
	return fmt.Sprintf("%s at %s", d.Status, formatGen(d.Generation))
}
