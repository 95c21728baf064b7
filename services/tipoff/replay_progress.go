package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// progressWidth is the number of cells of the progress bar.
const progressWidth = 30

// replayProgress shows a replay as it goes: on a terminal one progress bar, redrawn in
// place, with failed dates printed above it; elsewhere (a file, a pipe, a CI log) one
// plain line per settled date, which reads well after the fact.
type replayProgress struct {
	w        io.Writer
	terminal bool
	total    int
	done     int
	failed   int
	drawn    bool
}

func newReplayProgress(w io.Writer, total int) *replayProgress {
	return &replayProgress{w: w, terminal: isTerminal(w), total: total}
}

// isTerminal reports whether w is a character device, that is a terminal. golang.org/x/term
// is not a dependency of the module, and this is all the progress bar needs to know.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// settled records a date that settled during the run.
func (p *replayProgress) settled(o replayOutcome, inFlight int) {
	p.done++
	if o.failed() {
		p.failed++
	}
	if !p.terminal {
		fmt.Fprintf(p.w, "%s  %s  %s%s  (%d/%d settled)\n", o.gameDate,
			formatGen(o.generation), o.status, describeDetail(o), p.done, p.total)
		return
	}
	if o.failed() {
		p.clear()
		fmt.Fprintf(p.w, "%s  %s  %s%s\n", o.gameDate, formatGen(o.generation), o.status,
			describeDetail(o))
	}
	p.draw(inFlight)
}

// draw redraws the bar on a terminal.
func (p *replayProgress) draw(inFlight int) {
	if !p.terminal || p.total == 0 {
		return
	}
	filled := progressWidth * p.done / p.total
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d settled, %d in flight, %d failed ",
		strings.Repeat("#", filled), strings.Repeat("-", progressWidth-filled), p.done,
		p.total, inFlight, p.failed)
	p.drawn = true
}

// clear erases the bar so a line can be printed in its place.
func (p *replayProgress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}

// finish ends the bar's line, so what follows starts on a line of its own.
func (p *replayProgress) finish() {
	if p.drawn {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
}

func describeDetail(o replayOutcome) string {
	if o.detail == "" {
		return ""
	}
	return ": " + truncateMiddle(o.detail, errorWidth)
}

// printSummary writes how the run's dates ended, naming every date that failed, the
// skipped ones included.
func (r *replayer) printSummary() {
	var complete, partial, failed, skipped int
	var named []string
	for _, o := range r.outcomes {
		switch {
		case o.skipped:
			skipped++
		case o.conflict != "":
			failed++
		case o.status == state.StatusComplete:
			complete++
		case o.status == state.StatusPartial:
			partial++
		default:
			failed++
		}
		if o.failed() {
			named = append(named, fmt.Sprintf("%s %s %s%s", o.gameDate, formatGen(o.generation),
				o.status, describeDetail(o)))
		}
	}
	fmt.Fprintf(r.con.out, "replay %s %s: %d complete, %d partial, %d failed",
		r.f.requestID, describeOrigin(string(r.f.from)), complete, partial, failed)
	if skipped > 0 {
		fmt.Fprintf(r.con.out, "; %d skipped as already settled", skipped)
	}
	if n := len(r.inFlight) + len(r.pending); n > 0 {
		fmt.Fprintf(r.con.out, "; %d not settled", n)
	}
	fmt.Fprintln(r.con.out)
	for _, n := range named {
		fmt.Fprintf(r.con.out, "  failed: %s\n", n)
	}
}
