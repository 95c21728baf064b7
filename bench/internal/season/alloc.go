package season

import (
	"math"
	"sort"
)

// split divides total into len(weights) non-negative parts that sum to total exactly, each
// as close to total·w/Σw as whole numbers allow (largest remainder; ties go to the earlier
// index). A negative total is split by its magnitude and the parts negated. Weights must
// be non-negative with a positive sum.
func split(total int, weights []float64) []int {
	if total < 0 {
		parts := split(-total, weights)
		for i := range parts {
			parts[i] = -parts[i]
		}
		return parts
	}
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	parts := make([]int, len(weights))
	rest := make([]float64, len(weights))
	given := 0
	for i, w := range weights {
		exact := float64(total) * w / sum
		parts[i] = int(math.Floor(exact))
		rest[i] = exact - float64(parts[i])
		given += parts[i]
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rest[order[a]] > rest[order[b]] })
	for k := 0; given < total; k++ {
		parts[order[k%len(order)]]++
		given++
	}
	return parts
}
