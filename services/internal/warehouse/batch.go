package warehouse

import (
	"context"
	"database/sql"

	"github.com/tipoff-nba/tipoff/services/internal/rowrules"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// Batch is the rows of one date and generation for one table (two for RawBatch), as
// Save takes them. The set is closed: RawBatch, TeamOffenseBatch, TeamDefenseBatch and
// PlayerGameBatch are the only implementations.
type Batch interface {
	batchKey() tables.Key
	// tables names the tables the batch replaces, for errors.
	tables() []string
	check() rowrules.Report
	// replace deletes the date from the batch's tables and inserts the rows, in tx.
	replace(ctx context.Context, tx *sql.Tx) error
}

// RawBatch is the box scores of one date: player lines and team totals. Save replaces
// both raw tables together, so they always hold the same generation.
type RawBatch struct {
	tables.Key
	Players []tables.RawPlayer
	Teams   []tables.RawTeam
}

func (b RawBatch) batchKey() tables.Key { return b.Key }

func (b RawBatch) tables() []string {
	return []string{tables.GamebookPlayerStats, tables.GamebookTeamStats}
}

func (b RawBatch) check() rowrules.Report { return rowrules.CheckRaw(b.Key, b.Players, b.Teams) }

func (b RawBatch) replace(ctx context.Context, tx *sql.Tx) error {
	if err := replaceDate(ctx, tx, rawPlayerSpec(), b.Key, b.Players); err != nil {
		return err
	}
	return replaceDate(ctx, tx, rawTeamSpec(), b.Key, b.Teams)
}

// TeamOffenseBatch is the team_offense_game_summary rows of one date.
type TeamOffenseBatch struct {
	tables.Key
	Rows []tables.TeamOffense
}

func (b TeamOffenseBatch) batchKey() tables.Key { return b.Key }

func (b TeamOffenseBatch) tables() []string { return []string{tables.TeamOffenseGameSummary} }

func (b TeamOffenseBatch) check() rowrules.Report {
	return rowrules.CheckTeamOffense(b.Key, b.Rows)
}

func (b TeamOffenseBatch) replace(ctx context.Context, tx *sql.Tx) error {
	return replaceDate(ctx, tx, teamOffenseSpec(), b.Key, b.Rows)
}

// TeamDefenseBatch is the team_defense_game_summary rows of one date.
type TeamDefenseBatch struct {
	tables.Key
	Rows []tables.TeamDefense
}

func (b TeamDefenseBatch) batchKey() tables.Key { return b.Key }

func (b TeamDefenseBatch) tables() []string { return []string{tables.TeamDefenseGameSummary} }

func (b TeamDefenseBatch) check() rowrules.Report {
	return rowrules.CheckTeamDefense(b.Key, b.Rows)
}

func (b TeamDefenseBatch) replace(ctx context.Context, tx *sql.Tx) error {
	return replaceDate(ctx, tx, teamDefenseSpec(), b.Key, b.Rows)
}

// PlayerGameBatch is the player_game_summary rows of one date.
type PlayerGameBatch struct {
	tables.Key
	Rows []tables.PlayerGame
}

func (b PlayerGameBatch) batchKey() tables.Key { return b.Key }

func (b PlayerGameBatch) tables() []string { return []string{tables.PlayerGameSummary} }

func (b PlayerGameBatch) check() rowrules.Report {
	return rowrules.CheckPlayerGames(b.Key, b.Rows)
}

func (b PlayerGameBatch) replace(ctx context.Context, tx *sql.Tx) error {
	return replaceDate(ctx, tx, playerGameSpec(), b.Key, b.Rows)
}
