// Package verify checks a processor's output after it is written, against the inputs it
// was built from, and reports findings with a severity. It is pure: callers read the
// stored rows back and pass them in.
//
// A critical finding means the output is wrong or was built from wrong inputs (partial or
// stale team totals, rows lost); the runtime then quarantines the date's output and
// announces nothing. Rules are written so that edge cases that are legitimate in real
// box scores (a player with 0:06 and a huge usage rate, team turnovers that only the game
// log counts, a one-second rounding gap between player and team minutes) do not fire.
package verify
