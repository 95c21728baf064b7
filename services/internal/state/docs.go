package state

import (
	"time"

	"github.com/tipoff-nba/tipoff/events"
)

// ProcessorSummary is a processor's line in the date document, so one document shows the
// whole date in the console.
type ProcessorSummary struct {
	Status     Status `firestore:"status"`
	Generation int64  `firestore:"generation"`
}

// DateDoc is dates/{game_date}.
type DateDoc struct {
	GameDate string `firestore:"game_date"`
	// Generation is the newest generation of the date's raw data. Only it may run.
	Generation int64 `firestore:"generation"`
	// Status is derived from Processors for the current generation (see deriveStatus).
	Status     Status                      `firestore:"status"`
	Processors map[string]ProcessorSummary `firestore:"processors"`
	// Requests maps each load request id to the generation it opened, so a retried
	// request never opens a second generation.
	Requests     map[string]int64 `firestore:"requests"`
	MissingGames []string         `firestore:"missing_games"`
	// ReplayFrom is the processor the current generation's replay starts from, as its load
	// request asked: it and its downstream compute, the others carry their output forward.
	// Empty when every processor computes the generation.
	ReplayFrom string    `firestore:"replay_from,omitempty"`
	LastError  string    `firestore:"last_error"`
	CreatedAt  time.Time `firestore:"created_at"`
	UpdatedAt  time.Time `firestore:"updated_at"`
}

// Lease records who holds a claimed run and until when.
type Lease struct {
	Owner     string    `firestore:"owner"`
	ExpiresAt time.Time `firestore:"expires_at"`
}

// InputRef names an upstream completion a run used.
type InputRef struct {
	Processor  string `firestore:"processor"`
	Generation int64  `firestore:"generation"`
	EventID    string `firestore:"event_id"`
}

// ProcessorDoc is dates/{game_date}/processors/{processor}.
type ProcessorDoc struct {
	GameDate   string     `firestore:"game_date"`
	Processor  string     `firestore:"processor"`
	Status     Status     `firestore:"status"`
	Generation int64      `firestore:"generation"`
	Inputs     []InputRef `firestore:"inputs"`
	Lease      *Lease     `firestore:"lease"`
	// Attempt counts the runs claimed at this generation (a takeover after a crash adds one).
	Attempt int `firestore:"attempt"`
	// RunOwner is the run that holds or last held the lease; it stays after the run ends,
	// so a retried commit of that run's outcome is recognised.
	RunOwner string `firestore:"run_owner"`
	// EventID is the completion event the run published.
	EventID      string         `firestore:"event_id"`
	Rows         map[string]int `firestore:"rows"`
	Games        int            `firestore:"games"`
	MissingGames []string       `firestore:"missing_games"`
	InputDigest  string         `firestore:"input_digest"`
	// CarriedFrom is the earlier generation whose output the run carried forward instead
	// of computing it (a replay from a downstream processor); 0 when it computed.
	CarriedFrom int64 `firestore:"carried_from,omitempty"`
	// LastGood is the processor's newest successful output of the date, whatever the
	// generation: a success sets it, and a claim of a newer generation keeps it. It is what
	// a replay from a downstream processor carries forward. Nil until the first success.
	LastGood *LastGood `firestore:"last_good,omitempty"`
	// Anomalies are the findings of post-write verification, one line each.
	Anomalies []string `firestore:"anomalies"`
	// Validation counts, per row rule, the rows the last run's save found breaking it:
	// the validation metrics. Critical rules block the write.
	Validation map[string]int `firestore:"validation"`
	// GateFailures counts failed dependency data checks at this generation; the breaker
	// opens at the configured maximum (default 3).
	GateFailures int       `firestore:"gate_failures"`
	LastError    string    `firestore:"last_error"`
	StartedAt    time.Time `firestore:"started_at"`
	CompletedAt  time.Time `firestore:"completed_at"`
	UpdatedAt    time.Time `firestore:"updated_at"`
	// NextCheckAt is when the next dependency check is due after a failed one (the gate
	// backoff): a claim before then holds its event instead of checking. Zero before the
	// first failure; a claim after it clears it.
	NextCheckAt time.Time `firestore:"next_check_at,omitempty"`
}

// LastGood is a processor's memory of its newest successful output of a date, kept across
// claims of newer generations (see ProcessorDoc.LastGood).
type LastGood struct {
	// Generation is the generation the output was stored under.
	Generation int64 `firestore:"generation"`
	// EventID is the completion that announced it.
	EventID      string         `firestore:"event_id"`
	Rows         map[string]int `firestore:"rows"`
	Games        int            `firestore:"games"`
	MissingGames []string       `firestore:"missing_games"`
	InputDigest  string         `firestore:"input_digest"`
}

// lastGoodOf returns what a successful processor document says it stored, or nil when
// the document records no success.
func lastGoodOf(d *ProcessorDoc) *LastGood {
	if d == nil {
		return nil
	}
	if !d.Status.Succeeded() {
		return d.LastGood
	}
	return &LastGood{Generation: d.Generation, EventID: d.EventID, Rows: d.Rows, Games: d.Games,
		MissingGames: d.MissingGames, InputDigest: d.InputDigest}
}

// inputRefs converts the contract's inputs to their stored form.
func inputRefs(in []events.Input) []InputRef {
	out := make([]InputRef, len(in))
	for i, x := range in {
		out[i] = InputRef{Processor: string(x.Processor), Generation: x.Generation, EventID: x.EventID}
	}
	return out
}

// Events converts stored inputs back to the contract's form.
func (d ProcessorDoc) Events() []events.Input {
	out := make([]events.Input, len(d.Inputs))
	for i, x := range d.Inputs {
		out[i] = events.Input{Processor: events.Processor(x.Processor), Generation: x.Generation,
			EventID: x.EventID}
	}
	return out
}

// Completion rebuilds the completion event body of a finished run, so a completion can be
// announced again with the same id and content. requestID is the load request that opened
// the generation (roots only).
func (d ProcessorDoc) Completion(requestID string) events.Completion {
	c := events.Completion{
		GameDate: d.GameDate, Generation: d.Generation, Processor: events.Processor(d.Processor),
		Outcome: events.OutcomeComplete, Rows: d.Rows, Games: d.Games,
		MissingGames: d.MissingGames, InputDigest: d.InputDigest, Inputs: d.Events(),
		RequestID: requestID, CarriedFrom: d.CarriedFrom,
	}
	if d.Status == StatusPartial {
		c.Outcome = events.OutcomePartial
	}
	return c
}

// RequestOf returns the load request id that opened generation gen, or "".
func (d DateDoc) RequestOf(gen int64) string {
	found := ""
	for id, g := range d.Requests {
		if g == gen && (found == "" || id < found) {
			found = id
		}
	}
	return found
}
