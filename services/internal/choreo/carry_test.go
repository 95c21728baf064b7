package choreo

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"go.uber.org/zap"

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

// TestRunOrCarry: a spared processor carries and reports its last good output's digest,
// games and missing games; when the rows to carry are gone it computes instead; a
// recomputed processor never calls Carry.
func TestRunOrCarry(t *testing.T) {
	g, err := pipeline.New(pipeline.Default)
	if err != nil {
		t.Fatal(err)
	}
	last := &state.LastGood{Generation: 1, Rows: map[string]int{"team_offense_game_summary": 8},
		Games: 4, MissingGames: []string{"0022500002"}, InputDigest: "sha256:g1"}
	verdict := state.Verdict{Generation: 2,
		Date:      state.DateDoc{ReplayFrom: string(pl)},
		Processor: state.ProcessorDoc{LastGood: last},
		Upstream:  map[events.Processor]state.ProcessorDoc{raw: {CarriedFrom: 1}}}
	cases := []struct {
		name        string
		replayFrom  events.Processor
		carryErr    error
		wantCarried int64
		wantCalls   string
	}{
		{"carried", pl, nil, 1, "carry"},
		{"rows gone", pl, fmt.Errorf("%w: test", ErrCarryGone), 0, "carry run"},
		{"recomputed", off, nil, 0, "run"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var calls []string
			w := &Worker{processor: off, needs: []events.Processor{raw}, graph: g,
				hooks: Hooks{
					Run: func(context.Context, Run) (Result, error) {
						calls = append(calls, "run")
						return Result{InputDigest: "sha256:computed"}, nil
					},
					Carry: func(_ context.Context, run Run, from int64, want map[string]int) (
						Result, error) {
						calls = append(calls, "carry")
						if from != 1 || run.Generation != 2 || !reflect.DeepEqual(want, last.Rows) {
							t.Errorf("carry from g%d to g%d of %v", from, run.Generation, want)
						}
						return Result{Rows: want}, tc.carryErr
					}}}
			v := verdict
			v.Date.ReplayFrom = string(tc.replayFrom)

			r, err := w.runOrCarry(context.Background(), zap.NewNop(), Run{Generation: 2}, v)

			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(calls, " "); got != tc.wantCalls {
				t.Errorf("calls %q, want %q", got, tc.wantCalls)
			}
			if r.CarriedFrom != tc.wantCarried {
				t.Errorf("carried_from %d, want %d", r.CarriedFrom, tc.wantCarried)
			}
			if tc.wantCarried > 0 && (r.InputDigest != "sha256:g1" || r.Games != 4 ||
				!reflect.DeepEqual(r.MissingGames, last.MissingGames)) {
				t.Errorf("carried result %+v does not repeat g1's digest, games and missing "+
					"games", r)
			}
			if tc.wantCarried == 0 && r.InputDigest != "sha256:computed" {
				t.Errorf("computed result %+v is not the run's", r)
			}
		})
	}
}
