package boxscore

import (
	"errors"
	"fmt"
	"regexp"
)

// tricodePattern is the shape of a team tricode ("DET", "NOP").
var tricodePattern = regexp.MustCompile(`^[A-Z]{3}$`)

// errNoTeamMinutes is the reason given when a team's minutes are empty.
var errNoTeamMinutes = errors.New("team minutes must be a positive time")

// parseTeam reads one side of a box score: its players first, so that an empty box score
// is reported as ErrBoxScoreEmpty rather than as a missing team field.
func parseTeam(t jsonObject) (Team, error) {
	players, err := t.objects("players")
	if err != nil {
		return Team{}, err
	}
	stats, err := t.object("statistics")
	if err != nil {
		return Team{}, err
	}
	if len(players) == 0 {
		return Team{}, fieldErr(t.file, t.fieldPath("players"), "[]", ErrBoxScoreEmpty)
	}
	if len(stats.fields) == 0 {
		return Team{}, fieldErr(t.file, t.fieldPath("statistics"), "{}", ErrBoxScoreEmpty)
	}

	var team Team
	if team.TeamID, err = t.int("teamId", 1); err != nil {
		return Team{}, err
	}
	if team.Tricode, err = t.string("teamTricode"); err != nil {
		return Team{}, err
	}
	if !tricodePattern.MatchString(team.Tricode) {
		reason := errors.New("want three capital letters")
		return Team{}, fieldErr(t.file, t.fieldPath("teamTricode"), team.Tricode, reason)
	}

	if team.Minutes, err = teamMinutes(stats); err != nil {
		return Team{}, err
	}
	if team.Totals, err = parseStats(stats); err != nil {
		return Team{}, err
	}
	if team.PlusMinus, err = stats.float("plusMinusPoints"); err != nil {
		return Team{}, err
	}

	team.Players = make([]Player, len(players))
	for i, p := range players {
		if team.Players[i], err = parsePlayer(p); err != nil {
			return Team{}, err
		}
	}
	return team, nil
}

// teamMinutes reads a team's statistics.minutes, which must be a positive time.
func teamMinutes(stats jsonObject) (Minutes, error) {
	raw, err := stats.string("minutes")
	if err != nil {
		return Minutes{}, err
	}
	m, err := parseMinutes(raw)
	if err != nil {
		return Minutes{}, fieldErr(stats.file, stats.fieldPath("minutes"), raw, err)
	}
	if m.Seconds <= 0 {
		return Minutes{}, fieldErr(stats.file, stats.fieldPath("minutes"), raw,
			fmt.Errorf("%w: %w", ErrInvalidMinutes, errNoTeamMinutes))
	}
	return m, nil
}
