package state

import (
	"reflect"
	"testing"

	"github.com/tipoff-nba/tipoff/events"
)

// TestDecisionsArePure: Firestore may run a transaction body several times before it
// commits, and the body hands the decision functions the documents it read. A decision
// that changed its inputs, or answered differently the second time, would make a retried
// transaction write something no single reading of the documents justifies.
func TestDecisionsArePure(t *testing.T) {
	const day = "2024-01-18"
	off, def, pl := events.TeamOffense, events.TeamDefense, events.PlayerGameSummary
	date := dateAt(day, 1)
	date.Processors = map[string]ProcessorSummary{string(off): {StatusComplete, 1}}
	cases := []struct {
		name   string
		decide func() any
	}{
		{"root opening a generation", func() any {
			v, d, p := decideRoot(date, procAt(day, events.RawBoxScores, 1, StatusComplete),
				loadTrigger(day, "r9", "raw/a", t0))
			return []any{v, d, p}
		}},
		{"dependent claiming a run", func() any {
			up := map[events.Processor]*ProcessorDoc{off: procAt(day, off, 1, StatusComplete),
				def: procAt(day, def, 1, StatusComplete)}
			v, p, err := decideDependent(date, procAt(day, pl, 1, StatusWaiting), up,
				playerTrigger(day, def, 1, "player/a", t0))
			return []any{v, p, err}
		}},
		{"finish recording a run", func() any {
			running := leased(procAt(day, def, 1, StatusRunning), "def/a", t0.Add(leaseTTL))
			d, p, err := decideFinish(date, running, completeFinish(day, def, 1, "def/a", t0),
				events.Processors)
			return []any{d, p, err}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := clone(t, date)

			first, second := tc.decide(), tc.decide()

			if !reflect.DeepEqual(first, second) {
				t.Errorf("second call differs:\n got %+v\nwant %+v", second, first)
			}
			if !reflect.DeepEqual(clone(t, date), before) {
				t.Errorf("date document changed by the decision:\n got %+v\nwant %+v", *date,
					*before)
			}
		})
	}
}
