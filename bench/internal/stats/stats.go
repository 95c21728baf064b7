// Package stats summarises samples of durations.
package stats

import (
	"math"
	"sort"
	"time"
)

// Summary describes a set of samples. Durations are in milliseconds.
type Summary struct {
	N    int     `json:"n"`
	Min  float64 `json:"min_ms"`
	P50  float64 `json:"p50_ms"`
	P90  float64 `json:"p90_ms"`
	P99  float64 `json:"p99_ms"`
	Max  float64 `json:"max_ms"`
	Mean float64 `json:"mean_ms"`
}

// Summarize returns the summary of samples; the zero Summary when there are none.
// Percentiles are nearest-rank: p50 of 100 samples is the 50th smallest.
func Summarize(samples []time.Duration) Summary {
	if len(samples) == 0 {
		return Summary{}
	}
	ms := make([]float64, len(samples))
	sum := 0.0
	for i, d := range samples {
		ms[i] = float64(d) / float64(time.Millisecond)
		sum += ms[i]
	}
	sort.Float64s(ms)
	return Summary{
		N: len(ms), Min: ms[0], Max: ms[len(ms)-1], Mean: sum / float64(len(ms)),
		P50: rank(ms, 0.50), P90: rank(ms, 0.90), P99: rank(ms, 0.99),
	}
}

// rank is the nearest-rank q-quantile of sorted samples.
func rank(sorted []float64, q float64) float64 {
	i := int(math.Ceil(q*float64(len(sorted)))) - 1
	if i < 0 {
		i = 0
	}
	return sorted[i]
}
