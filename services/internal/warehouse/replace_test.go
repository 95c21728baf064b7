package warehouse

import (
	"context"
	"errors"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

func TestSaveTwiceReplacesNotDuplicates(t *testing.T) {
	ctx := context.Background()
	w, _ := openTemp(t)
	save(t, w, rawBatch(key1, 1, "0022500716", "0022500717"))

	// The rerun has one game fewer and new values for the other.
	again := rawBatch(key1, 7, "0022500716")
	save(t, w, again)
	save(t, w, again)

	players, err := w.RawPlayers(ctx, key1)
	if err != nil {
		t.Fatal(err)
	}
	if len(players) != 12 || countAll(t, w, tables.GamebookPlayerStats) != 12 {
		t.Fatalf("%d players read, %d stored; want 12 and 12", len(players),
			countAll(t, w, tables.GamebookPlayerStats))
	}
	for _, p := range players {
		if p.GameID != "0022500716" || (p.Played && p.AST < 7) {
			t.Errorf("row not replaced: game %s person %d ast %d", p.GameID, p.PersonID, p.AST)
		}
	}
	if n := countAll(t, w, tables.GamebookTeamStats); n != 2 {
		t.Errorf("%d team rows stored, want 2", n)
	}
}

func TestReaderAtOldGenerationSeesNothing(t *testing.T) {
	ctx := context.Background()
	w, _ := openTemp(t)
	_, _, pg1 := summaryBatches(rawBatch(key1, 1, "0022500716"))
	save(t, w, pg1)

	key2 := tables.Key{GameDate: key1.GameDate, Generation: 2}
	_, _, pg2 := summaryBatches(rawBatch(key2, 2, "0022500716"))
	save(t, w, pg2)

	old, err := w.PlayerGames(ctx, key1)
	if err != nil || len(old) != 0 {
		t.Errorf("reader at generation 1 got %d rows, %v; want none", len(old), err)
	}
	current, err := w.PlayerGames(ctx, key2)
	if err != nil || len(current) != len(pg2.Rows) {
		t.Errorf("reader at generation 2 got %d rows, %v; want %d", len(current), err,
			len(pg2.Rows))
	}
}

func TestEmptyBatchClearsDate(t *testing.T) {
	ctx := context.Background()
	w, _ := openTemp(t)
	off, _, _ := summaryBatches(rawBatch(key1, 1, "0022500716"))
	save(t, w, off)
	key2 := tables.Key{GameDate: key1.GameDate, Generation: 2}

	save(t, w, TeamOffenseBatch{Key: key2})

	if n := countAll(t, w, tables.TeamOffenseGameSummary); n != 0 {
		t.Errorf("%d rows left after an empty batch, want 0", n)
	}
	gen, ok, err := w.StoredGeneration(ctx, tables.TeamOffenseGameSummary, key1.GameDate)
	if gen != 2 || !ok || err != nil {
		t.Errorf("StoredGeneration = %d, %v, %v; want 2, true, nil", gen, ok, err)
	}
	// The empty generation 2 still outranks generation 1.
	if _, err := w.Save(ctx, off); !errors.Is(err, ErrStaleGeneration) {
		t.Errorf("generation 1 after an empty generation 2: %v, want ErrStaleGeneration", err)
	}
}

func TestOtherDatesUntouched(t *testing.T) {
	ctx := context.Background()
	w, _ := openTemp(t)
	other := tables.Key{GameDate: "2026-01-23", Generation: 1}
	save(t, w, rawBatch(other, 1, "0022500730"))

	save(t, w, rawBatch(key1, 1, "0022500716"))
	save(t, w, RawBatch{Key: key1})

	if rows, err := w.RawPlayers(ctx, other); err != nil || len(rows) != 12 {
		t.Errorf("other date has %d rows, %v; want 12", len(rows), err)
	}
}
