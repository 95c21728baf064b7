package state

// Status is the state of a processor for a date, or of the date as a whole. The
// vocabulary is defined here once; docs/FIRESTORE.md documents it.
type Status string

const (
	// StatusWaiting: the processor has not run for the date's current generation because an
	// upstream has not completed it yet. Waiting is not failing.
	StatusWaiting Status = "waiting"
	// StatusRunning: a run is claimed and holds a lease until lease.expires_at.
	StatusRunning Status = "running"
	// StatusComplete: the output of the generation is written, verified and announced.
	StatusComplete Status = "complete"
	// StatusPartial: complete for every game that has a box score, while the game log lists
	// more games for the date (named in missing_games). A later generation can complete it.
	StatusPartial Status = "partial"
	// StatusFailed: the run hit an error that retrying cannot fix (for example a malformed
	// box score); last_error says what. A new generation (a replay) clears it.
	StatusFailed Status = "failed"
	// StatusSuperseded: a newer generation of the date arrived while this run was going;
	// its result was not announced, and the newer generation runs instead.
	StatusSuperseded Status = "superseded"
	// StatusBlocked: the circuit breaker stopped retrying after repeated failed dependency
	// checks; a person must act (unblock or replay).
	StatusBlocked Status = "blocked"
	// StatusQuarantined: post-write verification found a critical problem, so the output is
	// held back and no completion event is published.
	StatusQuarantined Status = "quarantined"
)

// Done reports whether s ends the work on a generation: nothing more happens on its own.
func (s Status) Done() bool {
	switch s {
	case StatusComplete, StatusPartial, StatusFailed, StatusBlocked, StatusQuarantined:
		return true
	}
	return false
}

// Succeeded reports whether s means the output exists and may be read downstream.
func (s Status) Succeeded() bool { return s == StatusComplete || s == StatusPartial }
