package season

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strings"
)

// ErrTeamLine is wrapped when a game log line cannot be the sum of consistent player rows
// (for example PTS ≠ 2·FGM + FG3M + FTM).
var ErrTeamLine = errors.New("season: inconsistent team line")

// playedWeights are the minute shares of the ten players who play, starters first; they
// add up to 240. Each game jitters them, so no two games split the same way.
var playedWeights = []float64{36, 35, 34, 33, 32, 24, 18, 14, 9, 5}

// starterPositions are the five starters' positions; the bench has "".
var starterPositions = []string{"G", "G", "F", "F", "C"}

// BenchedPlayers is how many rows per team did not play (minutes "" and a DNP comment).
const BenchedPlayers = 3

// dnpComment is the comment of a player who did not play.
const dnpComment = "DNP - Coach's Decision"

// RowsPerTeam is how many player rows each team has in a synthetic box score.
var RowsPerTeam = len(playedWeights) + BenchedPlayers

// synthesize builds the box score of g from its game log lines.
func synthesize(g Game) (boxScoreFile, error) {
	home, err := synthTeam(g.GameID, g.Home)
	if err != nil {
		return boxScoreFile{}, err
	}
	away, err := synthTeam(g.GameID, g.Away)
	if err != nil {
		return boxScoreFile{}, err
	}
	return boxScoreFile{
		Meta: meta{Version: 1, Request: "synthetic://tipoff-bench/boxscoretraditional/" + g.GameID,
			Time: g.Date + "T23:59:00.000Z"},
		BoxScoreTraditional: boxScore{GameID: g.GameID, AwayTeamID: g.Away.TeamID,
			HomeTeamID: g.Home.TeamID, HomeTeam: home, AwayTeam: away},
	}, nil
}

// synthTeam makes one side: ten players whose rows sum to the line, then three who did not
// play.
func synthTeam(gameID string, l TeamLine) (team, error) {
	rows, err := playerCounts(gameID, l)
	if err != nil {
		return team{}, err
	}
	plusMinus := split(5*l.PlusMinus, playedWeights)
	t := team{TeamID: l.TeamID, TeamTricode: l.Tricode}
	t.TeamCity, t.TeamName = splitTeamName(l.TeamName)
	t.TeamSlug = strings.ToLower(strings.ReplaceAll(t.TeamName, " ", "-"))

	var total, starters, bench counts
	for i, c := range rows {
		p := newPlayer(l, i)
		p.Statistics = c.statistics(clock(c.Seconds))
		pm := pyFloat(plusMinus[i])
		p.Statistics.PlusMinusPoints = &pm
		if i < len(starterPositions) {
			p.Position = starterPositions[i]
			starters = starters.add(c)
		} else {
			bench = bench.add(c)
		}
		total = total.add(c)
		t.Players = append(t.Players, p)
	}
	for i := len(rows); i < RowsPerTeam; i++ {
		p := newPlayer(l, i)
		p.Comment = dnpComment
		p.Statistics = counts{}.statistics("")
		zero := pyFloat(0)
		p.Statistics.PlusMinusPoints = &zero
		t.Players = append(t.Players, p)
	}
	t.Statistics = total.statistics(clock(l.Minutes * 60))
	teamPM := pyFloat(l.PlusMinus)
	t.Statistics.PlusMinusPoints = &teamPM
	t.Starters = starters.statistics(clock(starters.Seconds))
	t.Bench = bench.statistics(clock(bench.Seconds))
	return t, nil
}

