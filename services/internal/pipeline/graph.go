// Package pipeline declares the processor graph: which processor needs which, and so which
// events each worker subscribes to. Every worker validates the graph at start and refuses
// to run on a duplicate, a cycle or a dependency that no processor provides.
package pipeline

import (
	"errors"
	"fmt"

	"github.com/tipoff-nba/tipoff/events"
)

// ErrInvalidGraph is wrapped by every graph validation error.
var ErrInvalidGraph = errors.New("pipeline: invalid processor graph")

// Node is one processor and the processors whose output it reads.
type Node struct {
	Processor events.Processor
	// Needs are the processors that must be complete at a generation before this one runs
	// for it. A node with no needs is a root: it opens generations from load requests.
	Needs []events.Processor
}

// Graph is a validated set of nodes.
type Graph struct {
	nodes []Node
	index map[events.Processor]int
}

// Default is Tipoff's graph: raw box scores, then the two team summaries in parallel,
// then the player summary, which needs both team summaries.
var Default = []Node{
	{Processor: events.RawBoxScores},
	{Processor: events.TeamOffense, Needs: []events.Processor{events.RawBoxScores}},
	{Processor: events.TeamDefense, Needs: []events.Processor{events.RawBoxScores}},
	{Processor: events.PlayerGameSummary,
		Needs: []events.Processor{events.TeamOffense, events.TeamDefense}},
}

// New validates nodes and returns the graph.
func New(nodes []Node) (*Graph, error) {
	g := &Graph{nodes: nodes, index: make(map[events.Processor]int, len(nodes))}
	for i, n := range nodes {
		if _, dup := g.index[n.Processor]; dup {
			return nil, fmt.Errorf("%w: processor %q is declared twice", ErrInvalidGraph, n.Processor)
		}
		if _, ok := events.CompletionType(n.Processor); !ok {
			return nil, fmt.Errorf("%w: processor %q has no completion event type",
				ErrInvalidGraph, n.Processor)
		}
		g.index[n.Processor] = i
	}
	for _, n := range nodes {
		for _, need := range n.Needs {
			if _, ok := g.index[need]; !ok {
				return nil, fmt.Errorf("%w: %q needs %q, which no processor provides",
					ErrInvalidGraph, n.Processor, need)
			}
		}
	}
	if err := g.checkAcyclic(); err != nil {
		return nil, err
	}
	return g, nil
}

func (g *Graph) checkAcyclic() error {
	const (
		unseen = iota
		visiting
		done
	)
	state := make(map[events.Processor]int, len(g.nodes))
	var visit func(p events.Processor, path []events.Processor) error
	visit = func(p events.Processor, path []events.Processor) error {
		switch state[p] {
		case visiting:
			return fmt.Errorf("%w: cycle %v", ErrInvalidGraph, append(path, p))
		case done:
			return nil
		}
		state[p] = visiting
		for _, need := range g.nodes[g.index[p]].Needs {
			if err := visit(need, append(path, p)); err != nil {
				return err
			}
		}
		state[p] = done
		return nil
	}
	for _, n := range g.nodes {
		if err := visit(n.Processor, nil); err != nil {
			return err
		}
	}
	return nil
}

// Node returns the declaration of p.
func (g *Graph) Node(p events.Processor) (Node, bool) {
	i, ok := g.index[p]
	if !ok {
		return Node{}, false
	}
	return g.nodes[i], true
}

// Processors returns every processor, in declaration order.
func (g *Graph) Processors() []events.Processor {
	out := make([]events.Processor, len(g.nodes))
	for i, n := range g.nodes {
		out[i] = n.Processor
	}
	return out
}

// Leaves returns the processors nothing depends on, in declaration order. A date is done
// when every leaf has succeeded at its generation: a leaf runs only after all of its
// upstream did.
func (g *Graph) Leaves() []events.Processor {
	needed := map[events.Processor]bool{}
	for _, n := range g.nodes {
		for _, need := range n.Needs {
			needed[need] = true
		}
	}
	var out []events.Processor
	for _, n := range g.nodes {
		if !needed[n.Processor] {
			out = append(out, n.Processor)
		}
	}
	return out
}

// IsRoot reports whether p needs nothing: it opens generations.
func (g *Graph) IsRoot(p events.Processor) bool {
	n, ok := g.Node(p)
	return ok && len(n.Needs) == 0
}

// IsLeaf reports whether nothing depends on p.
func (g *Graph) IsLeaf(p events.Processor) bool {
	for _, leaf := range g.Leaves() {
		if leaf == p {
			return true
		}
	}
	return false
}

// Triggers returns the event types that wake p: the completion types of what it needs, or
// the load request for a root.
func (g *Graph) Triggers(p events.Processor) []events.Type {
	n, _ := g.Node(p)
	if len(n.Needs) == 0 {
		return []events.Type{events.LoadRequested}
	}
	out := make([]events.Type, 0, len(n.Needs))
	for _, need := range n.Needs {
		t, _ := events.CompletionType(need)
		out = append(out, t)
	}
	return out
}

// Dependents returns p and every processor that depends on it, directly or not, in
// declaration order.
func (g *Graph) Dependents(p events.Processor) []events.Processor {
	hit := map[events.Processor]bool{p: true}
	for changed := true; changed; {
		changed = false
		for _, n := range g.nodes {
			for _, need := range n.Needs {
				if hit[need] && !hit[n.Processor] {
					hit[n.Processor], changed = true, true
				}
			}
		}
	}
	var out []events.Processor
	for _, n := range g.nodes {
		if hit[n.Processor] {
			out = append(out, n.Processor)
		}
	}
	return out
}

// Recomputes reports whether p computes a generation whose load request replays from
// replayFrom: p is replayFrom or downstream of it. An empty replayFrom is a full replay,
// which every processor computes. Every other processor carries its output of the
// previous generation forward.
func (g *Graph) Recomputes(replayFrom, p events.Processor) bool {
	if replayFrom == "" {
		return true
	}
	for _, d := range g.Dependents(replayFrom) {
		if d == p {
			return true
		}
	}
	return false
}
