package rowrules

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// MaxExamples is how many violations a RuleResult keeps, per rule. Rows counts them all.
const MaxExamples = 5

// Violation names one row that broke one rule, and the offending field.
type Violation struct {
	Rule     string
	Severity Severity
	Table    string
	GameID   string
	TeamID   int64
	// PersonID is zero for team rows.
	PersonID int64
	Field    string
	Value    string
}

// String reads like "minutes_within_game (critical): gamebook_player_stats game 0022500716
// team 1610612747 person 2544: seconds = 3200".
func (v Violation) String() string {
	row := fmt.Sprintf("%s game %s team %d", v.Table, v.GameID, v.TeamID)
	if v.PersonID != 0 {
		row += fmt.Sprintf(" person %d", v.PersonID)
	}
	return fmt.Sprintf("%s (%s): %s: %s = %s", v.Rule, v.Severity, row, v.Field, v.Value)
}

// RuleResult is what one rule found in a batch.
type RuleResult struct {
	Rule     string
	Severity Severity
	// Rows is the number of rows that broke the rule.
	Rows int
	// Examples holds the first MaxExamples violations, in row order. A row can give
	// several (one per offending field).
	Examples []Violation
}

// Report is the outcome of checking a batch.
type Report struct {
	// Checked is the number of rows checked, over all tables of the batch.
	Checked int
	// Results holds one entry per rule that at least one row broke, sorted by rule name.
	// Rules that every row passed have no entry.
	Results []RuleResult
}

// Passed reports whether no row broke any rule.
func (r Report) Passed() bool { return len(r.Results) == 0 }

// Critical reports whether a Critical rule was broken, which blocks the batch.
func (r Report) Critical() bool {
	for _, res := range r.Results {
		if res.Severity == Critical {
			return true
		}
	}
	return false
}

// Rows returns how many rows broke the named rule (0 if none or unknown).
func (r Report) Rows(rule string) int {
	for _, res := range r.Results {
		if res.Rule == rule {
			return res.Rows
		}
	}
	return 0
}

// Err returns nil unless a Critical rule was broken. The error names each broken
// Critical rule, its row count and its first violation.
func (r Report) Err() error {
	var parts []string
	for _, res := range r.Results {
		if res.Severity != Critical {
			continue
		}
		parts = append(parts, fmt.Sprintf("%d row(s), first: %s", res.Rows, res.Examples[0]))
	}
	if len(parts) == 0 {
		return nil
	}
	return errors.New("rowrules: critical rule broken: " + strings.Join(parts, "; "))
}

// Merge adds the findings of o to r. Results of the same rule (from two tables of one
// batch) are summed, and their examples kept up to MaxExamples.
func (r Report) Merge(o Report) Report {
	out := Report{Checked: r.Checked + o.Checked}
	byRule := map[string]int{}
	for _, res := range append(append([]RuleResult(nil), r.Results...), o.Results...) {
		i, ok := byRule[res.Rule]
		if !ok {
			byRule[res.Rule] = len(out.Results)
			res.Examples = append([]Violation(nil), res.Examples...)
			out.Results = append(out.Results, res)
			continue
		}
		out.Results[i].Rows += res.Rows
		out.Results[i].Examples = appendExamples(out.Results[i].Examples, res.Examples...)
	}
	sortResults(out.Results)
	return out
}

func appendExamples(dst []Violation, vs ...Violation) []Violation {
	for _, v := range vs {
		if len(dst) >= MaxExamples {
			break
		}
		dst = append(dst, v)
	}
	return dst
}

func sortResults(rs []RuleResult) {
	sort.Slice(rs, func(i, j int) bool { return rs[i].Rule < rs[j].Rule })
}
