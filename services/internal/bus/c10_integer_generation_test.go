package bus

import (
	"encoding/json"
	"testing"

	"cloud.google.com/go/pubsub/v2"

	"github.com/tipoff-nba/tipoff/events"
)

// TestC10StructuredIntegerGeneration: in the CloudEvents JSON format an Integer extension
// is a JSON number, while binary mode can only carry it as the string "1". C10's own (b)
// message writes its version that way ("inputversion": 1). Both are the same event, so a
// structured producer that types the generation must be read like the binary one.
func TestC10StructuredIntegerGeneration(t *testing.T) {
	sent := offenseCompleted(t)
	var structured map[string]any
	b, err := json.Marshal(sent)
	if err == nil {
		err = json.Unmarshal(b, &structured)
	}
	if err != nil {
		t.Fatal(err)
	}
	structured[events.ExtGeneration] = 1
	body, err := json.Marshal(structured)
	if err != nil {
		t.Fatal(err)
	}

	got, err := receive(&pubsub.Message{Data: body,
		Attributes: map[string]string{contentTypeAttr: structuredContent}})

	if err != nil {
		t.Fatalf("receive: %v", err)
	}
	want, err := events.Parse(sent)
	if err != nil {
		t.Fatal(err)
	}
	checkSameEnvelope(t, got, want)
}
