package events

// CloudEvents extension attribute names used by the contract. Names must be 1-20
// characters of lowercase a-z and 0-9 (CloudEvents 1.0); readers and writers both use
// these constants, so a name can never be spelled two ways.
const (
	// ExtGameDate repeats the subject (the game date, YYYY-MM-DD) so Pub/Sub filters and
	// console views can see it as an attribute. It must equal the subject.
	ExtGameDate = "gamedate"
	// ExtGeneration is the generation the event describes, as a decimal integer. A load
	// request has none.
	ExtGeneration = "generation"
)

// Extensions lists every extension name the contract emits.
var Extensions = []string{ExtGameDate, ExtGeneration}
