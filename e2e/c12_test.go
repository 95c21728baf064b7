package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestC12ReplayReplacesNeverAppends is field case C12. Day 0: raw v1 of 2024-01-10 lists
// p112 under both teams. Tipoff refuses a box score that lists a person twice in one game
// (the duplicate would enter both teams' sums), so r1 fails the date, naming the file,
// the field and the person, and writes no row: the case's 26 rows of day 0 never exist.
// Day 3: corrected v2 and a replay (r2): the date completes generation 2 with 25 rows,
// one per (game, player), p107 with 4 turnovers and p112 on TMA only. The same replay
// request again is a no-op, and the other date is untouched.
func TestC12ReplayReplacesNeverAppends(t *testing.T) {
	dir := c12DataDir(t)
	stack, _ := startStack(t, dir, nil)
	ctx := context.Background()
	db := openWarehouse(t, stack)

	requestLoad(t, stack, c12Day, "r1")
	requestLoad(t, stack, c12OtherDay, "r1")
	day0 := waitGeneration(t, stack, c12Day, 1)
	lastError, _ := day0["last_error"].(string)
	if day0["status"] != "failed" || !strings.Contains(lastError, "listed twice") ||
		!strings.Contains(lastError, fmt.Sprint(c12Duplicated)) {
		t.Fatalf("r1 with p112 under both teams: %s; want failed naming the duplicate",
			describe(day0))
	}
	t.Logf("r1: date %s: %s", day0["status"], lastError)
	if n := queryInt(t, db, `SELECT COUNT(*) FROM gamebook_player_stats WHERE game_date = ?`,
		c12Day); n != 0 {
		t.Errorf("r1 wrote %d raw rows of a box score it refused", n)
	}
	if doc := waitGeneration(t, stack, c12OtherDay, 1); doc["status"] != "complete" {
		t.Fatalf("%s: %s, want complete", c12OtherDay, describe(doc))
	}
	other1 := readDate(t, db, c12OtherDay)

	writeJSON(t, c12BoxScorePath(dir, c12Game), c12BoxScore(c12Game, 2))
	requestReplay(t, stack, c12Day, "r2", "")
	if doc := waitGeneration(t, stack, c12Day, 2); doc["status"] != "complete" {
		t.Fatalf("r2: %s, want complete", describe(doc))
	}
	r2 := readDate(t, db, c12Day)
	onlyGeneration(t, c12Day, r2, 2)
	checkC12Rows(t, r2["player_game_summary"])

	requestReplay(t, stack, c12Day, "r2", "")
	waitLogDeliveries(t, stack, c12Day, "2024-01-10.load.r2~raw_boxscores", 2)
	again := readDate(t, db, c12Day)
	onlyGeneration(t, c12Day, again, 2)
	sameValues(t, "the same replay request again", r2, again)
	date, _, err := stack.Store.Date(ctx, c12Day)
	must(t, err)
	if date.Generation != 2 || date.Status != "complete" || len(date.Requests) != 2 ||
		date.Requests["r2"] != 2 {
		t.Errorf("dates/%s: %s at g%d, requests %v; want complete at g2, opened by r2",
			c12Day, date.Status, date.Generation, date.Requests)
	}

	other, _, err := stack.Store.Date(ctx, c12OtherDay)
	must(t, err)
	if other.Generation != 1 || other.Status != "complete" {
		t.Errorf("%s: %s at g%d; want complete at g1, untouched", c12OtherDay, other.Status,
			other.Generation)
	}
	sameValues(t, "the other date", other1, readDate(t, db, c12OtherDay))
}

// checkC12Rows: 25 rows, one per (game, player) (readTable reports a key seen twice), p107
// with v2's 4 turnovers, p112 once, on TMA.
func checkC12Rows(t *testing.T, rows dateRows) {
	t.Helper()
	if len(rows.values) != 25 {
		t.Errorf("%d player rows, want 25", len(rows.values))
	}
	p107 := rows.values[fmt.Sprintf("%s|%d|%d", c12Game, c12TMA, c12Corrected)]
	if !strings.Contains(" "+p107+" ", " tov=4 ") {
		t.Errorf("p107: %q, want tov=4", p107)
	}
	var p112 []string
	for k := range rows.values {
		if strings.HasSuffix(k, fmt.Sprintf("|%d", c12Duplicated)) {
			p112 = append(p112, k)
		}
	}
	if want := fmt.Sprintf("%s|%d|%d", c12Game, c12TMA, c12Duplicated); len(p112) != 1 ||
		p112[0] != want {
		t.Errorf("p112 rows %v, want exactly %s", p112, want)
	}
}
