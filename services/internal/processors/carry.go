package processors

import (
	"context"
	"fmt"
	"sort"

	"github.com/tipoff-nba/tipoff/services/internal/choreo"
	"github.com/tipoff-nba/tipoff/services/internal/warehouse"
)

// CarryBatch stores batch, a processor's output read back at an earlier generation, again
// under generation gen through the validated save path. read counts the rows read per
// table; they must equal want, what that output's completion reported, or nothing is
// written and the error wraps choreo.ErrCarryGone (the rows were replaced or lost, and the
// processor must compute instead).
func CarryBatch(ctx context.Context, wh *warehouse.Warehouse, batch warehouse.Batch,
	read, want map[string]int, gen int64) (choreo.Result, error) {
	// TODO: a carry retried after its save landed but before its outcome was recorded (a
	// crash in between) finds the rows already moved to gen and computes instead. For the
	// raw loader that reads the files again, so a file changed in the meantime reaches a
	// replay that asked to keep the raw data; recognising the moved rows needs a record of
	// which attempt wrote them.
	if err := sameCounts(read, want); err != nil {
		return choreo.Result{}, fmt.Errorf("%w: %w", choreo.ErrCarryGone, err)
	}
	next, err := warehouse.Regenerated(batch, gen)
	if err != nil {
		return choreo.Result{}, choreo.Permanent(err)
	}
	report, err := wh.Save(ctx, next)
	if err != nil {
		return choreo.Result{Validation: report.Counts()}, SaveError(err)
	}
	return choreo.Result{Rows: read, Anomalies: warehouse.Findings(report),
		Validation: report.Counts()}, nil
}

// sameCounts names the first table (in name order) whose count differs.
func sameCounts(read, want map[string]int) error {
	names := make([]string, 0, len(read)+len(want))
	for t := range want {
		names = append(names, t)
	}
	for t := range read {
		if _, ok := want[t]; !ok {
			names = append(names, t)
		}
	}
	sort.Strings(names)
	for _, t := range names {
		got, ok := read[t]
		if !ok || got != want[t] {
			return fmt.Errorf("%s holds %d rows of the generation to carry; its completion "+
				"reported %d", t, got, want[t])
		}
	}
	return nil
}
