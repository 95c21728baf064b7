package choreo

import (
	"reflect"
	"strings"
	"testing"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/pipeline"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

var (
	raw, off, def, pl = events.RawBoxScores, events.TeamOffense, events.TeamDefense,
		events.PlayerGameSummary
)

func good(gen int64) *state.LastGood { return &state.LastGood{Generation: gen} }

// TestCarrySource: each rule of the carry decision, one case each.
func TestCarrySource(t *testing.T) {
	teamNeeds := []events.Processor{off, def}
	cases := []struct {
		name     string
		c        carryCase
		wantFrom int64
		wantWhy  string
	}{
		{"full replay computes without a note",
			carryCase{Generation: 2, LastGood: good(1)}, 0, ""},
		{"the replayed processor computes",
			carryCase{Generation: 2, ReplayFrom: pl, Recomputed: true, LastGood: good(1),
				Needs: teamNeeds}, 0, "recomputes it"},
		{"root carries the previous load",
			carryCase{Generation: 2, ReplayFrom: pl, LastGood: good(1)}, 1, ""},
		{"root reads the files again when the previous load never succeeded",
			carryCase{Generation: 3, ReplayFrom: pl, LastGood: good(1)}, 0, "never succeeded"},
		{"root without an earlier load computes",
			carryCase{Generation: 1, ReplayFrom: pl}, 0, "no earlier output"},
		{"dependent carries when every upstream carried its generation",
			carryCase{Generation: 5, ReplayFrom: pl, LastGood: good(3), Needs: teamNeeds,
				UpstreamCarried: map[events.Processor]int64{off: 3, def: 3}}, 3, ""},
		{"dependent computes when an upstream computed",
			carryCase{Generation: 2, ReplayFrom: def, LastGood: good(1), Needs: teamNeeds,
				UpstreamCarried: map[events.Processor]int64{off: 1, def: 0}}, 0,
			"team_defense computed g2"},
		{"dependent computes when its own last output is older than its inputs'",
			carryCase{Generation: 3, ReplayFrom: pl, LastGood: good(1),
				Needs:           []events.Processor{raw},
				UpstreamCarried: map[events.Processor]int64{raw: 2}}, 0,
			"raw_boxscores carried g2 forward; its own last good output is g1"},
		{"a last good output at the claimed generation is never carried",
			carryCase{Generation: 2, ReplayFrom: pl, LastGood: good(2)}, 0, "not older"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			from, why := carrySource(tc.c)
			if from != tc.wantFrom {
				t.Errorf("from = %d, want %d (why %q)", from, tc.wantFrom, why)
			}
			if (tc.wantWhy == "") != (why == "") || !strings.Contains(why, tc.wantWhy) {
				t.Errorf("why = %q, want it to say %q", why, tc.wantWhy)
			}
		})
	}
}

// TestWhichProcessorsCarry walks the real graph in order for every replay_from, each
// processor deciding from what its upstream decided, after a generation 1 that every
// processor completed: the processors upstream of replay_from carry g1, the others compute.
func TestWhichProcessorsCarry(t *testing.T) {
	g, err := pipeline.New(pipeline.Default)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[events.Processor][]events.Processor{
		"":  nil,
		raw: nil,
		off: {raw, def},
		def: {raw, off},
		pl:  {raw, off, def},
	}
	for replayFrom, wantCarried := range cases {
		decided := map[events.Processor]int64{}
		var carried []events.Processor
		for _, p := range g.Processors() {
			node, _ := g.Node(p)
			c := carryCase{Generation: 2, ReplayFrom: replayFrom,
				Recomputed: g.Recomputes(replayFrom, p), LastGood: good(1), Needs: node.Needs,
				UpstreamCarried: map[events.Processor]int64{}}
			for _, need := range node.Needs {
				c.UpstreamCarried[need] = decided[need]
			}
			from, _ := carrySource(c)
			decided[p] = from
			if from != 0 {
				carried = append(carried, p)
			}
			if from != 0 && from != 1 {
				t.Errorf("replay from %q: %s carries g%d, want g1", replayFrom, p, from)
			}
		}
		if !reflect.DeepEqual(carried, wantCarried) {
			t.Errorf("replay from %q carries %v, want %v", replayFrom, carried, wantCarried)
		}
	}
}
