package main

import (
	"errors"
	"fmt"

	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// originConflict returns why doc's generation that the run's request id opened is not the
// replay this run asked for: the request id opened it with another --from (two runs with
// one request id and different --from race past the plan's check, and the root keeps the
// first to arrive). "" when the origins agree, or when the request opened no generation
// or one since replaced (the date document then holds a newer generation's origin, and the
// run already counts the date as superseded).
func originConflict(doc state.DateDoc, f replayFlags) string {
	gen := doc.Requests[f.requestID]
	if gen == 0 || gen != doc.Generation || doc.ReplayFrom == string(f.from) {
		return ""
	}
	return fmt.Sprintf("request id %s opened %s of %s with --from %s, not %s; use a new "+
		"request id", f.requestID, formatGen(gen), doc.GameDate, fromName(doc.ReplayFrom),
		fromName(string(f.from)))
}

// fromName names a --from value; none means every processor computes.
func fromName(from string) string {
	if from == "" {
		return "(none)"
	}
	return from
}

// conflictError is the error of a run whose request id opened a generation of some date
// with another --from: that date was not replayed as asked, whatever its status says.
func conflictError(outcomes []replayOutcome) error {
	var first string
	n := 0
	for _, o := range outcomes {
		if o.conflict != "" {
			if n == 0 {
				first = o.conflict
			}
			n++
		}
	}
	switch n {
	case 0:
		return nil
	case 1:
		return errors.New(first)
	}
	return fmt.Errorf("%s (and %d more dates)", first, n-1)
}
