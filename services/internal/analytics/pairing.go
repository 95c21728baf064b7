package analytics

import (
	"fmt"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// opponents returns, for each team row, the row of its opponent in the same game. Every
// game must have exactly two rows that name each other, one home and one away, with the
// same key and the same team minutes, and those minutes must be 240 + 25 per overtime.
func opponents(teams []tables.RawTeam) ([]tables.RawTeam, error) {
	byGame := make(map[string][]int)
	var order []string
	for i, t := range teams {
		if _, ok := byGame[t.GameID]; !ok {
			order = append(order, t.GameID)
		}
		byGame[t.GameID] = append(byGame[t.GameID], i)
	}

	opp := make([]tables.RawTeam, len(teams))
	for _, id := range order {
		rows := byGame[id]
		if len(rows) != 2 {
			return nil, fmt.Errorf("analytics: game %s: %d team rows: %w", id, len(rows),
				ErrGamePairing)
		}
		a, b := teams[rows[0]], teams[rows[1]]
		if err := checkPair(a, b); err != nil {
			return nil, err
		}
		opp[rows[0]], opp[rows[1]] = b, a
	}
	return opp, nil
}

// checkPair checks that two team rows describe the same game from both sides.
func checkPair(a, b tables.RawTeam) error {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("analytics: game %s: %s: %w", a.GameID, fmt.Sprintf(format, args...),
			ErrGamePairing)
	}
	switch {
	case a.TeamID == b.TeamID:
		return fail("team %d listed twice", a.TeamID)
	case a.OpponentID != b.TeamID || b.OpponentID != a.TeamID:
		return fail("teams %d and %d do not name each other as opponent", a.TeamID, b.TeamID)
	case a.Home == b.Home:
		return fail("teams %d and %d are both home or both away", a.TeamID, b.TeamID)
	case a.Key != b.Key:
		return fail("team rows from %+v and %+v", a.Key, b.Key)
	}

	if a.Seconds != b.Seconds {
		return fmt.Errorf("analytics: game %s: team %d played %v s, team %d %v s: %w",
			a.GameID, a.TeamID, a.Seconds, b.TeamID, b.Seconds, ErrTeamMinutes)
	}
	if _, err := overtimes(a.Seconds / 60); err != nil {
		return fmt.Errorf("analytics: game %s: %w", a.GameID, err)
	}
	return nil
}
