package warehouse

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// openTemp opens a warehouse in a fresh file under t.TempDir and closes it at cleanup.
func openTemp(t testing.TB) (*Warehouse, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tipoff.db")
	w, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = w.Close() })
	return w, path
}

func ptr(v float64) *float64 { return &v }

var (
	homeTeam = tables.RawTeam{TeamID: 1610612738, TeamTricode: "BOS", Home: true}
	awayTeam = tables.RawTeam{TeamID: 1610612747, TeamTricode: "LAL"}
)

// rawBatch builds a valid raw batch: per game, two teams of five 48-minute players and
// one DNP. seed changes assists and plus-minus (no rule constrains them), so that two
// seeds give different but valid values for the same keys.
func rawBatch(key tables.Key, seed int, gameIDs ...string) RawBatch {
	b := RawBatch{Key: key}
	for _, gameID := range gameIDs {
		for side, pair := range [][2]tables.RawTeam{{homeTeam, awayTeam}, {awayTeam, homeTeam}} {
			team := pair[0]
			team.Key, team.GameID = key, gameID
			team.OpponentID, team.Opponent = pair[1].TeamID, pair[1].TeamTricode
			team.SourceFile = fmt.Sprintf("boxscores/%s/%s.json", key.GameDate, gameID)
			for j := range 6 {
				p := rawPlayer(team, int64(1000*(side+1)+j+1), j, seed)
				b.Players = append(b.Players, p)
				team.Seconds += p.Seconds
				team.Shooting = add(team.Shooting, p.Shooting)
			}
			team.PlusMinus = float64(seed)
			b.Teams = append(b.Teams, team)
		}
	}
	return b
}

// rawPlayer is player j of team: j < 5 played all 48 minutes, j == 5 did not play.
func rawPlayer(team tables.RawTeam, personID int64, j, seed int) tables.RawPlayer {
	p := tables.RawPlayer{Key: team.Key, GameID: team.GameID, TeamID: team.TeamID,
		TeamTricode: team.TeamTricode, OpponentID: team.OpponentID, Opponent: team.Opponent,
		Home: team.Home, PersonID: personID, PlayerName: fmt.Sprintf("Player %d", personID),
		Starter: j < 5, SourceFile: team.SourceFile}
	if j == 5 {
		p.Comment = "DNP - Coach's Decision"
		return p
	}
	p.Played, p.Seconds, p.PlusMinus = true, 2880, float64(seed-j)+0.5
	s := tables.Shooting{FGM: 2 + j, FGA: 5 + 2*j, FG3M: j % 3, FG3A: j%3 + 1, FTM: j,
		FTA: j + 1, OREB: 1, DREB: 2 + j, AST: seed + j, STL: 1, TOV: 1 + j%2, PF: 2}
	s.REB = s.OREB + s.DREB
	s.PTS = 2*s.FGM + s.FG3M + s.FTM
	p.Shooting = s
	return p
}

func add(a, b tables.Shooting) tables.Shooting {
	return tables.Shooting{FGM: a.FGM + b.FGM, FGA: a.FGA + b.FGA, FG3M: a.FG3M + b.FG3M,
		FG3A: a.FG3A + b.FG3A, FTM: a.FTM + b.FTM, FTA: a.FTA + b.FTA, OREB: a.OREB + b.OREB,
		DREB: a.DREB + b.DREB, REB: a.REB + b.REB, AST: a.AST + b.AST, STL: a.STL + b.STL,
		BLK: a.BLK + b.BLK, TOV: a.TOV + b.TOV, PF: a.PF + b.PF, PTS: a.PTS + b.PTS}
}

func possessions(s tables.Shooting) float64 {
	return float64(s.FGA) + 0.44*float64(s.FTA) - float64(s.OREB) + float64(s.TOV)
}

