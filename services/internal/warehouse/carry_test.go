package warehouse

import (
	"context"
	"reflect"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// TestRegeneratedCarriesEveryTableForward: each processor's output of g1, read back and
// regenerated to g2, saves through Save, replaces g1 and reads back at g2 with the same
// values; the batch it came from is left at g1.
func TestRegeneratedCarriesEveryTableForward(t *testing.T) {
	w, _ := openTemp(t)
	key2 := tables.Key{GameDate: key1.GameDate, Generation: 2}
	raw := rawBatch(key1, 3, "0022500716", "0022500717")
	off, def, pg := summaryBatches(raw)
	for _, b := range []Batch{raw, off, def, pg} {
		save(t, w, b)
	}

	stored1 := readAll(t, w, key1)
	for _, b := range []Batch{raw, off, def, pg} {
		next, err := Regenerated(b, 2)
		if err != nil {
			t.Fatal(err)
		}
		if next.batchKey() != key2 || b.batchKey() != key1 {
			t.Fatalf("keys: regenerated %v, source %v; want %v and %v", next.batchKey(),
				b.batchKey(), key2, key1)
		}
		save(t, w, next)
	}

	if got := readAll(t, w, key1); !reflect.DeepEqual(got, emptyRead()) {
		t.Errorf("g1 still readable after the carry: %+v", got)
	}
	stored2 := readAll(t, w, key2)
	if !reflect.DeepEqual(unkeyedRead(stored2), unkeyedRead(stored1)) {
		t.Error("values changed when carried from g1 to g2")
	}
	if n := countAll(t, w, tables.PlayerGameSummary); n != len(pg.Rows) {
		t.Errorf("%d player rows stored, want %d (replaced, not appended)", n, len(pg.Rows))
	}
}

// storedRead is every table's rows of one key.
type storedRead struct {
	players []tables.RawPlayer
	teams   []tables.RawTeam
	off     []tables.TeamOffense
	def     []tables.TeamDefense
	pg      []tables.PlayerGame
}

func emptyRead() storedRead {
	return storedRead{players: []tables.RawPlayer{}, teams: []tables.RawTeam{},
		off: []tables.TeamOffense{}, def: []tables.TeamDefense{}, pg: []tables.PlayerGame{}}
}

func readAll(t *testing.T, w *Warehouse, key tables.Key) storedRead {
	t.Helper()
	ctx := context.Background()
	var r storedRead
	var err error
	if r.players, err = w.RawPlayers(ctx, key); err != nil {
		t.Fatal(err)
	}
	if r.teams, err = w.RawTeams(ctx, key); err != nil {
		t.Fatal(err)
	}
	if r.off, err = w.TeamOffense(ctx, key); err != nil {
		t.Fatal(err)
	}
	if r.def, err = w.TeamDefense(ctx, key); err != nil {
		t.Fatal(err)
	}
	if r.pg, err = w.PlayerGames(ctx, key); err != nil {
		t.Fatal(err)
	}
	return r
}

func unkeyedRead(r storedRead) storedRead {
	return storedRead{players: tables.Unkeyed(r.players), teams: tables.Unkeyed(r.teams),
		off: tables.Unkeyed(r.off), def: tables.Unkeyed(r.def), pg: tables.Unkeyed(r.pg)}
}
