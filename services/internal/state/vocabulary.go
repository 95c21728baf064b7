package state

// statuses is the whole status vocabulary, in the order docs/FIRESTORE.md lists it.
var statuses = []Status{StatusWaiting, StatusRunning, StatusComplete, StatusPartial,
	StatusFailed, StatusSuperseded, StatusBlocked, StatusQuarantined}

// Statuses returns every status of the vocabulary, for tools that accept a status from a
// person and must refuse a misspelt one instead of matching nothing.
func Statuses() []Status {
	return append([]Status(nil), statuses...)
}

// Known reports whether s is a status of the vocabulary.
func (s Status) Known() bool {
	for _, x := range statuses {
		if x == s {
			return true
		}
	}
	return false
}
