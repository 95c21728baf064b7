// Package floor measures the latency floor under one hop of the choreography, in the same
// run as the pipeline: a Pub/Sub publish-to-receive on the in-process fake (pstest), one
// uncontended Firestore emulator transaction, and a direct function call (the cost of the
// same hand-off inside one process with no coordination).
package floor