// summaryBatches derives the three analytics batches from a raw batch.
func summaryBatches(raw RawBatch) (TeamOffenseBatch, TeamDefenseBatch, PlayerGameBatch) {
	off, def, pg := TeamOffenseBatch{Key: raw.Key}, TeamDefenseBatch{Key: raw.Key},
		PlayerGameBatch{Key: raw.Key}
	teams := map[[2]any]tables.RawTeam{}
	for _, t := range raw.Teams {
		teams[[2]any{t.GameID, t.TeamID}] = t
	}
	for _, t := range raw.Teams {
		off.Rows = append(off.Rows, offense(t))
		def.Rows = append(def.Rows, defense(t, teams[[2]any{t.GameID, t.OpponentID}]))
	}
	for _, p := range raw.Players {
		pg.Rows = append(pg.Rows, playerGame(p, teams[[2]any{p.GameID, p.TeamID}]))
	}
	return off, def, pg
}

func offense(t tables.RawTeam) tables.TeamOffense {
	s, poss := t.Shooting, possessions(t.Shooting)
	return tables.TeamOffense{Key: t.Key, GameID: t.GameID, TeamID: t.TeamID,
		TeamTricode: t.TeamTricode, OpponentID: t.OpponentID, Opponent: t.Opponent,
		Home: t.Home, TeamMinutes: t.Seconds / 60, Shooting: s, Possessions: poss,
		Pace: 48 * poss / 48, OffensiveRating: 100 * float64(s.PTS) / poss,
		EffectiveFGPct:  ptr((float64(s.FGM) + 0.5*float64(s.FG3M)) / float64(s.FGA)),
		TrueShootingPct: ptr(float64(s.PTS) / (2 * (float64(s.FGA) + 0.44*float64(s.FTA))))}
}

func defense(t, opp tables.RawTeam) tables.TeamDefense {
	o, poss := opp.Shooting, possessions(opp.Shooting)
	return tables.TeamDefense{Key: t.Key, GameID: t.GameID, TeamID: t.TeamID,
		TeamTricode: t.TeamTricode, OpponentID: t.OpponentID, Opponent: t.Opponent,
		Home: t.Home, TeamMinutes: t.Seconds / 60, OppPTS: o.PTS, OppFGM: o.FGM,
		OppFGA: o.FGA, OppFG3M: o.FG3M, OppFG3A: o.FG3A, OppFTM: o.FTM, OppFTA: o.FTA,
		OppOREB: o.OREB, DREB: t.DREB, STL: t.STL, BLK: t.BLK, ForcedTOV: o.TOV,
		OppPossessions: poss, DefensiveRating: 100 * float64(o.PTS) / poss}
}

func playerGame(p tables.RawPlayer, team tables.RawTeam) tables.PlayerGame {
	g := tables.PlayerGame{Key: p.Key, GameID: p.GameID, TeamID: p.TeamID,
		TeamTricode: p.TeamTricode, OpponentID: p.OpponentID, Opponent: p.Opponent,
		PersonID: p.PersonID, PlayerName: p.PlayerName, Starter: p.Starter,
		Played: p.Played, DNPReason: p.Comment, Minutes: p.Seconds / 60,
		Shooting: p.Shooting, PlusMinus: p.PlusMinus, TeamMinutes: team.Seconds / 60}
	s, ts := p.Shooting, team.Shooting
	if g.Minutes > 0 {
		own := float64(s.FGA) + 0.44*float64(s.FTA) + float64(s.TOV)
		all := float64(ts.FGA) + 0.44*float64(ts.FTA) + float64(ts.TOV)
		g.UsageRate = ptr(100 * own * (g.TeamMinutes / 5) / (g.Minutes * all))
		g.TrueShootingPct = ptr(float64(s.PTS) / (2 * (float64(s.FGA) + 0.44*float64(s.FTA))))
	}
	return g
}

// save saves b and fails the test on error.
func save(t testing.TB, w *Warehouse, b Batch) {
	t.Helper()
	if _, err := w.Save(context.Background(), b); err != nil {
		t.Fatalf("Save: %v", err)
	}
}

// countAll counts every row of table, whatever its date and generation, bypassing the
// reads' filters.
func countAll(t testing.TB, w *Warehouse, table string) int {
	t.Helper()
	var n int
	if err := w.db.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}
