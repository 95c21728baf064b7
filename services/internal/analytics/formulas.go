package analytics

import (
	"fmt"
	"math"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// Game length constants, in minutes of team player time (five players on court).
const (
	// RegulationTeamMinutes is 5 players × 48 minutes.
	RegulationTeamMinutes = 240.0
	// OvertimeTeamMinutes is 5 players × 5 minutes, added per overtime period.
	OvertimeTeamMinutes = 25.0
)

// FreeThrowWeight is the share of free throw attempts that end a possession (0.44), as in
// the possessions, usage and true-shooting formulas.
const FreeThrowWeight = 0.44

// minutesTolerance absorbs float error when checking team minutes; it is far below the
// tenth of a second the feeds give.
const minutesTolerance = 1e-6

// Overtimes returns the number of overtime periods implied by a team's total player
// minutes: (teamMinutes - 240) / 25. It fails with ErrTeamMinutes unless that is a whole,
// non-negative number (239:58 or 250:00 are not a game length).
func Overtimes(teamMinutes float64) (int, error) {
	n, err := overtimes(teamMinutes)
	if err != nil {
		return 0, fmt.Errorf("analytics: %w", err)
	}
	return n, nil
}

// overtimes is Overtimes with errors left for the caller to place.
func overtimes(teamMinutes float64) (int, error) {
	periods := (teamMinutes - RegulationTeamMinutes) / OvertimeTeamMinutes
	whole := math.Round(periods)
	if periods < -minutesTolerance || math.Abs(periods-whole) > minutesTolerance {
		return 0, fmt.Errorf("team minutes %v: %w", teamMinutes, ErrTeamMinutes)
	}
	return int(whole), nil
}

// Possessions estimates a team's possessions: FGA + 0.44*FTA - OREB + TOV.
func Possessions(s tables.Shooting) float64 {
	return float64(s.FGA) + FreeThrowWeight*float64(s.FTA) - float64(s.OREB) + float64(s.TOV)
}

// Pace is possessions per 48 minutes of game time: 48 * ((teamPoss + oppPoss) / 2) /
// (teamMinutes / 5). teamMinutes is the team's total player minutes (240 in regulation).
func Pace(teamPoss, oppPoss, teamMinutes float64) float64 {
	return 48 * ((teamPoss + oppPoss) / 2) / (teamMinutes / 5)
}

// Rating is points per 100 possessions: 100 * points / possessions. Zero possessions give
// an error rather than an infinity.
func Rating(points int, possessions float64) (float64, error) {
	r, err := rating(points, possessions)
	if err != nil {
		return 0, fmt.Errorf("analytics: %w", err)
	}
	return r, nil
}

// rating is Rating with errors left for the caller to place.
func rating(points int, possessions float64) (float64, error) {
	if possessions <= 0 {
		return 0, fmt.Errorf("cannot rate %d points over %v possessions", points, possessions)
	}
	return 100 * float64(points) / possessions, nil
}

// EffectiveFGPct is (FGM + 0.5*FG3M) / FGA as a fraction; nil without a field goal attempt.
func EffectiveFGPct(s tables.Shooting) *float64 {
	if s.FGA == 0 {
		return nil
	}
	v := (float64(s.FGM) + 0.5*float64(s.FG3M)) / float64(s.FGA)
	return &v
}

// TrueShootingPct is PTS / (2 * (FGA + 0.44*FTA)) as a fraction; nil without a field goal
// or free throw attempt.
func TrueShootingPct(s tables.Shooting) *float64 {
	attempts := float64(s.FGA) + FreeThrowWeight*float64(s.FTA)
	if attempts == 0 {
		return nil
	}
	v := float64(s.PTS) / (2 * attempts)
	return &v
}
