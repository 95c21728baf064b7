package floor

import "time"

// handOff stands for handing a completed date to the next computation inside one
// process: a plain call. It is kept out of line so the call is really made.
//
//go:noinline
func handOff(gen int64) int64 { return gen + 1 }

// DirectCall returns the mean time of one direct function call over n calls (n ≥ 1).
func DirectCall(n int) time.Duration {
	var acc int64
	start := time.Now()
	for i := 0; i < n; i++ {
		acc = handOff(acc)
	}
	took := time.Since(start)
	if acc != int64(n) {
		panic("floor: direct call miscounted")
	}
	return took / time.Duration(n)
}
