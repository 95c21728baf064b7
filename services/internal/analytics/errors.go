package analytics

import "errors"

// Sentinel errors, returned wrapped with the game and team concerned; use errors.Is.
var (
	// ErrTeamMinutes means team minutes are not 240 + 25 per overtime, or the two teams of
	// a game disagree. Usage for such a team is blocked.
	ErrTeamMinutes = errors.New("team minutes are not 240 + 25 per overtime")
	// ErrGamePairing means a game does not have exactly two matching team rows.
	ErrGamePairing = errors.New("a game needs exactly two matching team rows")
	// ErrMissingTeamTotals means a player row has no team offense row for its game and
	// team (or one of another generation). Usage is never computed without team totals.
	ErrMissingTeamTotals = errors.New("no team totals for the player's game and team")
	// ErrNoTeamUsage means a team has no field goal attempt, free throw attempt or
	// turnover, so the usage denominator is zero while a player has minutes.
	ErrNoTeamUsage = errors.New("team usage denominator is zero")
	// ErrUsageIdentity means Σ(usage × minutes) ÷ (team minutes ÷ 5) is not 100 for a team.
	ErrUsageIdentity = errors.New("usage does not add up to 100 for the team")
	// ErrInvalidPlayerRow means a player row contradicts itself (for example time played
	// without Played, or the same person twice in one game).
	ErrInvalidPlayerRow = errors.New("invalid player row")
)
