package workerlog

import (
	"strings"
	"testing"
)

var sample = strings.Join([]string{
	"Dec 04 emulator output",
	`{"severity":"INFO","time":"2026-12-04T16:46:06.44650394Z","message":"run claimed",` +
		`"service":"team_offense","game_date":"2026-02-03",` +
		`"event_id":"2026-02-03.raw_boxscores.g1"}`,
	`{"severity":"INFO","time":"2026-12-04T16:46:06.5Z","message":"run complete",` +
		`"service":"team_offense","duration_ms":12,"firestore_writes_total":5}`,
	`{"severity":"WARNING","time":"2026-12-04T16:46:07Z","message":"claim failed",` +
		`"service":"player_game_summary"}`,
}, "\n")

func TestRead(t *testing.T) {
	l, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if l.Foreign != 1 || len(l.Entries) != 3 {
		t.Fatalf("Read: %d entries, %d foreign", len(l.Entries), l.Foreign)
	}
	claimed := l.With(MsgClaimed)
	if len(claimed) != 1 || claimed[0].EventID != "2026-02-03.raw_boxscores.g1" ||
		claimed[0].Time.Nanosecond() != 446503940 {
		t.Fatalf("claimed = %+v", claimed)
	}
	done := l.With(MsgComplete)[0]
	if *done.DurationMS != 12 || *done.WritesTotal != 5 || claimed[0].WritesTotal != nil {
		t.Fatalf("complete = %+v", done)
	}
	if got := l.Severities(); got["WARNING player_game_summary: claim failed"] != 1 || len(got) != 1 {
		t.Fatalf("Severities = %v", got)
	}
	if l.Count("team_offense", MsgComplete) != 1 {
		t.Fatal("Count")
	}
}
