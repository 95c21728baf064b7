package main

import (
	"fmt"
	"time"

	"github.com/tipoff-nba/tipoff/bench/internal/hops"
	"github.com/tipoff-nba/tipoff/bench/internal/report"
	"github.com/tipoff-nba/tipoff/bench/internal/stats"
)

// Target 1: one hop, p50 ≤ 50 ms on the local stack, over at least minHops hops.
const (
	hopTargetMS = 50
	minHops     = 100
	groupHop    = "1 hop"
)

// addHopRows reports the unloaded hops of the one-date-at-a-time replay against the floor.
func addHopRows(rep *report.Report, seq sequentialResult, season seasonResult) {
	hop := stats.Summarize(hops.Totals(seq.Hops))
	ps, tx := stats.Summarize(seq.Floor.PubSub), stats.Summarize(seq.Floor.Tx)
	call := float64(seq.Floor.DirectCall) / float64(time.Millisecond)
	floorNote := fmt.Sprintf("floor, same percentile, measured in this run on the idle "+
		"stack after the replay: pstest publish→receive (workers' client settings) + 2 × "+
		"emulator transaction (completion + claim; 3 reads, 1 write) + a direct function "+
		"call (%.1f ns, the in-process hand-off)", float64(seq.Floor.DirectCall))
	for _, q := range []struct {
		name    string
		hop, fl float64
		target  *float64
	}{
		{"p50", hop.P50, ps.P50 + 2*tx.P50 + call, report.F(hopTargetMS)},
		{"p90", hop.P90, ps.P90 + 2*tx.P90 + call, nil},
		{"p99", hop.P99, ps.P99 + 2*tx.P99 + call, nil},
	} {
		rep.Add(report.Row{Group: groupHop, Unit: "ms", Value: report.F(q.hop),
			Metric:    fmt.Sprintf("hop %s: completion event → run claimed (n=%d)", q.name, hop.N),
			TargetMax: q.target, Baseline: report.F(q.fl), BaselineNote: floorNote})
	}
	floorP50 := ps.P50 + 2*tx.P50 + call
	rep.Add(report.Row{Group: groupHop, Metric: "hop p50 above the floor (ours)", Unit: "ms",
		Value: report.F(hop.P50 - floorP50)})
	addHopParts(rep, seq)
	rep.Add(report.Row{Group: groupHop, Metric: "hop p50 with the whole season loaded at once",
		Unit: "ms", Value: report.F(stats.Summarize(hops.Totals(season.Hops)).P50)})
	rep.Add(report.Row{Group: groupHop, Metric: "hop p99 with the whole season loaded at once",
		Unit: "ms", Value: report.F(stats.Summarize(hops.Totals(season.Hops)).P99)})
	if hop.N < minHops {
		rep.Problem("only %d hops measured; the target needs at least %d (lower -seq-every)",
			hop.N, minHops)
	}
	if len(seq.Missing) > 0 {
		rep.Problem("%d claims had no event time in the event log, e.g. %s", len(seq.Missing),
			seq.Missing[0])
	}
}

// addHopParts splits the hop and shows the floor's parts on their own.
func addHopParts(rep *report.Report, seq sequentialResult) {
	parts := []struct {
		metric  string
		samples []time.Duration
	}{
		{"hop part p50: completion transaction + publish ack", hops.CommitPublishes(seq.Hops)},
		{"hop part p50: publish ack → run claimed (delivery + claim)", hops.DeliverClaims(seq.Hops)},
		{"floor p50: pstest publish→receive, workers' client settings", seq.Floor.PubSub},
		{"floor p50: pstest publish→receive, library default settings", seq.Floor.PubSubDefault},
		{"floor p50: emulator transaction, 3 reads + 1 write", seq.Floor.Tx},
	}
	for _, p := range parts {
		rep.Add(report.Row{Group: groupHop, Metric: p.metric, Unit: "ms",
			Value: report.F(stats.Summarize(p.samples).P50)})
	}
}

// hopDetails is the raw material of target 1 for the JSON report.
func hopDetails(seq sequentialResult, season seasonResult) map[string]any {
	byEdge := map[string]stats.Summary{}
	for edge, hs := range hops.ByEdge(seq.Hops) {
		byEdge[edge] = stats.Summarize(hops.Totals(hs))
	}
	return map[string]any{
		"hops":                   stats.Summarize(hops.Totals(seq.Hops)),
		"hop_samples":            seq.Hops,
		"hops_by_edge":           byEdge,
		"commit_publish":         stats.Summarize(hops.CommitPublishes(seq.Hops)),
		"deliver_claim":          stats.Summarize(hops.DeliverClaims(seq.Hops)),
		"hops_season_load":       stats.Summarize(hops.Totals(season.Hops)),
		"floor_pubsub_pipeline":  stats.Summarize(seq.Floor.PubSub),
		"floor_pubsub_default":   stats.Summarize(seq.Floor.PubSubDefault),
		"floor_transaction":      stats.Summarize(seq.Floor.Tx),
		"direct_call_ns":         float64(seq.Floor.DirectCall),
		"proxy_transaction":      stats.Summarize(season.ProxyTx),
		"direct_transaction":     stats.Summarize(season.DirectTx),
		"sequential_dates":       len(seq.Dates),
		"sequential_seconds":     seq.Seconds,
		"claims_without_a_time":  len(seq.Missing),
		"hops_excluded_warm_up":  "the first -warmup dates of the one-date-at-a-time replay",
		"hop_definition":         "run claimed log time − the completion event's time attribute",
		"event_time_source":      "dates/{date}/events/{event id}.first_at (= event time)",
		"percentile_method":      "nearest rank",
		"sequential_log_foreign": seq.Log.Foreign,
	}
}
