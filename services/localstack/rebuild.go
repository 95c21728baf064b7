package localstack

import (
	"context"
	"fmt"

	"github.com/tipoff-nba/tipoff/services/internal/pipeline"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// RebuildDifferences rebuilds day's completion state from its event log alone, as
// `tipoff rebuild` does, and lists every difference from the live documents, one line
// each. None means the log and the live state agree.
func (s *Stack) RebuildDifferences(ctx context.Context, day string) ([]string, error) {
	graph, err := pipeline.New(pipeline.Default)
	if err != nil {
		return nil, err
	}
	entries, err := s.Store.EventLog(ctx, day)
	if err != nil {
		return nil, err
	}
	date, _, err := s.Store.Date(ctx, day)
	if err != nil {
		return nil, err
	}
	procs, err := s.Store.Processors(ctx, day)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, d := range state.Compare(state.Project(day, entries, graph.Leaves()), date, procs) {
		out = append(out, fmt.Sprintf("%s: log %s, live %s", d.Field, d.Log, d.Live))
	}
	return out, nil
}
