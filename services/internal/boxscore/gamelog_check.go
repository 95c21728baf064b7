package boxscore

import (
	"fmt"
	"strconv"
)

// CheckGame compares a parsed box score with its game log rows: the log must list the game
// with the same two teams, and per team the same tricode, team minutes and points, and at
// least as many turnovers (the log's TOV adds team turnovers to the players'). An error is
// a [*FieldError] on the box score field; it wraps [ErrNotInGameLog] when the log lacks
// the game and [ErrTotalsMismatch] when the two sources disagree.
func (l GameLog) CheckGame(g Game) error {
	lg, ok := l.games[g.GameID]
	if !ok {
		return fieldErr(g.File, "boxScoreTraditional.gameId", g.GameID, ErrNotInGameLog)
	}
	for _, side := range []struct {
		name string
		team Team
	}{{"homeTeam", g.Home}, {"awayTeam", g.Away}} {
		if err := checkLoggedTeam(g.File, side.name, side.team, lg); err != nil {
			return err
		}
	}
	return nil
}

// checkLoggedTeam compares one side of a box score with its row in the game log.
func checkLoggedTeam(file, side string, t Team, lg LoggedGame) error {
	var row *LoggedTeam
	for i := range lg.Teams {
		if lg.Teams[i].TeamID == t.TeamID {
			row = &lg.Teams[i]
		}
	}
	if row == nil {
		reason := fmt.Errorf("%w: %s has no row for this team in game %s",
			ErrTotalsMismatch, lg.Source, lg.GameID)
		return fieldErr(file, "boxScoreTraditional."+side+".teamId",
			strconv.FormatInt(t.TeamID, 10), reason)
	}

	mismatch := func(field, value string, logCol string, logValue any) error {
		reason := fmt.Errorf("%w: %s %s is %v", ErrTotalsMismatch, lg.Source, logCol, logValue)
		return fieldErr(file, "boxScoreTraditional."+side+"."+field, value, reason)
	}
	switch {
	case row.Tricode != t.Tricode:
		return mismatch("teamTricode", t.Tricode, "TEAM_ABBREVIATION", row.Tricode)
	case float64(row.Minutes*60) != t.Minutes.Seconds:
		return mismatch("statistics.minutes", formatSeconds(t.Minutes.Seconds), "MIN",
			row.Minutes)
	case row.PTS != t.Totals.PTS:
		return mismatch("statistics.points", strconv.Itoa(t.Totals.PTS), "PTS", row.PTS)
	case row.TOV < t.Totals.TOV:
		return mismatch("statistics.turnovers", strconv.Itoa(t.Totals.TOV), "TOV", row.TOV)
	}
	return nil
}
