package state

import (
	"testing"

	"github.com/tipoff-nba/tipoff/events"
)

// TestDeriveStatus: the date shows complete only when every processor succeeded at the
// current generation, and otherwise the outcome that most needs a person. Lines left
// from an older generation describe data that is no longer current, so they never count.
func TestDeriveStatus(t *testing.T) {
	type line = ProcessorSummary
	cur := func(s Status) line { return line{Status: s, Generation: 2} }
	old := func(s Status) line { return line{Status: s, Generation: 1} }
	cases := []struct {
		name string
		// raw, off, def, player are the date's lines for the four processors.
		raw, off, def, player line
		want                  Status
	}{
		{"all complete", cur(StatusComplete), cur(StatusComplete), cur(StatusComplete),
			cur(StatusComplete), StatusComplete},
		{"one partial", cur(StatusComplete), cur(StatusPartial), cur(StatusComplete),
			cur(StatusComplete), StatusPartial},
		{"one still running", cur(StatusComplete), cur(StatusComplete), cur(StatusComplete),
			cur(StatusRunning), StatusRunning},
		{"one missing", cur(StatusComplete), cur(StatusComplete), cur(StatusComplete),
			line{}, StatusRunning},
		{"complete at an older generation does not count", cur(StatusComplete),
			cur(StatusComplete), cur(StatusComplete), old(StatusComplete), StatusRunning},
		{"partial while another runs is running", cur(StatusPartial), cur(StatusComplete),
			cur(StatusRunning), line{}, StatusRunning},
		{"failed beats quarantined and blocked", cur(StatusComplete), cur(StatusBlocked),
			cur(StatusQuarantined), cur(StatusFailed), StatusFailed},
		{"quarantined beats blocked", cur(StatusComplete), cur(StatusQuarantined),
			cur(StatusBlocked), line{}, StatusQuarantined},
		{"blocked shows while others are complete", cur(StatusComplete), cur(StatusComplete),
			cur(StatusComplete), cur(StatusBlocked), StatusBlocked},
		{"a failure at an older generation does not count", cur(StatusComplete),
			cur(StatusComplete), cur(StatusComplete), old(StatusFailed), StatusRunning},
		{"a need that failed only at an older generation has not run yet", cur(StatusComplete),
			cur(StatusComplete), old(StatusFailed), cur(StatusComplete), StatusRunning},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := DateDoc{Generation: 2, Processors: map[string]ProcessorSummary{}}
			for p, l := range map[events.Processor]line{events.RawBoxScores: tc.raw,
				events.TeamOffense: tc.off, events.TeamDefense: tc.def,
				events.PlayerGameSummary: tc.player} {
				if l != (line{}) {
					d.Processors[string(p)] = l
				}
			}

			if got := deriveStatus(d, events.Processors); got != tc.want {
				t.Errorf("deriveStatus = %s, want %s (lines %v)", got, tc.want, d.Processors)
			}
		})
	}
}
