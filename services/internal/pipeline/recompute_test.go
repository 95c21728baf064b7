package pipeline

import (
	"reflect"
	"testing"

	"github.com/tipoff-nba/tipoff/events"
)

// TestRecomputes: a replay from P recomputes P and what depends on it; the rest carry.
func TestRecomputes(t *testing.T) {
	g, err := New(Default)
	if err != nil {
		t.Fatal(err)
	}
	raw, off, def, pl := events.RawBoxScores, events.TeamOffense, events.TeamDefense,
		events.PlayerGameSummary
	cases := map[events.Processor][]events.Processor{
		"":  {raw, off, def, pl},
		raw: {raw, off, def, pl},
		off: {off, pl},
		def: {def, pl},
		pl:  {pl},
	}
	for from, want := range cases {
		var got []events.Processor
		for _, p := range g.Processors() {
			if g.Recomputes(from, p) {
				got = append(got, p)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("replay from %q recomputes %v, want %v", from, got, want)
		}
	}
}