// playerCounts splits a team line over the players who played. Shots are split as
// disjoint parts (threes made and missed, twos made and missed, free throws made and
// missed), so every row keeps made ≤ attempted and threes ≤ field goals, and every part
// sums back to the line exactly.
func playerCounts(gameID string, l TeamLine) ([]counts, error) {
	if err := checkLine(l); err != nil {
		return nil, fmt.Errorf("game %s team %s: %w", gameID, l.Tricode, err)
	}
	r := rand.New(rand.NewPCG(seed(gameID, l.TeamID), 1))
	minutes := jitter(r, playedWeights, 0.2)
	part := func(total int) []int { return split(total, jitter(r, minutes, 0.5)) }

	seconds := split(l.Minutes*60, minutes)
	threesMade, threesMissed := part(l.FG3M), part(l.FG3A-l.FG3M)
	twosMade := part(l.FGM - l.FG3M)
	twosMissed := part((l.FGA - l.FGM) - (l.FG3A - l.FG3M))
	ftMade, ftMissed := part(l.FTM), part(l.FTA-l.FTM)
	oreb, dreb, ast := part(l.OREB), part(l.DREB), part(l.AST)
	stl, blk, tov, pf := part(l.STL), part(l.BLK), part(l.TOV), part(l.PF)

	rows := make([]counts, len(playedWeights))
	for i := range rows {
		fgm := twosMade[i] + threesMade[i]
		rows[i] = counts{
			Seconds: seconds[i],
			FGM:     fgm, FGA: fgm + twosMissed[i] + threesMissed[i],
			FG3M: threesMade[i], FG3A: threesMade[i] + threesMissed[i],
			FTM: ftMade[i], FTA: ftMade[i] + ftMissed[i],
			OREB: oreb[i], DREB: dreb[i], AST: ast[i], STL: stl[i], BLK: blk[i],
			TOV: tov[i], PF: pf[i],
		}
	}
	return rows, nil
}

// checkLine refuses a line no set of consistent player rows can add up to.
func checkLine(l TeamLine) error {
	switch {
	case l.Minutes <= 0:
		return fmt.Errorf("%w: MIN %d", ErrTeamLine, l.Minutes)
	case l.FGM > l.FGA || l.FG3M > l.FG3A || l.FTM > l.FTA || l.FG3M > l.FGM:
		return fmt.Errorf("%w: made above attempted", ErrTeamLine)
	case l.FGA-l.FGM < l.FG3A-l.FG3M:
		return fmt.Errorf("%w: more missed threes than missed field goals", ErrTeamLine)
	case l.REB != l.OREB+l.DREB:
		return fmt.Errorf("%w: REB %d ≠ OREB %d + DREB %d", ErrTeamLine, l.REB, l.OREB, l.DREB)
	case l.PTS != 2*l.FGM+l.FG3M+l.FTM:
		return fmt.Errorf("%w: PTS %d ≠ 2·FGM + FG3M + FTM", ErrTeamLine, l.PTS)
	}
	for _, v := range []int{l.OREB, l.DREB, l.AST, l.STL, l.BLK, l.TOV, l.PF} {
		if v < 0 {
			return fmt.Errorf("%w: negative count", ErrTeamLine)
		}
	}
	return nil
}

// jitter returns weights each scaled by a factor in [1-spread, 1+spread].
func jitter(r *rand.Rand, weights []float64, spread float64) []float64 {
	out := make([]float64, len(weights))
	for i, w := range weights {
		out[i] = w * (1 - spread + 2*spread*r.Float64())
	}
	return out
}

// seed makes the split of one team in one game the same on every run.
func seed(gameID string, teamID int64) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s/%d", gameID, teamID)
	return h.Sum64()
}

// newPlayer names the team's slot-th player. A team keeps the same players all season.
func newPlayer(l TeamLine, slot int) player {
	family := fmt.Sprintf("%s Player %02d", l.Tricode, slot+1)
	return player{
		PersonID:  9_000_000 + (l.TeamID%1000)*100 + int64(slot),
		FirstName: "Synthetic", FamilyName: family, NameI: "S. " + family,
		PlayerSlug: strings.ToLower(strings.ReplaceAll("synthetic-"+family, " ", "-")),
	}
}

// splitTeamName splits "Houston Rockets" into city "Houston" and name "Rockets".
func splitTeamName(full string) (city, name string) {
	i := strings.LastIndex(full, " ")
	if i < 0 {
		return full, full
	}
	return full[:i], full[i+1:]
}
