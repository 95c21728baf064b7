package warehouse

import (
	"context"
	"errors"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

func TestDateSummary(t *testing.T) {
	ctx := context.Background()
	w, _ := openTemp(t)
	raw := rawBatch(key1, 1, "0022500716", "0022500717")
	off, _, pg := summaryBatches(raw)
	save(t, w, raw)
	save(t, w, off)
	key2 := tables.Key{GameDate: key1.GameDate, Generation: 2}
	pg.Key = key2
	for i := range pg.Rows {
		pg.Rows[i].Key = key2
	}
	save(t, w, pg)

	s, err := w.DateSummary(ctx, key1.GameDate)
	if err != nil {
		t.Fatal(err)
	}

	want := []TableSummary{
		{tables.GamebookPlayerStats, true, 1, 24},
		{tables.GamebookTeamStats, true, 1, 4},
		{tables.TeamOffenseGameSummary, true, 1, 4},
		{tables.TeamDefenseGameSummary, false, 0, 0},
		{tables.PlayerGameSummary, true, 2, 24},
	}
	for i, w := range want {
		if s.Tables[i] != w {
			t.Errorf("Tables[%d] = %+v, want %+v", i, s.Tables[i], w)
		}
	}
	var maxUsage float64
	for _, r := range pg.Rows {
		if r.UsageRate != nil {
			maxUsage = max(maxUsage, *r.UsageRate)
		}
	}
	if s.MaxUsageRate == nil || *s.MaxUsageRate != maxUsage {
		t.Errorf("MaxUsageRate = %v, want %v", s.MaxUsageRate, maxUsage)
	}
}

func TestDateSummaryWithoutUsage(t *testing.T) {
	w, _ := openTemp(t)
	s, err := w.DateSummary(context.Background(), "2026-01-01")
	if err != nil || s.MaxUsageRate != nil || len(s.Tables) != 5 {
		t.Fatalf("empty date: %+v, %v", s, err)
	}

	save(t, w, PlayerGameBatch{Key: key1})
	s, err = w.DateSummary(context.Background(), key1.GameDate)
	pg, _ := s.Table(tables.PlayerGameSummary)
	if err != nil || s.MaxUsageRate != nil || !pg.Stored || pg.Rows != 0 {
		t.Errorf("date saved empty: %+v, %v", s, err)
	}
}

func TestStoredGeneration(t *testing.T) {
	ctx := context.Background()
	w, _ := openTemp(t)

	if _, ok, err := w.StoredGeneration(ctx, tables.GamebookTeamStats, key1.GameDate); ok ||
		err != nil {
		t.Errorf("unsaved date: ok %v, err %v", ok, err)
	}
	_, _, err := w.StoredGeneration(ctx, "players; DROP TABLE x", key1.GameDate)
	if !errors.Is(err, ErrUnknownTable) {
		t.Errorf("unknown table: %v, want ErrUnknownTable", err)
	}
}
