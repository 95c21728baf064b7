package hops

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/bench/internal/workerlog"
)

// hopLog is a worker log in which raw_boxscores' completion (event time 10 ms) reaches
// both team workers, one of which claims twice, and team_offense's reaches the player.
var hopLog = strings.Join([]string{
	line("00.030", "completion published", "raw_boxscores", `"published_event_id":"d.raw.g1"`),
	line("00.045", "run claimed", "team_offense", claim("d.raw.g1")),
	line("00.050", "run claimed", "team_defense", claim("d.raw.g1")),
	line("00.090", "run claimed", "team_defense", claim("d.raw.g1")),
	line("00.100", "run claimed", "raw_boxscores", claim("d.load.r1")),
	line("00.200", "completion published", "team_offense", `"published_event_id":"d.off.g1"`),
	line("00.250", "run claimed", "player_game_summary", claim("d.off.g1")),
}, "\n")

func line(at, msg, service, extra string) string {
	return fmt.Sprintf(`{"time":"2026-01-01T00:00:%sZ","message":%q,"service":%q,%s}`, at, msg,
		service, extra)
}

func claim(eventID string) string {
	return fmt.Sprintf(`"game_date":"d","event_id":%q`, eventID)
}

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
