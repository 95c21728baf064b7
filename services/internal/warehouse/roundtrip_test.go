package warehouse

import (
	"context"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

var key1 = tables.Key{GameDate: "2026-01-22", Generation: 1}

// sortedLike sorts rows as reads do: game id, team id, person id.
func sortedLike[T any](rows []T, id func(T) (string, int64, int64)) []T {
	out := slices.Clone(rows)
	sort.SliceStable(out, func(i, j int) bool {
		gi, ti, pi := id(out[i])
		gj, tj, pj := id(out[j])
		if gi != gj {
			return gi < gj
		}
		if ti != tj {
			return ti < tj
		}
		return pi < pj
	})
	return out
}

func checkRows[T any](t *testing.T, table string, got []T, err error, want []T) {
	t.Helper()
	if err != nil {
		t.Fatalf("read %s: %v", table, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: read back\n%+v\nwant\n%+v", table, got, want)
	}
}

func TestRoundTripEveryTable(t *testing.T) {
	ctx := context.Background()
	w, _ := openTemp(t)
	// Games out of order, so the test sees the reads sort.
	raw := rawBatch(key1, 1, "0022500720", "0022500716")
	slices.Reverse(raw.Players)
	off, def, pg := summaryBatches(raw)
	off.Rows[0].EffectiveFGPct = nil // a NULL among the nullable columns

	for _, b := range []Batch{raw, off, def, pg} {
		save(t, w, b)
	}

	players := func(r tables.RawPlayer) (string, int64, int64) {
		return r.GameID, r.TeamID, r.PersonID
	}
	teams := func(r tables.RawTeam) (string, int64, int64) { return r.GameID, r.TeamID, 0 }
	got, err := w.RawPlayers(ctx, key1)
	checkRows(t, tables.GamebookPlayerStats, got, err, sortedLike(raw.Players, players))
	gotTeams, err := w.RawTeams(ctx, key1)
	checkRows(t, tables.GamebookTeamStats, gotTeams, err, sortedLike(raw.Teams, teams))
	gotOff, err := w.TeamOffense(ctx, key1)
	checkRows(t, tables.TeamOffenseGameSummary, gotOff, err, sortedLike(off.Rows,
		func(r tables.TeamOffense) (string, int64, int64) { return r.GameID, r.TeamID, 0 }))
	gotDef, err := w.TeamDefense(ctx, key1)
	checkRows(t, tables.TeamDefenseGameSummary, gotDef, err, sortedLike(def.Rows,
		func(r tables.TeamDefense) (string, int64, int64) { return r.GameID, r.TeamID, 0 }))
	gotPG, err := w.PlayerGames(ctx, key1)
	checkRows(t, tables.PlayerGameSummary, gotPG, err, sortedLike(pg.Rows,
		func(r tables.PlayerGame) (string, int64, int64) { return r.GameID, r.TeamID, r.PersonID }))
	if len(got) != 24 || got[0].GameID != "0022500716" {
		t.Errorf("read %d players, first of game %s; want 24, first of 0022500716", len(got),
			got[0].GameID)
	}
}

func TestReadOfUnsavedDateIsEmpty(t *testing.T) {
	w, _ := openTemp(t)

	rows, err := w.PlayerGames(context.Background(), key1)

	if err != nil || rows == nil || len(rows) != 0 {
		t.Errorf("PlayerGames of an unsaved date = %v, %v; want empty slice, nil", rows, err)
	}
}

// TestColumnsCoverEveryField: every field of every row type has exactly one column, so a
// field added to package tables cannot be silently dropped on save.
func TestColumnsCoverEveryField(t *testing.T) {
	checkCoverage(t, rawPlayerSpec())
	checkCoverage(t, rawTeamSpec())
	checkCoverage(t, teamOffenseSpec())
	checkCoverage(t, teamDefenseSpec())
	checkCoverage(t, playerGameSpec())
}

func checkCoverage[T any](t *testing.T, spec tableSpec[T]) {
	t.Helper()
	var row T
	want := map[uintptr]string{}
	leafFields(reflect.ValueOf(&row).Elem(), "", want)

	got := map[uintptr]bool{}
	for _, p := range spec.fields(&row) {
		addr := reflect.ValueOf(p).Pointer()
		if _, ok := want[addr]; !ok || got[addr] {
			t.Errorf("%s: column points at no field or a field twice", spec.name)
		}
		got[addr] = true
	}
	for addr, name := range want {
		if !got[addr] {
			t.Errorf("%s: field %s has no column", spec.name, name)
		}
	}
}

// leafFields maps the address of every non-struct field of v (embedded structs
// flattened) to its name.
func leafFields(v reflect.Value, prefix string, out map[uintptr]string) {
	for i := range v.NumField() {
		f, name := v.Field(i), prefix+v.Type().Field(i).Name
		if f.Kind() == reflect.Struct {
			leafFields(f, name+".", out)
			continue
		}
		out[f.Addr().Pointer()] = name
	}
}
