// Package hops measures the hops of the choreography from worker logs: the time from an
// upstream completion event to the dependent worker's "run claimed" log line.
package hops

import (
	"fmt"
	"sort"
	"time"

	"github.com/tipoff-nba/tipoff/bench/internal/workerlog"
)

// Hop is one completion handed to a dependent that claimed its run because of it.
type Hop struct {
	// Edge is "producer→consumer", e.g. "raw_boxscores→team_offense".
	Edge     string `json:"edge"`
	GameDate string `json:"game_date"`
	EventID  string `json:"event_id"`
	// Total runs from the event's time attribute, stamped by the producer just before its
	// completion transaction, to the consumer's "run claimed" line, logged once its claim
	// transaction committed.
	Total time.Duration `json:"total_ns"`
	// CommitPublish runs from the event time to the producer's "completion published"
	// line: the completion transaction and the publish until the server's ack.
	CommitPublish time.Duration `json:"commit_publish_ns"`
	// DeliverClaim runs from "completion published" to "run claimed": delivery, decoding
	// and the claim transaction (it overlaps the publish ack, so it can be short).
	DeliverClaim time.Duration `json:"deliver_claim_ns"`
}

// EventTimes gives the time attribute of a completion event by id.
type EventTimes func(eventID string) (time.Time, bool)

// Measure finds every hop in l: each consumer's first "run claimed" per game date whose
// trigger is a completion that some worker logged as published. A claim whose trigger
// has no known event time is returned in missing.
func Measure(l workerlog.Log, times EventTimes) (hops []Hop, missing []string) {
	published := map[string]workerlog.Entry{}
	for _, e := range l.With(workerlog.MsgPublished) {
		if _, seen := published[e.PublishedEventID]; !seen {
			published[e.PublishedEventID] = e
		}
	}
	claimed := map[string]bool{}
	for _, c := range l.With(workerlog.MsgClaimed) {
		pub, ok := published[c.EventID]
		key := c.Service + "/" + c.GameDate
		if !ok || claimed[key] {
			continue
		}
		claimed[key] = true
		at, ok := times(c.EventID)
		if !ok {
			missing = append(missing, c.EventID)
			continue
		}
		hops = append(hops, Hop{
			Edge: fmt.Sprintf("%s→%s", pub.Service, c.Service), GameDate: c.GameDate,
			EventID: c.EventID, Total: c.Time.Sub(at), CommitPublish: pub.Time.Sub(at),
			DeliverClaim: c.Time.Sub(pub.Time),
		})
	}
	sort.SliceStable(hops, func(i, j int) bool { return hops[i].GameDate < hops[j].GameDate })
	return hops, missing
}

// Totals returns the Total of every hop.
func Totals(hs []Hop) []time.Duration {
	return pick(hs, func(h Hop) time.Duration { return h.Total })
}

// CommitPublishes returns the CommitPublish of every hop.
func CommitPublishes(hs []Hop) []time.Duration {
	return pick(hs, func(h Hop) time.Duration { return h.CommitPublish })
}

// DeliverClaims returns the DeliverClaim of every hop.
func DeliverClaims(hs []Hop) []time.Duration {
	return pick(hs, func(h Hop) time.Duration { return h.DeliverClaim })
}

// ByEdge groups hops by edge.
func ByEdge(hs []Hop) map[string][]Hop {
	out := map[string][]Hop{}
	for _, h := range hs {
		out[h.Edge] = append(out[h.Edge], h)
	}
	return out
}

func pick(hs []Hop, f func(Hop) time.Duration) []time.Duration {
	out := make([]time.Duration, len(hs))
	for i, h := range hs {
		out[i] = f(h)
	}
	return out
}
