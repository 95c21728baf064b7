// Package rawload is the root processor: on a load request for a game date it reads the
// date's NBA.com box scores (dated through the league game log) and writes the raw tables
// for the generation the request opened.
package rawload

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
	"github.com/tipoff-nba/tipoff/services/internal/choreo"
	"github.com/tipoff-nba/tipoff/services/internal/processors"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
	"github.com/tipoff-nba/tipoff/services/internal/warehouse"
)

// Hooks returns the raw loader's hooks, reading box scores from dataDir.
func Hooks(dataDir string, wh *warehouse.Warehouse) choreo.Hooks {
	l := &loader{dataDir: dataDir, wh: wh, slots: newSlots(MaxConcurrentLoads)}
	return choreo.Hooks{Run: l.run, Carry: l.carry}
}

type loader struct {
	dataDir string
	wh      *warehouse.Warehouse
	// logs keeps the game logs parsed across load requests: parsing the season's log once
	// per request, with up to TIPOFF_MAX_OUTSTANDING requests at once, was most of the
	// worker's memory.
	logs boxscore.GameLogCache
	// slots bounds the runs executing at once (MaxConcurrentLoads).
	slots slots
}

func (l *loader) run(ctx context.Context, run choreo.Run) (choreo.Result, error) {
	if err := l.slots.acquire(ctx); err != nil {
		return choreo.Result{}, err
	}
	defer l.slots.release()
	inv, err := l.logs.Discover(l.dataDir)
	if err != nil {
		return choreo.Result{}, choreo.Permanent(err)
	}
	day, ok := inv.Date(run.GameDate)
	if !ok {
		return choreo.Result{}, choreo.Permanent(fmt.Errorf(
			"no box score in %s is dated %s by the game log", l.dataDir, run.GameDate))
	}
	key := tables.Key{GameDate: run.GameDate, Generation: run.Generation}
	players, teams, empty, err := loadGames(inv, day, key)
	if err != nil {
		return choreo.Result{}, choreo.Permanent(err)
	}
	missing := mergeSorted(day.Missing, empty)
	report, err := l.wh.Save(ctx, warehouse.RawBatch{Key: key, Players: players, Teams: teams})
	if err != nil {
		return choreo.Result{Validation: report.Counts()}, processors.SaveError(err)
	}
	digest, err := choreo.Digest(day.BoxScores, day.Expected, tables.Unkeyed(players),
		tables.Unkeyed(teams))
	if err != nil {
		return choreo.Result{}, err
	}
	return choreo.Result{
		Rows: map[string]int{tables.GamebookPlayerStats: len(players),
			tables.GamebookTeamStats: len(teams)},
		Games: len(day.BoxScores) - len(empty), MissingGames: missing, InputDigest: digest,
		Anomalies:  append(warehouse.Findings(report), emptyNotes(empty)...),
		Validation: report.Counts(),
	}, nil
}

// carry stores the raw rows of generation from again under the run's generation, without
// reading the files: a replay from a downstream processor recomputes from the same data.
func (l *loader) carry(ctx context.Context, run choreo.Run, from int64, want map[string]int) (
	choreo.Result, error) {
	if err := l.slots.acquire(ctx); err != nil {
		return choreo.Result{}, err
	}
	defer l.slots.release()
	key := tables.Key{GameDate: run.GameDate, Generation: from}
	players, err := l.wh.RawPlayers(ctx, key)
	if err != nil {
		return choreo.Result{}, err
	}
	teams, err := l.wh.RawTeams(ctx, key)
	if err != nil {
		return choreo.Result{}, err
	}
	read := map[string]int{tables.GamebookPlayerStats: len(players),
		tables.GamebookTeamStats: len(teams)}
	return processors.CarryBatch(ctx, l.wh, warehouse.RawBatch{Key: key, Players: players,
		Teams: teams}, read, want, run.Generation)
}

// loadGames reads every box score of the day. A box score published without players or
// team statistics (a final game whose stats section is missing) counts as a missing game:
// the date is partial, its other games are processed, usage is never computed from empty
// totals, and a later load request completes the date once the box score is there. Any
// other bad file fails the date. empty lists those games' ids.
func loadGames(inv boxscore.Inventory, day boxscore.DateInventory, key tables.Key) (
	players []tables.RawPlayer, teams []tables.RawTeam, empty []string, err error) {
	for _, rel := range day.BoxScores {
		g, err := boxscore.LoadGame(inv, rel)
		if errors.Is(err, boxscore.ErrBoxScoreEmpty) {
			id, idErr := boxscore.GameIDFromPath(rel)
			if idErr != nil {
				return nil, nil, nil, idErr
			}
			empty = append(empty, id)
			continue
		}
		if err != nil {
			return nil, nil, nil, err
		}
		p, t := boxscore.Rows(g, key, rel)
		players, teams = append(players, p...), append(teams, t...)
	}
	if len(teams) == 0 {
		return nil, nil, nil, fmt.Errorf("game date %s: every box score is empty (%v)",
			key.GameDate, empty)
	}
	return players, teams, empty, nil
}

func mergeSorted(a, b []string) []string {
	out := append(append([]string(nil), a...), b...)
	sort.Strings(out)
	return out
}

func emptyNotes(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = "boxscore_missing: game " + id + " has a box score without players or " +
			"team statistics; the date stays partial until it is loaded again"
	}
	return out
}
