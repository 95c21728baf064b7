package choreo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/tipoff-nba/tipoff/events"
)

// Run is one claimed run handed to a processor.
type Run struct {
	GameDate   string
	Generation int64
	// Attempt counts the runs claimed for this generation, this one included.
	Attempt int
	// Inputs are the upstream completions to read, all of this generation.
	Inputs []events.Input
	// Request is the load request that opened the generation (roots only).
	Request *events.LoadRequest
	// MissingGames are the games the date's raw load found missing (dependents only).
	MissingGames []string
}

// Result is what a run produced.
type Result struct {
	Rows         map[string]int
	Games        int
	MissingGames []string
	// InputDigest is "sha256:..." over what the run read; see Digest.
	InputDigest string
	// Anomalies are notes of the run, one line each (rule warnings of the save).
	Anomalies []string
	// Validation counts, per row rule, the rows that broke it when the output was saved.
	// A run may return it together with an error (a rejected save).
	Validation map[string]int
	// Findings are the results of post-write verification. A critical one quarantines the
	// output: the runtime records the date as quarantined and announces nothing.
	Findings []events.Finding
	// CarriedFrom is the earlier generation whose output the run stored again instead of
	// computing it (a replay from a downstream processor); 0 when it computed.
	CarriedFrom int64
}

// RunFunc computes and saves one processor's output for a date and generation.
type RunFunc func(ctx context.Context, run Run) (Result, error)

// ErrPermanent marks a run error that retrying cannot fix, such as a malformed input file.
// The processor is marked failed for the generation and the trigger is acked.
var ErrPermanent = errors.New("permanent failure")

// Permanent wraps err so the runtime treats it as permanent.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%w: %w", ErrPermanent, err)
}

// Digest returns "sha256:" and the hex digest of the JSON encoding of parts.
func Digest(parts ...any) (string, error) {
	h := sha256.New()
	enc := json.NewEncoder(h)
	for _, p := range parts {
		if err := enc.Encode(p); err != nil {
			return "", fmt.Errorf("choreo: digest: %w", err)
		}
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}
