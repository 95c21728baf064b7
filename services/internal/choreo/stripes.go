package choreo

import (
	"hash/fnv"
	"sync"
)

// claimStripes serialises, inside one worker process, the claims of one date. Two
// triggers of the same date (the two team completions reach the player worker within
// milliseconds) would otherwise run claim transactions on the same documents at once; the
// second then waits on Firestore's lock and the client's retry backoff (about a second on
// the emulator). Across processes, the transaction alone decides; this only removes
// contention a process would have with itself.
type claimStripes [64]sync.Mutex

func (s *claimStripes) lock(gameDate string) func() {
	h := fnv.New32a()
	_, _ = h.Write([]byte(gameDate))
	m := &s[h.Sum32()%uint32(len(s))]
	m.Lock()
	return m.Unlock
}
