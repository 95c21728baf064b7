package hops

import (
	"strings"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/bench/internal/workerlog"
)

const hopLog = `{"time":"2026-01-01T00:00:00.030Z","message":"completion published","service":"raw_boxscores","published_event_id":"d.raw.g1"}
{"time":"2026-01-01T00:00:00.045Z","message":"run claimed","service":"team_offense","game_date":"d","event_id":"d.raw.g1"}
{"time":"2026-01-01T00:00:00.050Z","message":"run claimed","service":"team_defense","game_date":"d","event_id":"d.raw.g1"}
{"time":"2026-01-01T00:00:00.090Z","message":"run claimed","service":"team_defense","game_date":"d","event_id":"d.raw.g1"}
{"time":"2026-01-01T00:00:00.100Z","message":"run claimed","service":"raw_boxscores","game_date":"d","event_id":"d.load.r1"}
{"time":"2026-01-01T00:00:00.200Z","message":"completion published","service":"team_offense","published_event_id":"d.off.g1"}
{"time":"2026-01-01T00:00:00.250Z","message":"run claimed","service":"player_game_summary","game_date":"d","event_id":"d.off.g1"}
`

func TestMeasure(t *testing.T) {
	l, err := workerlog.Read(strings.NewReader(hopLog))
	if err != nil {
		t.Fatal(err)
	}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	times := func(id string) (time.Time, bool) {
		if id == "d.raw.g1" {
			return base.Add(10 * time.Millisecond), true
		}
		return time.Time{}, false
	}
	hs, missing := Measure(l, times)
	if len(hs) != 2 || len(missing) != 1 || missing[0] != "d.off.g1" {
		t.Fatalf("Measure = %+v, missing %v", hs, missing)
	}
	off := hs[0]
	if off.Edge != "raw_boxscores→team_offense" || off.Total != 35*time.Millisecond ||
		off.CommitPublish != 20*time.Millisecond || off.DeliverClaim != 15*time.Millisecond {
		t.Fatalf("offense hop = %+v", off)
	}
	if hs[1].Total != 40*time.Millisecond {
		t.Fatalf("a second claim of the same date must not count: %+v", hs[1])
	}
	if len(ByEdge(hs)) != 2 || len(Totals(hs)) != 2 {
		t.Fatal("ByEdge/Totals")
	}
}
