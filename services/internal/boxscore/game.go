package boxscore

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// Game is one boxscoretraditionalv3 file, validated. It has no game date: NBA.com's box
// score does not carry one (meta.time is when the file was fetched), so the date comes from
// the game log.
type Game struct {
	// File is the path the game was parsed from, as given to ParseGame.
	File string
	// GameID is the zero-padded NBA game id, e.g. "0022500716". Never a number.
	GameID string
	Home   Team
	Away   Team
}

// Team is one side of a box score.
type Team struct {
	TeamID  int64
	Tricode string
	// Minutes is the team's total player time: 240:00 in regulation, plus 25:00 per
	// overtime period.
	Minutes Minutes
	// Totals are the team statistics. ParseGame checks that they equal the player sums.
	Totals    tables.Shooting
	PlusMinus float64
	Players   []Player
}

// Player is one player line of a box score, including players who did not play.
type Player struct {
	PersonID   int64
	FirstName  string
	FamilyName string // carries suffixes: "Smith Jr.", "Holland II"
	// Position is "F", "C" or "G" for the five starters and "" for the bench.
	Position string
	// Comment is the reason for not playing, verbatim ("DNP - Coach's Decision",
	// "DND_LEAGUE_SUSPENSION"); "" for players who played.
	Comment string
	// Minutes is not Present for players who did not play.
	Minutes   Minutes
	Stats     tables.Shooting
	PlusMinus float64
}

// Starter reports whether the box score lists the player as a starter.
func (p Player) Starter() bool {
	return p.Position != ""
}

// Name is the player's first and family name.
func (p Player) Name() string {
	return strings.TrimSpace(p.FirstName + " " + p.FamilyName)
}

// gameIDPattern is the shape of an NBA game id: ten digits, leading zeros kept.
var gameIDPattern = regexp.MustCompile(`^\d{10}$`)

// errBadGameID is the reason given for a game id of the wrong shape.
var errBadGameID = errors.New("want a ten-digit game id such as 0022500716")

// ParseGame parses and validates one boxscoretraditionalv3 file. path names the file in
// errors (it is not read); body is its content.
//
// Every field used is checked: a missing field, a wrong type, an impossible count, a team
// total that differs from its players' sum, a player listed twice, team minutes that do
// not match the players' time, or a game id that differs from the file name is a
// [*FieldError]. A team with no players or empty statistics gives [ErrBoxScoreEmpty].
// Malformed JSON gives [ErrMalformedJSON]. All errors name path.
func ParseGame(path string, body []byte) (Game, error) {
	root, err := decodeRoot(path, body)
	if err != nil {
		return Game{}, err
	}
	box, err := root.object("boxScoreTraditional")
	if err != nil {
		return Game{}, err
	}

	gameID, err := parseGameID(box, path)
	if err != nil {
		return Game{}, err
	}

	home, err := parseSide(box, "homeTeam", "homeTeamId")
	if err != nil {
		return Game{}, err
	}
	away, err := parseSide(box, "awayTeam", "awayTeamId")
	if err != nil {
		return Game{}, err
	}

	g := Game{File: path, GameID: gameID, Home: home, Away: away}
	if err := checkGame(g); err != nil {
		return Game{}, err
	}
	return g, nil
}

// parseGameID reads gameId and checks it against the file name when the name is a game id.
func parseGameID(box jsonObject, path string) (string, error) {
	id, err := box.string("gameId")
	if err != nil {
		return "", err
	}
	if !gameIDPattern.MatchString(id) {
		return "", fieldErr(box.file, box.fieldPath("gameId"), id, errBadGameID)
	}

	name := strings.TrimSuffix(filepath.Base(path), ".json")
	if gameIDPattern.MatchString(name) && name != id {
		reason := fmt.Errorf("file name says game %s", name)
		return "", fieldErr(box.file, box.fieldPath("gameId"), id, reason)
	}
	return id, nil
}

// parseSide reads homeTeam or awayTeam and checks its teamId against idField.
// The team is read first so that an empty side reports ErrBoxScoreEmpty whatever else the
// file lacks.
func parseSide(box jsonObject, side, idField string) (Team, error) {
	t, err := box.object(side)
	if err != nil {
		return Team{}, err
	}
	team, err := parseTeam(t)
	if err != nil {
		return Team{}, err
	}

	wantID, err := box.int(idField, 1)
	if err != nil {
		return Team{}, err
	}
	if team.TeamID != wantID {
		reason := fmt.Errorf("boxScoreTraditional.%s is %d", idField, wantID)
		return Team{}, fieldErr(t.file, t.fieldPath("teamId"),
			strconv.FormatInt(team.TeamID, 10), reason)
	}
	return team, nil
}
