package state

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/tipoff-nba/tipoff/events"
)

// Difference is one field where the state rebuilt from the event log and the live
// Firestore documents disagree.
type Difference struct {
	// Field is the field's path: "generation", "requests",
	// "processors.team_offense.rows", ...
	Field string `json:"field"`
	// Log and Live are the two values, formatted for a person.
	Log  string `json:"log"`
	Live string `json:"live"`
}

func (d Difference) String() string {
	return fmt.Sprintf("%s: log %s, live %s", d.Field, d.Log, d.Live)
}

// Compare lists every difference between a projection and the live date document and
// processor documents of the same date, date fields first, then each processor in name
// order. Only the fields a projection holds are compared (see Projection). A processor
// with no document and no log entry is not compared; one that has only one of them is a
// difference.
func Compare(p Projection, date DateDoc, procs map[events.Processor]ProcessorDoc) []Difference {
	var out []Difference
	add := func(field, log, live string) {
		if log != live {
			out = append(out, Difference{Field: field, Log: log, Live: live})
		}
	}
	add("generation", fmt.Sprint(p.Generation), fmt.Sprint(date.Generation))
	add("status", string(p.Status), string(date.Status))
	add("requests", formatRequests(p.Requests), formatRequests(date.Requests))
	add("replay_from", orNone(p.ReplayFrom), orNone(date.ReplayFrom))
	add("missing_games", formatList(p.MissingGames), formatList(date.MissingGames))

	names := map[events.Processor]bool{}
	for proc := range p.Processors {
		names[proc] = true
	}
	for proc := range procs {
		names[proc] = true
	}
	for _, proc := range slices.Sorted(maps.Keys(names)) {
		out = append(out, compareProcessor(proc, p.Processors, procs)...)
	}
	return out
}

func compareProcessor(proc events.Processor, logged map[events.Processor]ProcessorProjection,
	live map[events.Processor]ProcessorDoc) []Difference {
	prefix := "processors." + string(proc)
	want, inLog := logged[proc]
	doc, isLive := live[proc]
	switch {
	case !inLog:
		return []Difference{{Field: prefix, Log: "no entry",
			Live: fmt.Sprintf("%s at g%d", doc.Status, doc.Generation)}}
	case !isLive:
		return []Difference{{Field: prefix, Log: fmt.Sprintf("%s at g%d", want.Status,
			want.Generation), Live: "no document"}}
	}
	var out []Difference
	add := func(field, log, live string) {
		if log != live {
			out = append(out, Difference{Field: prefix + "." + field, Log: log, Live: live})
		}
	}
	add("status", string(want.Status), string(doc.Status))
	add("generation", fmt.Sprint(want.Generation), fmt.Sprint(doc.Generation))
	add("event_id", orNone(want.EventID), orNone(doc.EventID))
	add("inputs", formatInputs(want.Inputs), formatInputs(doc.Inputs))
	add("rows", formatRows(want.Rows), formatRows(doc.Rows))
	add("games", fmt.Sprint(want.Games), fmt.Sprint(doc.Games))
	add("missing_games", formatList(want.MissingGames), formatList(doc.MissingGames))
	add("input_digest", orNone(want.InputDigest), orNone(doc.InputDigest))
	add("carried_from", fmt.Sprint(want.CarriedFrom), fmt.Sprint(doc.CarriedFrom))
	return out
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func formatList(xs []string) string {
	if len(xs) == 0 {
		return "[]"
	}
	return "[" + strings.Join(xs, " ") + "]"
}

func formatRequests(m map[string]int64) string { return formatMap(m, "%s:g%d") }

func formatRows(m map[string]int) string { return formatMap(m, "%s:%d") }

// formatMap prints m's entries with format (key, then value), sorted, so equal maps print
// equally.
func formatMap[V int | int64](m map[string]V, format string) string {
	parts := make([]string, 0, len(m))
	for k, v := range m {
		parts = append(parts, fmt.Sprintf(format, k, v))
	}
	sort.Strings(parts)
	return "{" + strings.Join(parts, " ") + "}"
}

// formatInputs keeps the order of the inputs: a run lists them in its needs' order.
func formatInputs(in []InputRef) string {
	parts := make([]string, len(in))
	for i, x := range in {
		parts[i] = fmt.Sprintf("%s@g%d:%s", x.Processor, x.Generation, orNone(x.EventID))
	}
	return "[" + strings.Join(parts, " ") + "]"
}
