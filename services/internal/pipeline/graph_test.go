package pipeline

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/tipoff-nba/tipoff/events"
)

func TestDefaultGraph(t *testing.T) {
	g, err := New(Default)
	if err != nil {
		t.Fatal(err)
	}
	got := g.Triggers(events.PlayerGameSummary)
	want := []events.Type{events.TeamOffenseCompleted, events.TeamDefenseCompleted}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("player triggers = %v, want %v", got, want)
	}
	if got := g.Triggers(events.RawBoxScores); !reflect.DeepEqual(got,
		[]events.Type{events.LoadRequested}) {
		t.Errorf("raw triggers = %v", got)
	}
	deps := g.Dependents(events.TeamOffense)
	if !reflect.DeepEqual(deps, []events.Processor{events.TeamOffense, events.PlayerGameSummary}) {
		t.Errorf("dependents of team_offense = %v", deps)
	}
}

func TestInvalidGraphs(t *testing.T) {
	cases := map[string]struct {
		nodes []Node
		say   string
	}{
		"duplicate": {append(append([]Node{}, Default...), Node{Processor: events.TeamOffense}),
			"declared twice"},
		"missing provider": {[]Node{{Processor: events.PlayerGameSummary,
			Needs: []events.Processor{events.TeamOffense}}}, "no processor provides"},
		"cycle": {[]Node{
			{Processor: events.TeamOffense, Needs: []events.Processor{events.TeamDefense}},
			{Processor: events.TeamDefense, Needs: []events.Processor{events.TeamOffense}},
		}, "cycle"},
		"unknown processor": {[]Node{{Processor: "box_plus_minus"}}, "no completion event type"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := New(tc.nodes)
			if !errors.Is(err, ErrInvalidGraph) || !strings.Contains(err.Error(), tc.say) {
				t.Fatalf("err = %v, want ErrInvalidGraph saying %q", err, tc.say)
			}
		})
	}
}
