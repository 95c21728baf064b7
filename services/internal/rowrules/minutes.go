package rowrules

import "math"

// Game length, in seconds of team player time (five players on the floor).
const (
	// regulationSeconds is 240 team minutes: 48 game minutes times five players.
	regulationSeconds = 240 * 60
	// overtimeSeconds is 25 team minutes: a 5-minute overtime times five players.
	overtimeSeconds = 25 * 60
	// SecondsTolerance is the slack, in seconds, allowed on every minutes check for the
	// rounding quirks of box scores: 1 s.
	SecondsTolerance = 1.0
)

// overtimesFromSeconds returns k when teamSeconds is 240 + 25*k team minutes for an
// integer k ≥ 0, within SecondsTolerance. ok is false for any other value, NaN and ±Inf.
func overtimesFromSeconds(teamSeconds float64) (k int, ok bool) {
	if math.IsNaN(teamSeconds) || math.IsInf(teamSeconds, 0) || teamSeconds > 1e9 {
		return 0, false
	}
	periods := math.Round((teamSeconds - regulationSeconds) / overtimeSeconds)
	want := regulationSeconds + overtimeSeconds*periods
	if periods < 0 || math.Abs(teamSeconds-want) > SecondsTolerance {
		return 0, false
	}
	return int(periods), true
}

// withinGame reports whether a player's seconds fit in a game whose team player time is
// teamSeconds: 0 ≤ seconds ≤ teamSeconds/5 + SecondsTolerance. NaN never fits.
func withinGame(seconds, teamSeconds float64) bool {
	return seconds >= 0 && seconds <= teamSeconds/5+SecondsTolerance
}
