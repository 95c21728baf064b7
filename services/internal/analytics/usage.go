package analytics

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// UsageIdentityTolerance is how far, in percentage points, a team's usage identity may be
// from 100 before CheckUsageIdentity reports it. It only absorbs float error: the identity
// is exact for complete inputs.
const UsageIdentityTolerance = 0.01

// LowMinutesThreshold is the playing time, in minutes, under which a usage rate rests on
// too few possessions to compare: one shot in 0:40 (J. McLaughlin, 0022500679) gives a
// usage near 67, while no starter of the 64 real box scores passes 44. One minute matches
// case C13 (0:04 is flagged, a rounded 1:00 is not). Usage is still noisy just above it
// (K. Wallace, two shots in 1:23, 0022500673: near 64), so the flag marks only the worst
// rows.
const LowMinutesThreshold = 1.0

// LowMinutes reports whether a player who played (minutes above zero) played under
// LowMinutesThreshold. Tables carry no flag for it; it is for quality checks and displays.
func LowMinutes(minutes float64) bool {
	return minutes > 0 && minutes < LowMinutesThreshold
}

// usageEvents is what a player or team uses up: FGA + 0.44*FTA + TOV.
func usageEvents(s tables.Shooting) float64 {
	return float64(s.FGA) + FreeThrowWeight*float64(s.FTA) + float64(s.TOV)
}

// UsageRate is the box-score usage rate in percent, unrounded:
//
//	100 * (FGA + 0.44*FTA + TOV) * (teamMinutes / 5) /
//	      (minutes * (TeamFGA + 0.44*TeamFTA + TeamTOV))
//
// player and team are the player's line and his team's totals in the same game; minutes and
// teamMinutes are in minutes (team minutes from the data: 240, 265, 290, ...). minutes must
// be positive. A zero team denominator gives ErrNoTeamUsage.
func UsageRate(player, team tables.Shooting, minutes, teamMinutes float64) (float64, error) {
	usage, err := usageRate(player, team, minutes, teamMinutes)
	if err != nil {
		return 0, fmt.Errorf("analytics: %w", err)
	}
	return usage, nil
}

// usageRate is UsageRate with errors left for the caller to place.
func usageRate(player, team tables.Shooting, minutes, teamMinutes float64) (float64, error) {
	if minutes <= 0 {
		return 0, fmt.Errorf("usage needs positive minutes, got %v", minutes)
	}
	teamEvents := usageEvents(team)
	if teamEvents == 0 {
		return 0, fmt.Errorf("team FGA, FTA and TOV are all zero: %w", ErrNoTeamUsage)
	}
	return 100 * usageEvents(player) * (teamMinutes / 5) / (minutes * teamEvents), nil
}

// TeamGame identifies one team in one game.
type TeamGame struct {
	GameID string
	TeamID int64
}

// TeamUsageIdentity returns, per team and game of rows, Σ(usage × minutes) ÷ (team minutes
// ÷ 5), summed over the rows that have a usage rate. It is 100 whenever the team totals are
// the sums of the players' rows and every player who used a possession has minutes; any
// other value means the rows were built from partial or mismatched inputs.
func TeamUsageIdentity(rows []tables.PlayerGame) map[TeamGame]float64 {
	sums := make(map[TeamGame]float64)
	for _, r := range rows {
		tg := TeamGame{GameID: r.GameID, TeamID: r.TeamID}
		sums[tg] += 0
		if r.UsageRate != nil && r.TeamMinutes > 0 {
			sums[tg] += *r.UsageRate * r.Minutes / (r.TeamMinutes / 5)
		}
	}
	return sums
}

// CheckUsageIdentity fails with ErrUsageIdentity, naming every offending team and game,
// when a team's usage identity is more than UsageIdentityTolerance away from 100.
func CheckUsageIdentity(rows []tables.PlayerGame) error {
	var bad []string
	for tg, v := range TeamUsageIdentity(rows) {
		if math.Abs(v-100) > UsageIdentityTolerance {
			bad = append(bad, fmt.Sprintf("game %s team %d: %.4f", tg.GameID, tg.TeamID, v))
		}
	}
	if len(bad) == 0 {
		return nil
	}
	sort.Strings(bad)
	return fmt.Errorf("analytics: %w: %s", ErrUsageIdentity, strings.Join(bad, "; "))
}
