package warehouse

import (
	"strings"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// column maps one field of a row type T to one SQL column. Listing each field once here
// drives CREATE, INSERT and SELECT alike, so the three cannot drift apart.
type column[T any] struct {
	name string
	// sqlType is the column's declared type, with NOT NULL unless the field is a pointer.
	sqlType string
	// field returns a pointer to the field in row: database/sql reads through it when
	// inserting (a nil *float64 becomes NULL) and scans into it when selecting.
	field func(row *T) any
}

func text[T any](name string, f func(*T) *string) column[T] {
	return column[T]{name, "TEXT NOT NULL", func(r *T) any { return f(r) }}
}

func integer[T any](name string, f func(*T) any) column[T] {
	return column[T]{name, "INTEGER NOT NULL", f}
}

func float[T any](name string, f func(*T) *float64) column[T] {
	return column[T]{name, "REAL NOT NULL", func(r *T) any { return f(r) }}
}

func nullableFloat[T any](name string, f func(*T) **float64) column[T] {
	return column[T]{name, "REAL", func(r *T) any { return f(r) }}
}

// keyColumns are the first two columns of every table: the date partition and the
// generation the row was built from.
func keyColumns[T any](key func(*T) *tables.Key) []column[T] {
	return []column[T]{
		text("game_date", func(r *T) *string { return &key(r).GameDate }),
		integer("generation", func(r *T) any { return &key(r).Generation }),
	}
}

// shootingColumns are the box-score counting stats, under their usual abbreviations.
func shootingColumns[T any](get func(*T) *tables.Shooting) []column[T] {
	stat := func(name string, f func(s *tables.Shooting) *int) column[T] {
		return integer(name, func(r *T) any { return f(get(r)) })
	}
	return []column[T]{
		stat("fgm", func(s *tables.Shooting) *int { return &s.FGM }),
		stat("fga", func(s *tables.Shooting) *int { return &s.FGA }),
		stat("fg3m", func(s *tables.Shooting) *int { return &s.FG3M }),
		stat("fg3a", func(s *tables.Shooting) *int { return &s.FG3A }),
		stat("ftm", func(s *tables.Shooting) *int { return &s.FTM }),
		stat("fta", func(s *tables.Shooting) *int { return &s.FTA }),
		stat("oreb", func(s *tables.Shooting) *int { return &s.OREB }),
		stat("dreb", func(s *tables.Shooting) *int { return &s.DREB }),
		stat("reb", func(s *tables.Shooting) *int { return &s.REB }),
		stat("ast", func(s *tables.Shooting) *int { return &s.AST }),
		stat("stl", func(s *tables.Shooting) *int { return &s.STL }),
		stat("blk", func(s *tables.Shooting) *int { return &s.BLK }),
		stat("tov", func(s *tables.Shooting) *int { return &s.TOV }),
		stat("pf", func(s *tables.Shooting) *int { return &s.PF }),
		stat("pts", func(s *tables.Shooting) *int { return &s.PTS }),
	}
}

// tableSpec is the SQL shape of one warehouse table holding rows of type T.
type tableSpec[T any] struct {
	name string
	// primaryKey lists the key columns; game_date comes first so that a date's rows are
	// one index range for delete and select.
	primaryKey []string
	// orderBy is the read order: game id, team id, then person id for player tables.
	orderBy string
	columns []column[T]
}

func (s tableSpec[T]) names() []string {
	names := make([]string, len(s.columns))
	for i, c := range s.columns {
		names[i] = c.name
	}
	return names
}

func (s tableSpec[T]) createSQL() string {
	defs := make([]string, 0, len(s.columns)+1)
	for _, c := range s.columns {
		defs = append(defs, c.name+" "+c.sqlType)
	}
	defs = append(defs, "PRIMARY KEY ("+strings.Join(s.primaryKey, ", ")+")")
	return "CREATE TABLE IF NOT EXISTS " + s.name + " (\n\t" + strings.Join(defs, ",\n\t") + "\n)"
}

func (s tableSpec[T]) insertSQL() string {
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(s.columns)), ", ")
	return "INSERT INTO " + s.name + " (" + strings.Join(s.names(), ", ") + ") VALUES (" +
		marks + ")"
}

func (s tableSpec[T]) selectSQL() string {
	return "SELECT " + strings.Join(s.names(), ", ") + " FROM " + s.name +
		" WHERE game_date = ? AND generation = ? ORDER BY " + s.orderBy
}

// fields returns pointers to every column's field of row, in column order.
func (s tableSpec[T]) fields(row *T) []any {
	out := make([]any, len(s.columns))
	for i, c := range s.columns {
		out[i] = c.field(row)
	}
	return out
}

// boolean stores false as 0 and true as 1.
func boolean[T any](name string, f func(*T) *bool) column[T] {
	return column[T]{name, "INTEGER NOT NULL", func(r *T) any { return f(r) }}
}
