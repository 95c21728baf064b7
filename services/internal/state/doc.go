// Package state keeps Tipoff's completion state in Firestore: one document per game date
// and one per (date, processor), plus the date's event log. It is the one place where a
// worker decides whether to run.
//
// Layout (collection names are constants in paths.go):
//
//	dates/{game_date}                          DateDoc: current generation and status
//	dates/{game_date}/processors/{processor}   ProcessorDoc: status, inputs, lease, rows
//	dates/{game_date}/events/{entry}           EventLogEntry: every event consumed or published
//	dead_letters/{id}                          DeadLetter: events that could not be used
//
// Every decision is one Firestore transaction whose body only reads documents, calls a
// pure decision function (decide.go) and stages writes. Nothing inside a transaction
// publishes, logs or touches the warehouse, because Firestore may run the body several
// times before it commits.
//
// The event log alone is enough to rebuild a date's completion state: Project reads it
// back into a Projection, and Compare lists where the live documents differ from it
// (tipoff rebuild).
package state
