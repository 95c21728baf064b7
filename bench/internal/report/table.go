package report

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
)

// PrintTable writes the rows as an aligned table, then the baselines' notes and any
// problems.
func (r *Report) PrintTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "GROUP\tMETRIC\tVALUE\tTARGET\tBASELINE\tRATIO\tVERDICT")
	notes := []string{}
	noteOf := map[string]int{}
	for _, row := range r.Rows {
		baseline := "-"
		if row.Baseline != nil {
			baseline = num(row.Baseline) + " " + row.Unit
		}
		if row.BaselineNote != "" {
			if _, ok := noteOf[row.BaselineNote]; !ok {
				notes = append(notes, row.BaselineNote)
				noteOf[row.BaselineNote] = len(notes)
			}
			baseline += fmt.Sprintf(" [%d]", noteOf[row.BaselineNote])
		}
		target := "-"
		if row.TargetMax != nil {
			target = "≤ " + num(row.TargetMax) + " " + row.Unit
		}
		ratio := "-"
		if row.Ratio != nil {
			ratio = strconv.FormatFloat(*row.Ratio, 'f', 2, 64) + "×"
		}
		value := "n/a"
		if row.Value != nil {
			value = num(row.Value) + " " + row.Unit
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", row.Group, row.Metric, value, target,
			baseline, ratio, row.Verdict)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for i, n := range notes {
		fmt.Fprintf(w, "[%d] %s\n", i+1, n)
	}
	for _, p := range r.Problems {
		fmt.Fprintf(w, "PROBLEM: %s\n", p)
	}
	return nil
}

// num formats v with as many decimals as its size needs.
func num(v *float64) string {
	switch x := *v; {
	case x != 0 && (x < 0.1 && x > -0.1):
		return strconv.FormatFloat(x, 'g', 3, 64)
	case x >= 100 || x <= -100:
		return strconv.FormatFloat(x, 'f', 0, 64)
	default:
		return strconv.FormatFloat(x, 'f', 1, 64)
	}
}
