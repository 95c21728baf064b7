// Package replay drives a local Tipoff stack (services/localstack: the four worker
// processes on the Firestore emulator and the in-process Pub/Sub fake) the way `tipoff run`
// does: it publishes load requests, waits on a Firestore listener until dates are done, and
// reads back what the benchmarks need (worker logs, event times, process memory).
package replay
