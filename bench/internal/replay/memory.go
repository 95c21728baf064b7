package replay

import (
	"fmt"

	"github.com/tipoff-nba/tipoff/bench/internal/procmem"
)

// Memory reads the memory of every worker process, keyed by binary name. With several
// processes of one binary, the one with the largest resident memory is kept.
func (s *Stack) Memory() (map[string]procmem.Usage, error) {
	out := map[string]procmem.Usage{}
	for _, w := range s.Workers {
		u, err := procmem.Read(w.Pid())
		if err != nil {
			return nil, fmt.Errorf("replay: memory of %s: %w", w.Name, err)
		}
		if prev, ok := out[w.Name]; !ok || u.RSSKiB > prev.RSSKiB {
			out[w.Name] = u
		}
	}
	return out, nil
}
