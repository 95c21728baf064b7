package warehouse

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

func TestCountRows(t *testing.T) {
	ctx := context.Background()
	w, err := Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	n, err := w.CountRows(ctx, tables.PlayerGameSummary, "2026-02-03", 1)
	if err != nil || n != 0 {
		t.Fatalf("empty table: %d, %v", n, err)
	}
	if _, err := w.CountRows(ctx, "players; DROP TABLE x", "2026-02-03", 1); !errors.Is(err,
		ErrUnknownTable) {
		t.Errorf("unknown table: %v, want ErrUnknownTable", err)
	}
}
