package stall

import "github.com/tipoff-nba/tipoff/events"

// MarkPaused sets Paused on the stalls of the processors in paused and returns how many
// stalls are left unpaused: those are the ones worth paging about. An operator who paused
// a processor knows it waits; paging them for it would teach them to ignore the sweep.
func MarkPaused(stalls []Stall, paused map[events.Processor]bool) int {
	unpaused := 0
	for i := range stalls {
		stalls[i].Paused = paused[stalls[i].Processor]
		if !stalls[i].Paused {
			unpaused++
		}
	}
	return unpaused
}
