package warehouse

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

func TestCriticalViolationWritesNothing(t *testing.T) {
	ctx := context.Background()
	w, _ := openTemp(t)
	_, _, good := summaryBatches(rawBatch(key1, 1, "0022500716"))
	save(t, w, good)
	before, _ := w.PlayerGames(ctx, key1)

	// The incident's shape: a played player without a usage rate, in an otherwise new
	// batch of the same date.
	_, _, bad := summaryBatches(rawBatch(key1, 5, "0022500716", "0022500717"))
	bad.Rows[3].UsageRate = nil
	report, err := w.Save(ctx, bad)

	if !errors.Is(err, ErrRejected) {
		t.Fatalf("Save = %v, want ErrRejected", err)
	}
	for _, want := range []string{"warehouse: ", "usage_present_when_played",
		tables.PlayerGameSummary, "0022500716", "person 1004", "usage_rate = null"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
	if report.Rows("usage_present_when_played") != 1 || !report.Critical() {
		t.Errorf("report %+v, want one usage_present_when_played row", report.Results)
	}
	after, _ := w.PlayerGames(ctx, key1)
	if !reflect.DeepEqual(before, after) || countAll(t, w, tables.PlayerGameSummary) != 12 {
		t.Errorf("a rejected batch changed player_game_summary")
	}
}

// TestRawRejectionKeepsBothTables: one bad team row blocks the player rows too.
func TestRawRejectionKeepsBothTables(t *testing.T) {
	ctx := context.Background()
	w, _ := openTemp(t)

	bad := rawBatch(key1, 1, "0022500716")
	bad.Teams[1].Seconds = 241 * 60
	_, err := w.Save(ctx, bad)

	if !errors.Is(err, ErrRejected) || !strings.Contains(err.Error(), "team_minutes_valid") {
		t.Fatalf("Save = %v, want ErrRejected naming team_minutes_valid", err)
	}
	if countAll(t, w, tables.GamebookPlayerStats)+countAll(t, w, tables.GamebookTeamStats) != 0 {
		t.Errorf("rows written despite a rejection")
	}
	if _, ok, _ := w.StoredGeneration(ctx, tables.GamebookPlayerStats, key1.GameDate); ok {
		t.Errorf("a rejected batch recorded a generation")
	}
}

func TestWarningsAreWritten(t *testing.T) {
	ctx := context.Background()
	w, _ := openTemp(t)
	_, _, pg := summaryBatches(rawBatch(key1, 1, "0022500716"))
	pg.Rows[5].UsageRate = ptr(0) // the DNP player

	report, err := w.Save(ctx, pg)

	if err != nil {
		t.Fatalf("Save with a warning: %v", err)
	}
	if report.Rows("usage_absent_when_not_played") != 1 || report.Critical() {
		t.Errorf("report %+v, want one warning", report.Results)
	}
	rows, _ := w.PlayerGames(ctx, key1)
	if len(rows) != len(pg.Rows) {
		t.Errorf("%d rows written, want %d", len(rows), len(pg.Rows))
	}
}

func TestInvalidKeyRejected(t *testing.T) {
	w, _ := openTemp(t)
	for _, key := range []tables.Key{
		{GameDate: "2026-1-22", Generation: 1},
		{GameDate: "2026-02-30", Generation: 1},
		{GameDate: "", Generation: 1},
		{GameDate: "2026-01-22", Generation: 0},
	} {
		_, err := w.Save(context.Background(), TeamDefenseBatch{Key: key})
		if !errors.Is(err, ErrRejected) {
			t.Errorf("key %+v: Save = %v, want ErrRejected", key, err)
		}
	}
	if _, err := w.Save(context.Background(), nil); !errors.Is(err, ErrRejected) {
		t.Errorf("nil batch: Save = %v, want ErrRejected", err)
	}
}

// TestSaveChecksEveryBatchType: each batch type runs its own table's rules.
func TestSaveChecksEveryBatchType(t *testing.T) {
	w, _ := openTemp(t)
	raw := rawBatch(key1, 1, "0022500716")
	off, def, pg := summaryBatches(raw)
	raw.Players[0].PTS++
	off.Rows[0].PTS++
	def.Rows[0].OppPTS++
	pg.Rows[0].PTS++

	for _, b := range []Batch{raw, off, def, pg} {
		report, err := w.Save(context.Background(), b)
		if !errors.Is(err, ErrRejected) || report.Rows("points_match_shots") != 1 {
			t.Errorf("%T: Save = %v, report %+v", b, err, report.Results)
		}
	}
}
