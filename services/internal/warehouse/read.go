package warehouse

import (
	"context"
	"fmt"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// Reads return the rows of key's date AND generation only, sorted by game id, team id
// and (for player tables) person id. Rows of another generation are invisible: a reader
// that holds generation G gets no rows once G+1 has replaced the date, and can tell its
// input is outdated. No row is an empty slice, not an error.

// RawPlayers returns the gamebook_player_stats rows of key.
func (w *Warehouse) RawPlayers(ctx context.Context, key tables.Key) ([]tables.RawPlayer, error) {
	return readRows(ctx, w.db, rawPlayerSpec(), key)
}

// RawTeams returns the gamebook_team_stats rows of key.
func (w *Warehouse) RawTeams(ctx context.Context, key tables.Key) ([]tables.RawTeam, error) {
	return readRows(ctx, w.db, rawTeamSpec(), key)
}

// TeamOffense returns the team_offense_game_summary rows of key.
func (w *Warehouse) TeamOffense(ctx context.Context, key tables.Key) ([]tables.TeamOffense,
	error) {
	return readRows(ctx, w.db, teamOffenseSpec(), key)
}

// TeamDefense returns the team_defense_game_summary rows of key.
func (w *Warehouse) TeamDefense(ctx context.Context, key tables.Key) ([]tables.TeamDefense,
	error) {
	return readRows(ctx, w.db, teamDefenseSpec(), key)
}

// PlayerGames returns the player_game_summary rows of key.
func (w *Warehouse) PlayerGames(ctx context.Context, key tables.Key) ([]tables.PlayerGame,
	error) {
	return readRows(ctx, w.db, playerGameSpec(), key)
}

func readRows[T any](ctx context.Context, q querier, spec tableSpec[T], key tables.Key) ([]T,
	error) {
	rows, err := q.QueryContext(ctx, spec.selectSQL(), key.GameDate, key.Generation)
	if err != nil {
		return nil, fmt.Errorf("warehouse: read %s %s generation %d: %w", spec.name,
			key.GameDate, key.Generation, err)
	}
	defer rows.Close()

	out := []T{}
	for rows.Next() {
		var row T
		if err := rows.Scan(spec.fields(&row)...); err != nil {
			return nil, fmt.Errorf("warehouse: scan %s: %w", spec.name, err)
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("warehouse: read %s: %w", spec.name, err)
	}
	return out, nil
}

// StoredGeneration returns the generation of gameDate that table holds: the generation
// of its last successful Save for that date, even if that Save was an empty batch. ok is
// false when the date was never saved. table is one of the names in package tables; any
// other name gives an error wrapping ErrUnknownTable.
func (w *Warehouse) StoredGeneration(ctx context.Context, table, gameDate string) (
	gen int64, ok bool, err error) {
	if !knownTable(table) {
		return 0, false, fmt.Errorf("warehouse: stored generation: %w %q", ErrUnknownTable, table)
	}
	gen, ok, err = storedGeneration(ctx, w.db, table, gameDate)
	if err != nil {
		return 0, false, fmt.Errorf("warehouse: %w", err)
	}
	return gen, ok, nil
}
