package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// replayPlan is what a replay run does with each date of its range, decided before it
// publishes anything.
type replayPlan struct {
	// publish are the dates whose load request is (re)published, in date order.
	publish []string
	// inFlight are the dates where the run's request id already opened the current
	// generation, still running: they are waited for, not published again.
	inFlight []string
	// settled are the dates that already settled at the generation the run's request id
	// opened (a resumed run skips them).
	settled []state.DateDoc
	// neverLoaded are the dates of the range that were never loaded and are left out
	// (without --new).
	neverLoaded []string
	// firstLoads are the dates of the range that were never loaded and are requested
	// because of --new; they are also in publish.
	firstLoads []string
}

// all lists every date the run watches: published and in flight.
func (p replayPlan) all() []string {
	return append(append([]string(nil), p.publish...), p.inFlight...)
}

// planReplay reads the dates of the run and decides what to do with each. It refuses the
// whole run, naming every date and the reason, when a date cannot be replayed with this
// request id and --from.
func planReplay(ctx context.Context, con console, b *backends, f replayFlags) (replayPlan,
	error) {
	var plan replayPlan
	ctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	from, to := f.fromDate, f.toDate
	if f.date != "" {
		from, to = f.date, f.date
	}
	docs, err := b.store.DatesBetween(ctx, from, to)
	if err != nil {
		return plan, err
	}
	loaded := make(map[string]state.DateDoc, len(docs))
	for _, d := range docs {
		loaded[d.GameDate] = d
	}
	var refusals []string
	for _, day := range calendarDays(from, to) {
		doc, ok := loaded[day]
		if !ok {
			if f.allowNew {
				plan.publish = append(plan.publish, day)
				plan.firstLoads = append(plan.firstLoads, day)
			} else {
				plan.neverLoaded = append(plan.neverLoaded, day)
			}
			continue
		}
		if why := plan.place(doc, f); why != "" {
			refusals = append(refusals, fmt.Sprintf("%s: %s", day, why))
		}
	}
	if len(refusals) > 0 {
		return plan, fmt.Errorf("%w: request id %s cannot replay %s:\n  %s", errRefused,
			f.requestID, countDates(len(refusals)), strings.Join(refusals, "\n  "))
	}
	return plan, plan.checkNeverLoaded(con, f)
}

// place puts a loaded date in the plan, or returns why this run cannot replay it.
func (p *replayPlan) place(doc state.DateDoc, f replayFlags) string {
	gen := doc.Requests[f.requestID]
	switch {
	case gen == 0:
		p.publish = append(p.publish, doc.GameDate)
	case gen < doc.Generation:
		return fmt.Sprintf("the request opened %s, which %s (request %s) has replaced; "+
			"start a new run without --request-id", formatGen(gen),
			formatGen(doc.Generation), orDash(doc.RequestOf(doc.Generation)))
	case doc.ReplayFrom != string(f.from):
		return fmt.Sprintf("the request opened %s as a replay %s; this run asks for a "+
			"replay %s: use the same --from, or a new request id", formatGen(gen),
			describeOrigin(doc.ReplayFrom), describeOrigin(string(f.from)))
	case doc.Status.Done():
		p.settled = append(p.settled, doc)
	default:
		p.inFlight = append(p.inFlight, doc.GameDate)
	}
	return ""
}

// firstLoadCaveat says what a first load of a day costs when the day has no box scores.
// The command cannot see the data directory (only the raw loader reads it), so it cannot
// tell a game day from a day off: every calendar day of a range counts.
const firstLoadCaveat = "a date without box scores then fails its raw load and stays " +
	"failed in tipoff status"

// checkNeverLoaded refuses a run that has nothing to do because its dates were never
// loaded, and otherwise says which dates of the range it leaves out, or, with --new,
// warns about the first loads it requests.
func (p replayPlan) checkNeverLoaded(con console, f replayFlags) error {
	if len(p.firstLoads) > 0 && f.date == "" {
		fmt.Fprintf(con.errs, "warning: --new requests a first load of %s never loaded "+
			"(%s); %s\n", countDays(len(p.firstLoads)), compactDays(p.firstLoads),
			firstLoadCaveat)
	}
	if len(p.neverLoaded) == 0 {
		return nil
	}
	if f.date != "" {
		return fmt.Errorf("%w: %s has never been loaded, so there is nothing to replay; "+
			"pass --new to load it for the first time", errRefused, f.date)
	}
	if len(p.publish)+len(p.inFlight)+len(p.settled) == 0 {
		return fmt.Errorf("%w: no date in %s..%s has ever been loaded; --new requests "+
			"a first load of every day of the range, and %s", errRefused, f.fromDate,
			f.toDate, firstLoadCaveat)
	}
	fmt.Fprintf(con.errs, "not replayed, never loaded (%s): %s\n", countDays(
		len(p.neverLoaded)), compactDays(p.neverLoaded))
	return nil
}

// describeOrigin names a replay origin for a message.
func describeOrigin(from string) string {
	if from == "" {
		return "of every processor"
	}
	return "from " + from
}

// calendarDays lists every day from..to, both included. Both are valid dates.
func calendarDays(from, to string) []string {
	start, _ := time.Parse(events.DateLayout, from)
	end, _ := time.Parse(events.DateLayout, to)
	var out []string
	for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
		out = append(out, d.Format(events.DateLayout))
	}
	return out
}

// compactDays writes consecutive days as one span: "2026-01-28..2026-01-30, 2026-02-01".
func compactDays(days []string) string {
	var spans []string
	for i := 0; i < len(days); {
		j := i
		for j+1 < len(days) && nextDay(days[j]) == days[j+1] {
			j++
		}
		if j == i {
			spans = append(spans, days[i])
		} else {
			spans = append(spans, days[i]+".."+days[j])
		}
		i = j + 1
	}
	return strings.Join(spans, ", ")
}

func nextDay(day string) string {
	d, _ := time.Parse(events.DateLayout, day)
	return d.AddDate(0, 0, 1).Format(events.DateLayout)
}

// countDays is "1 calendar day" or "n calendar days": a range's days never loaded are
// counted by the calendar, game or not.
func countDays(n int) string {
	if n == 1 {
		return "1 calendar day"
	}
	return fmt.Sprintf("%d calendar days", n)
}

// countDates is "1 date" or "n dates".
func countDates(n int) string {
	if n == 1 {
		return "1 date"
	}
	return fmt.Sprintf("%d dates", n)
}
