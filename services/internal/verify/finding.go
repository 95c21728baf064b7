package verify

import (
	"fmt"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// Rule names, stable: they key quality documents, events and metrics.
const (
	RuleRowCount          = "row_count_matches_raw"
	RuleUsagePresent      = "usage_present_when_played"
	RuleUsageIdentity     = "team_usage_identity"
	RuleTeamTotals        = "team_totals_match_players"
	RuleTeamMinutes       = "team_minutes_match_periods"
	RuleOpponentPoints    = "opponent_points_match"
	RulePlayerMinutesSums = "player_minutes_sum_to_team"
)

// UsageTolerance is how far a team's minute-weighted usage may be from 100.
const UsageTolerance = 0.01

// MinutesToleranceSeconds is how far the players' summed time may be from the team's.
// Real box scores are off by up to one second per team-game.
const MinutesToleranceSeconds = 5.0

type finder struct {
	key       tables.Key
	processor events.Processor
	out       []events.Finding
}

func (f *finder) add(rule string, sev events.Severity, game string, teamID int64, team string,
	personID int64, value, detail string) {
	f.out = append(f.out, events.Finding{
		GameDate: f.key.GameDate, Generation: f.key.Generation, Processor: f.processor,
		Rule: rule, Severity: sev, GameID: game, TeamID: teamID, Team: team,
		PersonID: personID, Value: value, Detail: detail,
	})
}

func (f *finder) rowCount(table string, got, want int) {
	if got != want {
		f.add(RuleRowCount, events.SeverityCritical, "", 0, "", 0, fmt.Sprint(got),
			fmt.Sprintf("%s holds %d rows of the generation; the raw load has %d", table, got, want))
	}
}

// Critical reports whether any finding is critical.
func Critical(fs []events.Finding) bool {
	for _, f := range fs {
		if f.Severity == events.SeverityCritical {
			return true
		}
	}
	return false
}

// Lines renders findings one per line, for logs and the processor's anomalies.
func Lines(fs []events.Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = fmt.Sprintf("%s (%s) game %s %s: %s — %s", f.Rule, f.Severity, f.GameID, f.Team,
			f.Value, f.Detail)
	}
	return out
}
