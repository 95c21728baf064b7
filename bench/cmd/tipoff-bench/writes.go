package main

import (
	"strings"

	"github.com/tipoff-nba/tipoff/bench/internal/wirecount"
	"github.com/tipoff-nba/tipoff/bench/internal/workerlog"
)

// writeBreakdown is the season's committed writes, by game date and by kind of document.
type writeBreakdown struct {
	Total int `json:"total"`
	// PerDate maps each game date to the writes under dates/{date} (its document, its
	// processors, its event log and anything else below it).
	PerDate map[string]int `json:"per_date"`
	// ByKind maps "date", "processors", "events", "quality", ... (or a top-level collection
	// such as "dead_letters") to writes.
	ByKind map[string]int `json:"by_kind"`
	// Outside counts writes to documents not under any date.
	Outside int `json:"outside_dates"`
}

// breakDown sorts the writes of project by date and kind.
func breakDown(docs []wirecount.DocWrites, project string) writeBreakdown {
	b := writeBreakdown{PerDate: map[string]int{}, ByKind: map[string]int{}}
	prefix := "projects/" + project + "/databases/(default)/documents/"
	for _, d := range docs {
		rest, ok := strings.CutPrefix(d.Name, prefix)
		if !ok {
			continue
		}
		b.Total += d.Writes
		parts := strings.Split(rest, "/")
		if parts[0] != "dates" || len(parts) < 2 {
			b.ByKind[parts[0]] += d.Writes
			b.Outside += d.Writes
			continue
		}
		b.PerDate[parts[1]] += d.Writes
		kind := "date"
		if len(parts) > 2 {
			kind = parts[2]
		}
		b.ByKind[kind] += d.Writes
	}
	return b
}

// logWrites sums, over the worker processes, the largest firestore_writes_total each
// logged. ok is false when no line of some service carries the field.
func logWrites(l workerlog.Log, services []string) (total int64, perService map[string]int64,
	ok bool) {
	perService = map[string]int64{}
	for _, e := range l.Entries {
		if e.WritesTotal != nil && *e.WritesTotal > perService[e.Service] {
			perService[e.Service] = *e.WritesTotal
		}
	}
	seen := map[string]bool{}
	for _, e := range l.Entries {
		if e.WritesTotal != nil {
			seen[e.Service] = true
		}
	}
	ok = true
	for _, s := range services {
		ok = ok && seen[s]
		total += perService[s]
	}
	return total, perService, ok
}
