package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// Widths at which free text is cut in a table; --json always has the whole text.
const (
	errorWidth  = 60
	reasonWidth = 50
	detailWidth = 50
)

// tableTime is how a table shows an instant: UTC to the millisecond, so the rows of one
// date's log can be told apart and ordered by eye.
const tableTime = "2006-01-02T15:04:05.000Z"

// newTable returns a tab-aligned writer with the header row written. Flush it.
func newTable(w io.Writer, headings ...string) *tabwriter.Writer {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(headings, "\t"))
	return tw
}

// row writes one table row.
func row(tw io.Writer, cells ...string) {
	fmt.Fprintln(tw, strings.Join(cells, "\t"))
}

// truncate cuts s to at most width characters, marking the cut with "…". Newlines and
// tabs become spaces so one value stays one cell.
func truncate(s string, width int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= width {
		return s
	}
	return string(r[:width-1]) + "…"
}

// truncateMiddle cuts s to at most width characters by dropping its middle, marked with
// "…": a wrapped error reads "where: what: cause", and the cause is at its end, so the
// end is kept whole and longer than the start.
func truncateMiddle(s string, width int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= width {
		return s
	}
	head := (width - 1) / 4
	tail := width - 1 - head
	return string(r[:head]) + "…" + string(r[len(r)-tail:])
}

// wrapWords splits s into lines of at most width characters at spaces; a word longer than
// width gets a line of its own.
func wrapWords(s string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case len([]rune(line))+1+len([]rune(word)) <= width:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// orDash shows an empty value as "-", so columns stay aligned and blanks are visible.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format(tableTime)
}

func formatGen(g int64) string {
	if g <= 0 {
		return "-"
	}
	return fmt.Sprintf("g%d", g)
}
