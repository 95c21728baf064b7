package rowrules

import (
	"math"
	"regexp"
	"strings"
	"testing"
)

func TestEveryRuleBreaks(t *testing.T) {
	severity := map[[2]string]Severity{}
	for _, info := range Catalog() {
		severity[[2]string{info.Table, info.Rule}] = info.Severity
	}

	for _, c := range allCases() {
		t.Run(c.table+"/"+c.rule, func(t *testing.T) {
			report := c.run()
			want := max(c.rows, 1)
			if got := report.Rows(c.rule); got != want {
				t.Fatalf("Rows(%q) = %d, want %d; report %+v", c.rule, got, want, report)
			}
			res := resultOf(t, report, c.rule)
			if wantSev := severity[[2]string{c.table, c.rule}]; res.Severity != wantSev {
				t.Errorf("severity %v, catalog says %v", res.Severity, wantSev)
			}
			v := res.Examples[0]
			if v.Table != c.table || v.Field != c.field || v.Rule != c.rule {
				t.Errorf("first violation %+v, want table %s field %s", v, c.table, c.field)
			}
			if v.GameID != testGameID && c.field != "game_id" {
				t.Errorf("violation game id %q, want %q", v.GameID, testGameID)
			}
			checkBlocking(t, report, res.Severity)
		})
	}
}

// checkBlocking: a Critical result blocks the batch with an error naming the rule; the
// Warning cases break nothing Critical, so the batch would be written.
func checkBlocking(t *testing.T, report Report, sev Severity) {
	t.Helper()
	if sev == Warning {
		if report.Critical() || report.Err() != nil {
			t.Errorf("warning case blocks the batch: %v", report.Err())
		}
		return
	}
	if !report.Critical() || report.Err() == nil {
		t.Fatalf("critical case does not block the batch")
	}
}

func resultOf(t *testing.T, r Report, rule string) RuleResult {
	t.Helper()
	for _, res := range r.Results {
		if res.Rule == rule {
			return res
		}
	}
	t.Fatalf("no result for rule %q", rule)
	return RuleResult{}
}

// TestEveryRuleHasACase keeps TestEveryRuleBreaks complete as rules are added.
func TestEveryRuleHasACase(t *testing.T) {
	covered := map[[2]string]bool{}
	for _, c := range allCases() {
		covered[[2]string{c.table, c.rule}] = true
	}
	for _, info := range Catalog() {
		if !covered[[2]string{info.Table, info.Rule}] {
			t.Errorf("rule %s of %s has no case in cases_test.go", info.Rule, info.Table)
		}
	}
}

func TestCatalogNames(t *testing.T) {
	snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	severity := map[string]Severity{}
	seen := map[[2]string]bool{}
	for _, info := range Catalog() {
		if !snake.MatchString(info.Rule) {
			t.Errorf("rule name %q is not snake_case", info.Rule)
		}
		if seen[[2]string{info.Table, info.Rule}] {
			t.Errorf("rule %s listed twice for %s", info.Rule, info.Table)
		}
		seen[[2]string{info.Table, info.Rule}] = true
		// A raw batch merges player and team results by name, so a name has one severity.
		if s, ok := severity[info.Rule]; ok && s != info.Severity {
			t.Errorf("rule %s is %v in one table and %v in another", info.Rule, s, info.Severity)
		}
		severity[info.Rule] = info.Severity
	}
}

func TestOvertimesFromSeconds(t *testing.T) {
	tests := []struct {
		seconds float64
		k       int
		ok      bool
	}{
		{14400, 0, true}, {15900, 1, true}, {17400, 2, true}, {23400, 6, true},
		{14401, 0, true}, {14399, 0, true}, {14402, 0, false}, {14460, 0, false},
		{14100, 0, false}, {12900, 0, false}, {0, 0, false}, {-14400, 0, false},
		{math.NaN(), 0, false}, {math.Inf(1), 0, false}, {1e300, 0, false},
	}
	for _, tt := range tests {
		k, ok := overtimesFromSeconds(tt.seconds)
		if k != tt.k || ok != tt.ok {
			t.Errorf("overtimesFromSeconds(%v) = %d, %v; want %d, %v", tt.seconds, k, ok,
				tt.k, tt.ok)
		}
	}
}

func TestWithinGame(t *testing.T) {
	tests := []struct {
		seconds, team float64
		want          bool
	}{
		{0, 14400, true}, {2880, 14400, true}, {2881, 14400, true}, {2881.5, 14400, false},
		{3180, 15900, true}, {3182, 15900, false}, {-0.1, 14400, false},
		{math.NaN(), 14400, false}, {1, math.NaN(), false},
	}
	for _, tt := range tests {
		if got := withinGame(tt.seconds, tt.team); got != tt.want {
			t.Errorf("withinGame(%v, %v) = %v, want %v", tt.seconds, tt.team, got, tt.want)
		}
	}
}

func TestErrNamesRuleTableGameRowFieldValue(t *testing.T) {
	report := rawPlayerCase(first(func(p *rawPlayerRow) { p.Seconds = 3000 }))()
	err := report.Err()
	if err == nil {
		t.Fatal("Err() = nil for a critical violation")
	}
	for _, want := range []string{"rowrules:", "minutes_within_game", "gamebook_player_stats",
		testGameID, "team 1610612738", "person 1628369", "seconds = 3000"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
}
