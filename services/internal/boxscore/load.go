package boxscore

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// LoadDate reads every box score the inventory holds for key.GameDate, parses it, checks it
// against the game log and returns its raw rows stamped with key. Games of the date that
// have no box score (DateInventory.Missing) are not an error here: whether a date may be
// processed without them is the caller's rule. A date with no box score is an error.
func LoadDate(inv Inventory, key tables.Key) ([]tables.RawPlayer, []tables.RawTeam, error) {
	d, ok := inv.Date(key.GameDate)
	if !ok {
		return nil, nil, fmt.Errorf("boxscore: game date %s: no box score in %s",
			key.GameDate, inv.DataDir)
	}

	var players []tables.RawPlayer
	var teams []tables.RawTeam
	for _, rel := range d.BoxScores {
		g, err := LoadGame(inv, rel)
		if err != nil {
			return nil, nil, err
		}
		p, t := Rows(g, key, rel)
		players = append(players, p...)
		teams = append(teams, t...)
	}
	return players, teams, nil
}

// LoadGame reads, parses and checks one box score file of the inventory; rel is its path
// relative to the data directory.
func LoadGame(inv Inventory, rel string) (Game, error) {
	body, err := os.ReadFile(filepath.Join(inv.DataDir, filepath.FromSlash(rel)))
	if err != nil {
		return Game{}, fmt.Errorf("boxscore: reading box score: %w", err)
	}
	g, err := ParseGame(rel, body)
	if err != nil {
		return Game{}, err
	}
	if err := inv.Log.CheckGame(g); err != nil {
		return Game{}, err
	}
	return g, nil
}
