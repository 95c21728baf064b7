// Package e2e holds Tipoff's end-to-end tests. They run the real worker binaries as
// separate processes against the Firestore emulator and Google's Pub/Sub fake, drive them
// only through events, and check the results from the outside: Firestore documents read
// with the official client, and the warehouse read with plain SQL.
//
// Run them with `make e2e`, which builds the binaries and sets TIPOFF_BIN and
// TIPOFF_NBA_DATA. Without those the tests skip and say why.
package e2e
