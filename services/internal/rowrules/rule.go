package rowrules

import (
	"fmt"
	"math"
	"strconv"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// Severity says what a broken rule does to its batch.
type Severity int

const (
	// Warning rules are counted and reported; the row is still written.
	Warning Severity = iota + 1
	// Critical rules block the whole batch: nothing of it is written.
	Critical
)

// String returns "warning" or "critical".
func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Critical:
		return "critical"
	}
	return "severity(" + strconv.Itoa(int(s)) + ")"
}

// Finding is one offending field of one row, with its value as text.
type Finding struct {
	Field string
	Value string
}

// Rule is one named check over the rows of one table.
type Rule[T any] struct {
	// Name is stable snake_case; metrics and alerts key on it.
	Name     string
	Severity Severity
	// check returns the offending fields of each broken row, by index in rows.
	check func(key tables.Key, rows []T) map[int][]Finding
}

// rowRule builds a rule that looks at one row at a time. check returns nil for a row
// that passes.
func rowRule[T any](name string, sev Severity, check func(row T) []Finding) Rule[T] {
	all := func(_ tables.Key, rows []T) map[int][]Finding {
		broken := map[int][]Finding{}
		for i, row := range rows {
			if f := check(row); len(f) > 0 {
				broken[i] = f
			}
		}
		return broken
	}
	return Rule[T]{Name: name, Severity: sev, check: all}
}

// finding formats one offending field.
func finding(field string, value any) Finding {
	switch v := value.(type) {
	case float64:
		return Finding{Field: field, Value: strconv.FormatFloat(v, 'g', -1, 64)}
	case *float64:
		if v == nil {
			return Finding{Field: field, Value: "null"}
		}
		return finding(field, *v)
	}
	return Finding{Field: field, Value: fmt.Sprint(value)}
}

// nonNegativeFinite reports whether v is a real number ≥ 0 (not NaN, not ±Inf).
func nonNegativeFinite(v float64) bool {
	return v >= 0 && !math.IsInf(v, 1)
}
