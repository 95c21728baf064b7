package events

import (
	"fmt"
	"strconv"
	"time"

	cloudevents "github.com/cloudevents/sdk-go/v2/event"
)

// ContentType is the datacontenttype of every event body.
const ContentType = "application/json"

// SourcePrefix starts the source attribute of every event: "/tipoff/" and the producer.
const SourcePrefix = "/tipoff/"

// NewLoadRequest builds a LoadRequested event. source names the requester, for example
// "tipoff-cli" or "scheduler".
func NewLoadRequest(source string, r LoadRequest, at time.Time) (cloudevents.Event, error) {
	id := LoadRequestID(r.GameDate, r.RequestID)
	if err := r.Validate(id); err != nil {
		return cloudevents.Event{}, err
	}
	return build(id, LoadRequested, SourcePrefix+source, r.GameDate, 0, r, at)
}

// NewCompletion builds the completion event of c.Processor. Its id is CompletionID, so
// publishing the same completion twice gives the same event.
func NewCompletion(c Completion, at time.Time) (cloudevents.Event, error) {
	id := CompletionID(c.Processor, c.GameDate, c.Generation)
	if err := c.Validate(id); err != nil {
		return cloudevents.Event{}, err
	}
	t, _ := CompletionType(c.Processor)
	return build(id, t, SourcePrefix+string(c.Processor), c.GameDate, c.Generation, c, at)
}

func build(id string, t Type, source, gameDate string, generation int64, body any,
	at time.Time) (cloudevents.Event, error) {
	e := cloudevents.New(cloudevents.CloudEventsVersionV1)
	e.SetID(id)
	e.SetType(string(t))
	e.SetSource(source)
	e.SetSubject(gameDate)
	e.SetTime(at.UTC())
	e.SetExtension(ExtGameDate, gameDate)
	if generation > 0 {
		e.SetExtension(ExtGeneration, strconv.FormatInt(generation, 10))
	}
	if err := e.SetData(ContentType, body); err != nil {
		return cloudevents.Event{}, fmt.Errorf("events: encode %s body: %w", t, err)
	}
	if err := e.Validate(); err != nil {
		return cloudevents.Event{}, fmt.Errorf("events: build %s: %w", id, err)
	}
	return e, nil
}
