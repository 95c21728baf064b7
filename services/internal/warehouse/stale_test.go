package warehouse

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

func TestStaleGenerationRefused(t *testing.T) {
	ctx := context.Background()
	w, _ := openTemp(t)
	key3 := tables.Key{GameDate: key1.GameDate, Generation: 3}
	save(t, w, rawBatch(key3, 3, "0022500716"))
	before, _ := w.RawPlayers(ctx, key3)

	key2 := tables.Key{GameDate: key1.GameDate, Generation: 2}
	_, err := w.Save(ctx, rawBatch(key2, 2, "0022500716", "0022500717"))

	if !errors.Is(err, ErrStaleGeneration) {
		t.Fatalf("Save of generation 2 over 3: %v, want ErrStaleGeneration", err)
	}
	if !strings.HasPrefix(err.Error(), "warehouse: ") || !strings.Contains(err.Error(), "3") {
		t.Errorf("error %q lacks the prefix or the stored generation", err)
	}
	after, _ := w.RawPlayers(ctx, key3)
	if !reflect.DeepEqual(before, after) || countAll(t, w, tables.GamebookPlayerStats) != 12 ||
		countAll(t, w, tables.GamebookTeamStats) != 2 {
		t.Errorf("a refused save changed the tables")
	}
}

func TestNewerGenerationReplaces(t *testing.T) {
	ctx := context.Background()
	w, _ := openTemp(t)
	save(t, w, rawBatch(key1, 1, "0022500716", "0022500717"))
	key2 := tables.Key{GameDate: key1.GameDate, Generation: 2}

	save(t, w, rawBatch(key2, 2, "0022500716"))

	for _, table := range []string{tables.GamebookPlayerStats, tables.GamebookTeamStats} {
		gen, ok, err := w.StoredGeneration(ctx, table, key1.GameDate)
		if gen != 2 || !ok || err != nil {
			t.Errorf("%s: StoredGeneration = %d, %v, %v; want 2", table, gen, ok, err)
		}
	}
	if n := countAll(t, w, tables.GamebookPlayerStats); n != 12 {
		t.Errorf("%d player rows stored, want 12 of generation 2 only", n)
	}
}
