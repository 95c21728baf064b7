package boxscore

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// statField ties a counting stat of a boxscoretraditionalv3 statistics object to its place
// in tables.Shooting.
type statField struct {
	name string
	get  func(*tables.Shooting) *int
}

// statFields lists every counting stat the parser reads, in the order NBA.com writes them.
// The percentages are not read: they are rounded copies of these counts.
var statFields = []statField{
	{"fieldGoalsMade", func(s *tables.Shooting) *int { return &s.FGM }},
	{"fieldGoalsAttempted", func(s *tables.Shooting) *int { return &s.FGA }},
	{"threePointersMade", func(s *tables.Shooting) *int { return &s.FG3M }},
	{"threePointersAttempted", func(s *tables.Shooting) *int { return &s.FG3A }},
	{"freeThrowsMade", func(s *tables.Shooting) *int { return &s.FTM }},
	{"freeThrowsAttempted", func(s *tables.Shooting) *int { return &s.FTA }},
	{"reboundsOffensive", func(s *tables.Shooting) *int { return &s.OREB }},
	{"reboundsDefensive", func(s *tables.Shooting) *int { return &s.DREB }},
	{"reboundsTotal", func(s *tables.Shooting) *int { return &s.REB }},
	{"assists", func(s *tables.Shooting) *int { return &s.AST }},
	{"steals", func(s *tables.Shooting) *int { return &s.STL }},
	{"blocks", func(s *tables.Shooting) *int { return &s.BLK }},
	{"turnovers", func(s *tables.Shooting) *int { return &s.TOV }},
	{"foulsPersonal", func(s *tables.Shooting) *int { return &s.PF }},
	{"points", func(s *tables.Shooting) *int { return &s.PTS }},
}

// errInconsistentStats is the reason given when counts of one row contradict each other.
var errInconsistentStats = errors.New("inconsistent counting stats")

// parseStats reads the counting stats of a statistics object and checks that they agree
// with each other (made <= attempted, rebounds and points add up).
func parseStats(o jsonObject) (tables.Shooting, error) {
	var s tables.Shooting
	for _, f := range statFields {
		v, err := o.int(f.name, 0)
		if err != nil {
			return tables.Shooting{}, err
		}
		*f.get(&s) = int(v)
	}
	return s, checkStats(o, s)
}

// statRule is one consistency rule: field's value must equal, or not exceed, want.
type statRule struct {
	field   string
	got     int
	want    int
	atMost  bool
	formula string
}

// checkStats applies the identities that hold in every box score row.
func checkStats(o jsonObject, s tables.Shooting) error {
	rules := []statRule{
		{"fieldGoalsMade", s.FGM, s.FGA, true, "fieldGoalsAttempted"},
		{"threePointersMade", s.FG3M, s.FG3A, true, "threePointersAttempted"},
		{"freeThrowsMade", s.FTM, s.FTA, true, "freeThrowsAttempted"},
		{"threePointersMade", s.FG3M, s.FGM, true, "fieldGoalsMade"},
		{"threePointersAttempted", s.FG3A, s.FGA, true, "fieldGoalsAttempted"},
		{"reboundsTotal", s.REB, s.OREB + s.DREB, false, "reboundsOffensive + reboundsDefensive"},
		{"points", s.PTS, 2*s.FGM + s.FG3M + s.FTM, false,
			"2*fieldGoalsMade + threePointersMade + freeThrowsMade"},
	}
	for _, r := range rules {
		if r.got == r.want || (r.atMost && r.got < r.want) {
			continue
		}
		relation := "want"
		if r.atMost {
			relation = "want at most"
		}
		reason := fmt.Errorf("%w: %s %s = %d", errInconsistentStats, relation, r.formula, r.want)
		return fieldErr(o.file, o.fieldPath(r.field), strconv.Itoa(r.got), reason)
	}
	return nil
}

// addStats returns a + b, stat by stat.
func addStats(a, b tables.Shooting) tables.Shooting {
	for _, f := range statFields {
		*f.get(&a) += *f.get(&b)
	}
	return a
}
