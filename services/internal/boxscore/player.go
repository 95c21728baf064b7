package boxscore

import (
	"bytes"
	"errors"
	"strconv"
)

// errStatsWithoutMinutes is the reason given when a player without minutes has stats.
var errStatsWithoutMinutes = errors.New("player has no minutes but a non-zero stat")

// errNoName is the reason given when a player has neither first nor family name.
var errNoName = errors.New("player has no name")

// parsePlayer reads one element of a team's players array.
func parsePlayer(p jsonObject) (Player, error) {
	var pl Player
	var err error
	if pl.PersonID, err = p.int("personId", 1); err != nil {
		return Player{}, err
	}
	if pl.FirstName, err = p.string("firstName"); err != nil {
		return Player{}, err
	}
	if pl.FamilyName, err = p.string("familyName"); err != nil {
		return Player{}, err
	}
	if pl.Name() == "" {
		return Player{}, fieldErr(p.file, p.fieldPath("familyName"), "", errNoName)
	}
	if pl.Position, err = p.string("position"); err != nil {
		return Player{}, err
	}
	if pl.Comment, err = p.string("comment"); err != nil {
		return Player{}, err
	}

	stats, err := p.object("statistics")
	if err != nil {
		return Player{}, err
	}
	if pl.Minutes, err = playerMinutes(stats); err != nil {
		return Player{}, err
	}
	if pl.Stats, err = parseStats(stats); err != nil {
		return Player{}, err
	}
	if pl.PlusMinus, err = stats.float("plusMinusPoints"); err != nil {
		return Player{}, err
	}

	if !pl.Minutes.Present {
		return pl, checkNoStats(stats, pl)
	}
	return pl, nil
}

// playerMinutes reads statistics.minutes. An empty string, null or an absent field all
// mean the player did not play (NBA.com writes ""; other feeds write null or omit it).
func playerMinutes(stats jsonObject) (Minutes, error) {
	raw, ok := stats.fields["minutes"]
	if !ok || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return Minutes{}, nil
	}
	s, err := asString(stats.file, stats.fieldPath("minutes"), raw)
	if err != nil {
		return Minutes{}, err
	}
	m, err := parseMinutes(s)
	if err != nil {
		return Minutes{}, fieldErr(stats.file, stats.fieldPath("minutes"), s, err)
	}
	return m, nil
}

// checkNoStats rejects a row without minutes that still has a stat: it would be either
// a lost minutes value or a misplaced line, and usage cannot be computed for it.
func checkNoStats(stats jsonObject, pl Player) error {
	for _, f := range statFields {
		if v := *f.get(&pl.Stats); v != 0 {
			return fieldErr(stats.file, stats.fieldPath(f.name), strconv.Itoa(v),
				errStatsWithoutMinutes)
		}
	}
	if pl.PlusMinus != 0 {
		value := strconv.FormatFloat(pl.PlusMinus, 'f', -1, 64)
		return fieldErr(stats.file, stats.fieldPath("plusMinusPoints"), value,
			errStatsWithoutMinutes)
	}
	return nil
}
