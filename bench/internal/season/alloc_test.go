package season

import "testing"

func TestSplitSumsExactly(t *testing.T) {
	weights := []float64{36, 35, 34, 33, 32, 24, 18, 14, 9, 5}
	for _, total := range []int{0, 1, 7, 43, 97, 14400, 15900, 17400, -53, -1} {
		parts := split(total, weights)
		sum := 0
		for i, p := range parts {
			sum += p
			if total >= 0 && p < 0 || total < 0 && p > 0 {
				t.Errorf("split(%d)[%d] = %d has the wrong sign", total, i, p)
			}
		}
		if sum != total {
			t.Errorf("split(%d) sums to %d: %v", total, sum, parts)
		}
	}
}

func TestSplitFollowsWeights(t *testing.T) {
	got := split(10, []float64{3, 1, 1})
	want := []int{6, 2, 2}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("split(10, 3:1:1) = %v, want %v", got, want)
		}
	}
}
