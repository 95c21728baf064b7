package boxscore

import (
	"errors"
	"fmt"
	"sort"
)

// GameLog is the league game log (NBA.com leaguegamelog, team mode): for each game, its
// date and its two team rows. It is where box scores get their game date from. The zero
// value is an empty log.
type GameLog struct {
	games map[string]LoggedGame
}

// LoggedGame is one game of the log.
type LoggedGame struct {
	GameID string
	// Date is GAME_DATE, the US Eastern calendar date, as YYYY-MM-DD.
	Date string
	// Teams are the game's two team rows, in log order.
	Teams []LoggedTeam
	// Source is the game log file the game was read from.
	Source string
}

// LoggedTeam is one team row of the log.
type LoggedTeam struct {
	TeamID  int64
	Tricode string // TEAM_ABBREVIATION
	// Matchup is "HOU @ OKC" (away) or "OKC vs. HOU" (home); neutral-site games use "@" on
	// both rows, so it cannot always tell home from away.
	Matchup string
	// Minutes is the team's total player minutes, a whole number (240, 265, 290, ...).
	Minutes int
	PTS     int
	// TOV includes team turnovers (shot-clock violations and the like), so it can be
	// higher than the box score's team turnovers, which are the players' sum.
	TOV int
}

// errGameRows is the reason given when a game does not have exactly two team rows.
var errGameRows = errors.New("a game needs exactly two team rows")

// Len returns the number of games in the log.
func (l GameLog) Len() int {
	return len(l.games)
}

// Game returns the game with the given id.
func (l GameLog) Game(gameID string) (LoggedGame, bool) {
	g, ok := l.games[gameID]
	return g, ok
}

// Date returns the game date (YYYY-MM-DD) of a game id.
func (l GameLog) Date(gameID string) (string, bool) {
	g, ok := l.games[gameID]
	return g.Date, ok
}

// Dates returns every game date of the log, sorted.
func (l GameLog) Dates() []string {
	seen := make(map[string]bool)
	var dates []string
	for _, g := range l.games {
		if !seen[g.Date] {
			seen[g.Date] = true
			dates = append(dates, g.Date)
		}
	}
	sort.Strings(dates)
	return dates
}

// GamesOn returns the ids of the games dated date, sorted by game id.
func (l GameLog) GamesOn(date string) []string {
	var ids []string
	for id, g := range l.games {
		if g.Date == date {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

// merge adds the games of other to l. A game listed by both must have the same date.
func (l *GameLog) merge(other GameLog) error {
	if l.games == nil {
		l.games = make(map[string]LoggedGame)
	}
	for id, g := range other.games {
		if prev, ok := l.games[id]; ok && prev.Date != g.Date {
			reason := fmt.Errorf("%s dates the game %s", prev.Source, prev.Date)
			return fieldErr(g.Source, "GAME_DATE of game "+id, g.Date, reason)
		}
		l.games[id] = g
	}
	return nil
}
