package boxscore

import (
	"fmt"
	"math"
	"strconv"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// secondsSlackPerPlayer is how far, in seconds, the players' summed time may drift from the
// team minutes per player who played: each player's time is rounded to the second, so the
// sum can be off by up to half a second per player. Real files are off by one second at
// most (for example OKC in 0022500001 sums to 290:01).
const secondsSlackPerPlayer = 0.5

// checkGame checks what one side alone cannot: no person twice, team totals equal to the
// player sums, player time matching the team minutes, and both teams' minutes equal.
func checkGame(g Game) error {
	if err := checkDuplicates(g); err != nil {
		return err
	}
	for _, side := range []struct {
		name string
		team Team
	}{{"homeTeam", g.Home}, {"awayTeam", g.Away}} {
		if err := checkTotals(g.File, side.name, side.team); err != nil {
			return err
		}
		if err := checkTeamSeconds(g.File, side.name, side.team); err != nil {
			return err
		}
	}

	if g.Home.Minutes.Seconds != g.Away.Minutes.Seconds {
		reason := fmt.Errorf("%w: homeTeam played %v s, awayTeam %v s", ErrTotalsMismatch,
			g.Home.Minutes.Seconds, g.Away.Minutes.Seconds)
		return fieldErr(g.File, teamStatPath("awayTeam", "minutes"),
			formatSeconds(g.Away.Minutes.Seconds), reason)
	}
	return nil
}

// checkDuplicates rejects a person listed twice in one game, on either side.
func checkDuplicates(g Game) error {
	seen := make(map[int64]string)
	for _, side := range []struct {
		name string
		team Team
	}{{"homeTeam", g.Home}, {"awayTeam", g.Away}} {
		for i, p := range side.team.Players {
			path := fmt.Sprintf("boxScoreTraditional.%s.players[%d].personId", side.name, i)
			if first, ok := seen[p.PersonID]; ok {
				reason := fmt.Errorf("%w: also at %s", ErrDuplicatePlayer, first)
				return fieldErr(g.File, path, strconv.FormatInt(p.PersonID, 10), reason)
			}
			seen[p.PersonID] = path
		}
	}
	return nil
}

// checkTotals compares every counting stat of the team statistics with its players' sum.
func checkTotals(file, side string, t Team) error {
	var sum tables.Shooting
	for _, p := range t.Players {
		sum = addStats(sum, p.Stats)
	}
	for _, f := range statFields {
		got, want := *f.get(&t.Totals), *f.get(&sum)
		if got != want {
			reason := fmt.Errorf("%w: the player rows sum to %d", ErrTotalsMismatch, want)
			return fieldErr(file, teamStatPath(side, f.name), strconv.Itoa(got), reason)
		}
	}
	return nil
}

// checkTeamSeconds compares the team minutes with the players' summed time.
func checkTeamSeconds(file, side string, t Team) error {
	sum, played := 0.0, 0
	for _, p := range t.Players {
		if p.Minutes.Present {
			sum += p.Minutes.Seconds
			played++
		}
	}
	slack := secondsSlackPerPlayer * float64(played)
	if math.Abs(sum-t.Minutes.Seconds) <= slack {
		return nil
	}
	reason := fmt.Errorf("%w: the players played %s in total (allowed drift %v s)",
		ErrTotalsMismatch, formatSeconds(sum), slack)
	return fieldErr(file, teamStatPath(side, "minutes"), formatSeconds(t.Minutes.Seconds), reason)
}

// teamStatPath is the JSON path of a team statistics field.
func teamStatPath(side, field string) string {
	return "boxScoreTraditional." + side + ".statistics." + field
}

// formatSeconds writes seconds as M:SS, with tenths when there are any ("290:00", "0:35.4").
func formatSeconds(seconds float64) string {
	t := int64(math.Round(seconds * 10))
	text := fmt.Sprintf("%d:%02d", t/600, t/10%60)
	if t%10 != 0 {
		text += fmt.Sprintf(".%d", t%10)
	}
	return text
}
