package rowrules

import (
	"fmt"
	"sort"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// RowID names the row a violation is about. PersonID is zero for team rows.
type RowID struct {
	GameID   string
	TeamID   int64
	PersonID int64
}

// tableRules describes how to check the rows of one table.
type tableRules[T any] struct {
	name string
	// id names a row in violations.
	id func(T) RowID
	// unique is the row's key within a batch: game and person for players, game and
	// team for teams. Two rows with the same value break duplicate_key.
	unique func(T) RowID
	// key is the date and generation the row carries.
	key   func(T) tables.Key
	rules []Rule[T]
}

// allRules returns the table's own rules followed by the batch-wide ones.
func (t tableRules[T]) allRules() []Rule[T] {
	return append(append([]Rule[T](nil), t.rules...), batchKeyMatch(t.key), duplicateKey(t.unique))
}

// check runs every rule of t over rows and builds the report.
func (t tableRules[T]) check(key tables.Key, rows []T) Report {
	report := Report{Checked: len(rows)}
	for _, rule := range t.allRules() {
		broken := rule.check(key, rows)
		if len(broken) == 0 {
			continue
		}
		report.Results = append(report.Results, t.result(rule, rows, broken))
	}
	sortResults(report.Results)
	return report
}

func (t tableRules[T]) result(rule Rule[T], rows []T, broken map[int][]Finding) RuleResult {
	res := RuleResult{Rule: rule.Name, Severity: rule.Severity, Rows: len(broken)}
	indexes := make([]int, 0, len(broken))
	for i := range broken {
		indexes = append(indexes, i)
	}
	sort.Ints(indexes)
	for _, i := range indexes {
		id := t.id(rows[i])
		for _, f := range broken[i] {
			res.Examples = appendExamples(res.Examples, Violation{
				Rule: rule.Name, Severity: rule.Severity, Table: t.name,
				GameID: id.GameID, TeamID: id.TeamID, PersonID: id.PersonID,
				Field: f.Field, Value: f.Value,
			})
		}
	}
	return res
}

// batchKeyMatch: every row carries the batch's game date and generation. A row of
// another date or generation would survive the next replace of its own date.
func batchKeyMatch[T any](keyOf func(T) tables.Key) Rule[T] {
	return Rule[T]{Name: "batch_key_match", Severity: Critical,
		check: func(key tables.Key, rows []T) map[int][]Finding {
			broken := map[int][]Finding{}
			for i, row := range rows {
				var f []Finding
				k := keyOf(row)
				if k.GameDate != key.GameDate {
					f = append(f, finding("game_date", k.GameDate))
				}
				if k.Generation != key.Generation {
					f = append(f, finding("generation", k.Generation))
				}
				if len(f) > 0 {
					broken[i] = f
				}
			}
			return broken
		}}
}

// duplicateKey: no key appears twice in a batch. The first row with a key passes; every
// later one breaks the rule.
func duplicateKey[T any](unique func(T) RowID) Rule[T] {
	return Rule[T]{Name: "duplicate_key", Severity: Critical,
		check: func(_ tables.Key, rows []T) map[int][]Finding {
			broken := map[int][]Finding{}
			seen := map[RowID]bool{}
			for i, row := range rows {
				u := unique(row)
				if seen[u] {
					broken[i] = []Finding{finding("key", describeKey(u))}
				}
				seen[u] = true
			}
			return broken
		}}
}

func describeKey(u RowID) string {
	if u.PersonID != 0 {
		return fmt.Sprintf("game_id=%s person_id=%d", u.GameID, u.PersonID)
	}
	return fmt.Sprintf("game_id=%s team_id=%d", u.GameID, u.TeamID)
}
