// Package choreo is the choreography runtime every worker runs: it receives events from
// the worker's subscriptions, validates them against the contract, claims the run in
// Firestore (the gate and the claim are one transaction), calls the processor, records the
// outcome, publishes the completion event and only then acks the trigger.
//
// A worker supplies only its processor name, a RunFunc and a CarryFunc; everything about
// delivery, duplicates, staleness, leases, replays and dead letters is decided here, the
// same way for all. In a generation whose load request replays from a processor P, a
// processor neither P nor downstream of it carries its last good output forward instead of
// running (carry.go).
//
// Ack rules:
//   - malformed or unknown events are recorded as dead letters (Firestore and the
//     dead-letter topic) and acked: retrying cannot fix them;
//   - wait, stale, duplicate and settled decisions are acked: the state already says
//     what happens next;
//   - a busy decision (another run holds a live lease) holds the message until the lease
//     holder finishes or the lease expires, then decides again;
//   - a run is acked after its outcome is committed and its completion published. A crash
//     before the ack redelivers the trigger, which then republishes the completion.
package choreo
