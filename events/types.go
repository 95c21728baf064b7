package events

import "strings"

// Type is a CloudEvents type attribute of the contract.
type Type string

// The event types of the contract. The trailing version changes when a body changes in a
// way an older consumer cannot read.
const (
	// LoadRequested asks the raw loader to (re)load a game date. It opens a new generation
	// unless its request id has opened one already.
	LoadRequested Type = "dev.tipoff.raw_boxscores.load_requested.v1"
	// RawLoaded says the raw box scores of a date are in the warehouse at a generation.
	RawLoaded Type = "dev.tipoff.raw_boxscores.loaded.v1"
	// TeamOffenseCompleted says team_offense_game_summary is complete for a generation.
	TeamOffenseCompleted Type = "dev.tipoff.team_offense.completed.v1"
	// TeamDefenseCompleted says team_defense_game_summary is complete for a generation.
	TeamDefenseCompleted Type = "dev.tipoff.team_defense.completed.v1"
	// PlayerGameSummaryCompleted says player_game_summary is complete for a generation.
	PlayerGameSummaryCompleted Type = "dev.tipoff.player_game_summary.completed.v1"
	// QualityFinding reports one finding of post-write verification (a data-quality event).
	QualityFinding Type = "dev.tipoff.quality.finding.v1"
	// ProcessorBlocked is the circuit breaker's alert: a processor stopped retrying a date
	// and a person must act.
	ProcessorBlocked Type = "dev.tipoff.processor.blocked.v1"
)

// alertTypes are published for people and monitoring; no worker consumes them.
var alertTypes = []Type{QualityFinding, ProcessorBlocked}

// Processor names a kind of computation. The names are used in event bodies, Firestore
// document ids and logs, so they never change.
type Processor string

// The processors of the pipeline.
const (
	RawBoxScores      Processor = "raw_boxscores"
	TeamOffense       Processor = "team_offense"
	TeamDefense       Processor = "team_defense"
	PlayerGameSummary Processor = "player_game_summary"
)

// Processors lists every processor, upstream first.
var Processors = []Processor{RawBoxScores, TeamOffense, TeamDefense, PlayerGameSummary}

// completionTypes maps each processor to the type it publishes when it completes a date.
var completionTypes = map[Processor]Type{
	RawBoxScores:      RawLoaded,
	TeamOffense:       TeamOffenseCompleted,
	TeamDefense:       TeamDefenseCompleted,
	PlayerGameSummary: PlayerGameSummaryCompleted,
}

// CompletionType returns the type a processor publishes on completion, and false for an
// unknown processor.
func CompletionType(p Processor) (Type, bool) {
	t, ok := completionTypes[p]
	return t, ok
}

// Known reports whether t is a type of this contract.
func (t Type) Known() bool {
	if t == LoadRequested {
		return true
	}
	for _, a := range alertTypes {
		if a == t {
			return true
		}
	}
	for _, c := range completionTypes {
		if c == t {
			return true
		}
	}
	return false
}

// Producer returns the processor that publishes t, and false for a type no processor
// publishes (a load request comes from an operator or a scheduler).
func (t Type) Producer() (Processor, bool) {
	for p, c := range completionTypes {
		if c == t {
			return p, true
		}
	}
	return "", false
}

// Topic returns the Pub/Sub topic that carries events of type t: one topic per type,
// for example "tipoff.team-offense.completed.v1".
func (t Type) Topic() string {
	name := strings.TrimPrefix(string(t), "dev.")
	return strings.ReplaceAll(name, "_", "-")
}

// AllTypes lists every type of the contract: the load request, the completions in
// processor order, then the alerts.
func AllTypes() []Type {
	out := []Type{LoadRequested}
	for _, p := range Processors {
		out = append(out, completionTypes[p])
	}
	return append(out, alertTypes...)
}

// Valid reports whether p is a processor of the pipeline.
func (p Processor) Valid() bool {
	_, ok := completionTypes[p]
	return ok
}
