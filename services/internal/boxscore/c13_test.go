package boxscore_test

import (
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/analytics"
	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// c13Row is one row of case C13 (minutes in many formats), with the CSV's own words.
type c13Row struct {
	row     string
	level   string // "player" or "team"
	raw     string // raw_minutes; "NULL" means null or absent
	status  string // raw_status, e.g. a DNP comment
	seconds string // expected_seconds: a number, NULL, REJECT or REJECT_OR_FLAG
	state   string // expected_state
	usage   string // expected_usage
}

// c13Rows copies shared/cases/inputs/C13.csv (the columns this test checks) so that the
// test runs without the shared folder; TestC13TableMatchesCSV keeps the two in step.
var c13Rows = []c13Row{
	{"1", "player", "34:12", "", "2052", "played", "computed"},
	{"2", "player", "PT34M12.00S", "", "2052", "played", "computed"},
	{"3", "player", "PT34M12.40S", "", "2052.4", "played", "computed"},
	{"4", "player", " 34:12 ", "", "2052", "played", "computed"},
	{"5", "player", "48:00", "", "2880", "played", "computed"},
	{"6", "player", "53:07", "", "3187", "played", "computed"},
	{"7", "player", "0:04", "", "4", "played", "computed_with_low_minutes_flag"},
	{"8", "player", "PT00M04.00S", "", "4", "played", "computed_with_low_minutes_flag"},
	{"9", "player", "0:00", "", "0", "zero_seconds", "NULL"},
	{"10", "player", "PT00M00.00S", "", "0", "zero_seconds", "NULL"},
	{"11", "player", "", "DNP - Coach's Decision", "NULL", "did_not_play", "NULL"},
	{"12", "player", "NULL", "INACTIVE - Injury", "NULL", "did_not_play", "NULL"},
	{"13", "player", "34.2", "", "2052", "played", "computed"},
	{"14", "player", "34", "", "2040", "played_rounded", "computed_with_precision_flag"},
	{"15", "player", "1", "", "60", "played_rounded", "computed_with_precision_flag"},
	{"16", "player", "34:72", "", "REJECT", "quarantined", "none"},
	{"17", "player", "-0:05", "", "REJECT", "quarantined", "none"},
	{"18", "player", "abc", "", "REJECT", "quarantined", "none"},
	{"19", "team", "240:00", "", "14400", "team_minutes", "n/a"},
	{"20", "team", "PT240M00.00S", "", "14400", "team_minutes", "n/a"},
	{"21", "team", "PT265M00.00S", "", "15900", "team_minutes", "n/a"},
	{"22", "team", "PT290M", "", "17400", "team_minutes", "n/a"},
	{"23", "team", "PT239M58.00S", "", "REJECT_OR_FLAG", "team_minutes_inconsistent",
		"block usage for this team"},
}

func TestC13Minutes(t *testing.T) {
	for _, r := range c13Rows {
		t.Run("row"+r.row, func(t *testing.T) {
			raw := r.raw
			if raw == "NULL" {
				raw = "" // the parser's caller passes "" for a null or absent field
			}
			m, err := boxscore.ParseMinutes(raw)

			if r.seconds == "REJECT" {
				checkC13Rejected(t, r, err)
				return
			}
			if err != nil {
				t.Fatalf("ParseMinutes(%q): %v", raw, err)
			}
			checkC13Seconds(t, r, m)
			if r.level == "team" {
				checkC13Team(t, r, m)
				return
			}
			if got := m.State().String(); got != r.state {
				t.Errorf("state = %s, want %s", got, r.state)
			}
			checkC13Usage(t, r, m)
		})
	}
}

// checkC13Rejected checks a quarantined value: an error naming it, never a zero.
func checkC13Rejected(t *testing.T, r c13Row, err error) {
	t.Helper()
	if r.state != "quarantined" || r.usage != "none" {
		t.Fatalf("row %s: REJECT with state %s, usage %s: test does not know it", r.row,
			r.state, r.usage)
	}
	if err == nil {
		t.Fatalf("ParseMinutes(%q) = no error, want it quarantined", r.raw)
	}
	if !errors.Is(err, boxscore.ErrInvalidMinutes) || !strings.Contains(err.Error(), r.raw) {
		t.Errorf("error %q: want ErrInvalidMinutes naming %q", err, r.raw)
	}
}

// checkC13Seconds checks expected_seconds: a number of seconds, or NULL for no value.
func checkC13Seconds(t *testing.T, r c13Row, m boxscore.Minutes) {
	t.Helper()
	switch r.seconds {
	case "NULL":
		if m.Present {
			t.Errorf("minutes %+v, want no value", m)
		}
	case "REJECT_OR_FLAG":
		// Parses; the team check below flags it.
	default:
		want, err := strconv.ParseFloat(r.seconds, 64)
		if err != nil {
			t.Fatalf("expected_seconds %q: %v", r.seconds, err)
		}
		if !m.Present || m.Seconds != want {
			t.Errorf("minutes %+v, want %v seconds", m, want)
		}
	}
}

// checkC13Team checks team minutes: 240 + 25 per overtime, else usage is blocked.
func checkC13Team(t *testing.T, r c13Row, m boxscore.Minutes) {
	t.Helper()
	teams := c13Teams(m.Seconds)
	_, err := analytics.TeamOffense(teams)
	switch r.state {
	case "team_minutes":
		if err != nil {
			t.Errorf("TeamOffense with %v s: %v", m.Seconds, err)
		}
	case "team_minutes_inconsistent":
		if !errors.Is(err, analytics.ErrTeamMinutes) {
			t.Errorf("TeamOffense with %v s: error %v, want ErrTeamMinutes", m.Seconds, err)
		}
	default:
		t.Fatalf("row %s: team state %s: test does not know it", r.row, r.state)
	}
}

// checkC13Usage computes the player's usage against a regulation team and checks
// expected_usage.
func checkC13Usage(t *testing.T, r c13Row, m boxscore.Minutes) {
	t.Helper()
	teams := c13Teams(240 * 60)
	offense, err := analytics.TeamOffense(teams)
	if err != nil {
		t.Fatalf("TeamOffense: %v", err)
	}
	p := tables.RawPlayer{
		GameID: "G0001", TeamID: 1, PersonID: 101, Comment: r.status,
		Played: m.Present, Seconds: m.Seconds,
	}
	if m.Seconds > 0 {
		p.Shooting = tables.Shooting{FGA: 5, FTA: 2, TOV: 1}
	}
	rows, err := analytics.PlayerGames([]tables.RawPlayer{p}, offense)
	if err != nil {
		t.Fatalf("PlayerGames: %v", err)
	}
	got := rows[0]

	switch r.usage {
	case "NULL":
		if got.UsageRate != nil {
			t.Errorf("usage = %v, want NULL", *got.UsageRate)
		}
		if !m.Present && got.DNPReason != r.status {
			t.Errorf("DNPReason = %q, want %q", got.DNPReason, r.status)
		}
	case "computed", "computed_with_low_minutes_flag", "computed_with_precision_flag":
		if got.UsageRate == nil {
			t.Fatalf("usage = NULL, want computed")
		}
		low := r.usage == "computed_with_low_minutes_flag"
		if analytics.LowMinutes(got.Minutes) != low {
			t.Errorf("LowMinutes(%v) = %v, want %v", got.Minutes, !low, low)
		}
		if rounded := r.usage == "computed_with_precision_flag"; m.Rounded != rounded {
			t.Errorf("Rounded = %v, want %v", m.Rounded, rounded)
		}
	default:
		t.Fatalf("row %s: usage %s: test does not know it", r.row, r.usage)
	}
}

// c13Teams is a game of two teams that both played the given seconds.
func c13Teams(seconds float64) []tables.RawTeam {
	s := tables.Shooting{FGA: 90, FTA: 20, TOV: 12, OREB: 10, FGM: 40, PTS: 100}
	return []tables.RawTeam{
		{GameID: "G0001", TeamID: 1, OpponentID: 2, Home: true, Seconds: seconds, Shooting: s},
		{GameID: "G0001", TeamID: 2, OpponentID: 1, Seconds: seconds, Shooting: s},
	}
}

func TestC13TableMatchesCSV(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "shared", "cases", "inputs", "C13.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("case file %s not available, the copy in c13Rows is checked alone: %v", path, err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}

	if got, want := len(records)-1, len(c13Rows); got != want {
		t.Fatalf("%s has %d rows, c13Rows %d", path, got, want)
	}
	for i, rec := range records[1:] {
		got := c13Row{rec[0], rec[1], rec[2], rec[3], rec[5], rec[6], rec[7]}
		if got != c13Rows[i] {
			t.Errorf("CSV row %+v, c13Rows has %+v", got, c13Rows[i])
		}
	}
}
