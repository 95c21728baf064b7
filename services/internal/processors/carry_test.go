package processors

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/choreo"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
	"github.com/tipoff-nba/tipoff/services/internal/warehouse"
)

// TestCarryBatchRefusesRowsThatAreGone: when the warehouse no longer holds what the
// earlier completion reported, nothing is carried (so the processor computes) and the
// date is not written at the new generation.
func TestCarryBatchRefusesRowsThatAreGone(t *testing.T) {
	ctx := context.Background()
	wh, err := warehouse.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer wh.Close()
	key := tables.Key{GameDate: "2024-01-10", Generation: 1}
	want := map[string]int{tables.PlayerGameSummary: 26}

	_, err = CarryBatch(ctx, wh, warehouse.PlayerGameBatch{Key: key}, map[string]int{
		tables.PlayerGameSummary: 0}, want, 2)

	if !errors.Is(err, choreo.ErrCarryGone) {
		t.Fatalf("err = %v, want ErrCarryGone", err)
	}
	if _, ok, err := wh.StoredGeneration(ctx, tables.PlayerGameSummary, key.GameDate); ok ||
		err != nil {
		t.Errorf("the date was written (ok %v, err %v); a refused carry writes nothing", ok, err)
	}
}
