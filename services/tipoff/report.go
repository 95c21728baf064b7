package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
	"github.com/tipoff-nba/tipoff/services/internal/warehouse"
)

// printReport writes one row per date and returns how many dates did not succeed.
func printReport(ctx context.Context, out io.Writer, store *state.Store, wh *warehouse.Warehouse,
	dates []string, final map[string]state.DateDoc) (int, error) {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tGEN\tSTATUS\tRAW\tOFFENSE\tDEFENSE\tPLAYER\tGAMES\tPLAYER ROWS\t"+
		"MAX USAGE\tANOMALIES")
	var notes []string
	failed := 0
	for _, d := range dates {
		doc := final[d]
		procs, err := store.Processors(ctx, d)
		if err != nil {
			return 0, err
		}
		summary, err := wh.DateSummary(ctx, d)
		if err != nil {
			return 0, err
		}
		anomalies := 0
		for _, p := range procs {
			anomalies += len(p.Anomalies)
			if p.Generation == doc.Generation && p.LastError != "" {
				notes = append(notes, fmt.Sprintf("%s %s: %s", d, p.Processor, p.LastError))
			}
			for _, a := range p.Anomalies {
				notes = append(notes, fmt.Sprintf("%s %s anomaly: %s", d, p.Processor, a))
			}
		}
		if len(doc.MissingGames) > 0 {
			notes = append(notes, fmt.Sprintf("%s partial: no box score for %s", d,
				strings.Join(doc.MissingGames, ", ")))
		}
		if !doc.Status.Succeeded() {
			failed++
		}
		rows, _ := summary.Table(tables.PlayerGameSummary)
		fmt.Fprintf(tw, "%s\tg%d\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\t%d\n", d, doc.Generation,
			doc.Status, cell(procs, doc, events.RawBoxScores), cell(procs, doc, events.TeamOffense),
			cell(procs, doc, events.TeamDefense), cell(procs, doc, events.PlayerGameSummary),
			procs[events.RawBoxScores].Games, rows.Rows, usageCell(summary.MaxUsageRate), anomalies)
	}
	if err := tw.Flush(); err != nil {
		return 0, err
	}
	for _, n := range notes {
		fmt.Fprintln(out, n)
	}
	return failed, nil
}

func cell(procs map[events.Processor]state.ProcessorDoc, date state.DateDoc,
	p events.Processor) string {
	d, ok := procs[p]
	if !ok || d.Generation != date.Generation {
		return string(state.StatusWaiting)
	}
	return string(d.Status)
}

func usageCell(v *float64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%.1f", *v)
}
