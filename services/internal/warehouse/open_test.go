package warehouse

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenConfiguresEveryConnection: the pragmas come from the DSN, so every pooled
// connection has them, not only the first.
func TestOpenConfiguresEveryConnection(t *testing.T) {
	ctx := context.Background()
	w, _ := openTemp(t)
	for i := range 3 {
		conn, err := w.db.Conn(ctx) // a new connection while the others are held
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		var mode string
		var busy, fk int
		for _, q := range []struct {
			pragma string
			into   any
		}{{"journal_mode", &mode}, {"busy_timeout", &busy}, {"foreign_keys", &fk}} {
			if err := conn.QueryRowContext(ctx, "PRAGMA "+q.pragma).Scan(q.into); err != nil {
				t.Fatal(err)
			}
		}
		if mode != "wal" || busy != int(BusyTimeout.Milliseconds()) || fk != 0 {
			t.Errorf("connection %d: journal_mode %s, busy_timeout %d, foreign_keys %d", i, mode,
				busy, fk)
		}
	}
}

func TestOpenIsIdempotent(t *testing.T) {
	ctx := context.Background()
	w, path := openTemp(t)
	save(t, w, rawBatch(key1, 1, "0022500716"))

	again, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("second Open: %v", err)
	}
	defer again.Close()

	if rows, err := again.RawPlayers(ctx, key1); err != nil || len(rows) != 12 {
		t.Errorf("rows after reopening: %d, %v; want 12", len(rows), err)
	}
}

func TestOpenRefusesNonFiles(t *testing.T) {
	for _, path := range []string{"", ":memory:", filepath.Join(t.TempDir(), "a.db?mode=ro"),
		filepath.Join(t.TempDir(), "missing-dir", "a.db")} {
		w, err := Open(context.Background(), path)
		if err == nil {
			w.Close()
			t.Errorf("Open(%q) succeeded", path)
			continue
		}
		if !strings.HasPrefix(err.Error(), "warehouse: ") {
			t.Errorf("Open(%q) error %q lacks the package prefix", path, err)
		}
	}
}

func TestCloseThenUseFails(t *testing.T) {
	w, _ := openTemp(t)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := w.RawTeams(context.Background(), key1); err == nil {
		t.Error("read after Close succeeded")
	}
	if _, err := w.Save(context.Background(), RawBatch{Key: key1}); err == nil {
		t.Error("Save after Close succeeded")
	}
}
