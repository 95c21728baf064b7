package state

// Collection names. They are part of the operator's view in the Firestore console.
const (
	DatesCollection       = "dates"
	ProcessorsCollection  = "processors"
	EventLogCollection    = "events"
	DeadLettersCollection = "dead_letters"
)
