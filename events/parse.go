package events

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	cloudevents "github.com/cloudevents/sdk-go/v2/event"
	"github.com/cloudevents/sdk-go/v2/types"
)

// Envelope is a received event after validation. Exactly one of Load, Completion, Finding
// and Blocked is set, according to Type.
type Envelope struct {
	ID       string
	Type     Type
	Source   string
	Time     time.Time
	GameDate string
	// Generation is the generation the event describes; 0 for a load request.
	Generation int64
	Load       *LoadRequest
	Completion *Completion
	Finding    *Finding
	Blocked    *Blocked
}

// Parse validates a received CloudEvent against the contract and decodes its body. Every
// error wraps ErrInvalid, and an unknown type also wraps ErrUnknownType.
func Parse(e cloudevents.Event) (Envelope, error) {
	env := Envelope{ID: e.ID(), Type: Type(e.Type()), Source: e.Source(), Time: e.Time()}
	if err := e.Validate(); err != nil {
		return env, fieldErr(env.ID, "context", "", err.Error())
	}
	if !env.Type.Known() {
		return env, fmt.Errorf("%w: %w", ErrUnknownType,
			fieldErr(env.ID, "type", string(env.Type), "not a type of the contract"))
	}
	if err := parseContext(e, &env); err != nil {
		return env, err
	}
	if err := parseBody(e, &env); err != nil {
		return env, err
	}
	return env, nil
}

func parseContext(e cloudevents.Event, env *Envelope) error {
	if !strings.HasPrefix(env.Source, SourcePrefix) {
		return fieldErr(env.ID, "source", env.Source, "must start with "+SourcePrefix)
	}
	env.GameDate = e.Subject()
	if !ValidDate(env.GameDate) {
		return fieldErr(env.ID, "subject", env.GameDate, "not a YYYY-MM-DD game date")
	}
	if e.DataContentType() != ContentType {
		return fieldErr(env.ID, "datacontenttype", e.DataContentType(), "must be "+ContentType)
	}
	ext := e.Extensions()
	if got, _ := ext[ExtGameDate].(string); got != env.GameDate {
		return fieldErr(env.ID, "ext:"+ExtGameDate, got, "must equal the subject "+env.GameDate)
	}
	raw, has := ext[ExtGeneration]
	if env.Type == LoadRequested {
		if has {
			return fieldErr(env.ID, "ext:"+ExtGeneration, fmt.Sprint(raw),
				"a load request has no generation")
		}
		return nil
	}
	// Binary mode carries the extension as a string; structured mode may carry a JSON
	// number. Both must read alike.
	s := extensionText(raw)
	gen, err := strconv.ParseInt(s, 10, 64)
	if err != nil || gen < 1 || strconv.FormatInt(gen, 10) != s {
		return fieldErr(env.ID, "ext:"+ExtGeneration, s, "must be a positive decimal integer")
	}
	env.Generation = gen
	return nil
}

func parseBody(e cloudevents.Event, env *Envelope) error {
	switch env.Type {
	case QualityFinding:
		return parseFinding(e, env)
	case ProcessorBlocked:
		return parseBlocked(e, env)
	}
	if env.Type == LoadRequested {
		var r LoadRequest
		if err := decodeStrict(e.Data(), &r); err != nil {
			return fieldErr(env.ID, "data", string(e.Data()), err.Error())
		}
		if err := r.Validate(env.ID); err != nil {
			return err
		}
		if want := LoadRequestID(r.GameDate, r.RequestID); env.ID != want {
			return fieldErr(env.ID, "id", env.ID, "must be "+want)
		}
		env.Load = &r
		return agreeDate(env, r.GameDate)
	}

	var c Completion
	if err := decodeStrict(e.Data(), &c); err != nil {
		return fieldErr(env.ID, "data", string(e.Data()), err.Error())
	}
	if err := c.Validate(env.ID); err != nil {
		return err
	}
	if producer, _ := env.Type.Producer(); c.Processor != producer {
		return fieldErr(env.ID, "data.processor", string(c.Processor),
			"type "+string(env.Type)+" is published by "+string(producer))
	}
	if c.Generation != env.Generation {
		return fieldErr(env.ID, "data.generation", strconv.FormatInt(c.Generation, 10),
			"must equal the generation extension")
	}
	if want := CompletionID(c.Processor, c.GameDate, c.Generation); env.ID != want {
		return fieldErr(env.ID, "id", env.ID, "must be "+want)
	}
	env.Completion = &c
	return agreeDate(env, c.GameDate)
}

func agreeDate(env *Envelope, bodyDate string) error {
	if bodyDate != env.GameDate {
		return fieldErr(env.ID, "data.game_date", bodyDate, "must equal the subject "+env.GameDate)
	}
	return nil
}

func decodeStrict(data []byte, into any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(into); err != nil {
		return fmt.Errorf("body does not decode: %w", err)
	}
	if dec.More() {
		return fmt.Errorf("body has trailing data")
	}
	return nil
}

func parseFinding(e cloudevents.Event, env *Envelope) error {
	var f Finding
	if err := decodeStrict(e.Data(), &f); err != nil {
		return fieldErr(env.ID, "data", string(e.Data()), err.Error())
	}
	if err := f.Validate(env.ID); err != nil {
		return err
	}
	if err := agreeRun(env, FindingID(f), f.GameDate, f.Generation); err != nil {
		return err
	}
	env.Finding = &f
	return nil
}

func parseBlocked(e cloudevents.Event, env *Envelope) error {
	var b Blocked
	if err := decodeStrict(e.Data(), &b); err != nil {
		return fieldErr(env.ID, "data", string(e.Data()), err.Error())
	}
	if err := b.Validate(env.ID); err != nil {
		return err
	}
	if err := agreeRun(env, BlockedID(b.Processor, b.GameDate, b.Generation), b.GameDate,
		b.Generation); err != nil {
		return err
	}
	env.Blocked = &b
	return nil
}

// agreeRun checks the id, date and generation of a body against the context.
func agreeRun(env *Envelope, wantID, bodyDate string, generation int64) error {
	if env.ID != wantID {
		return fieldErr(env.ID, "id", env.ID, "must be "+wantID)
	}
	if generation != env.Generation {
		return fieldErr(env.ID, "data.generation", strconv.FormatInt(generation, 10),
			"must equal the generation extension")
	}
	return agreeDate(env, bodyDate)
}

// extensionText renders an extension value as its canonical string: binary mode gives a
// string already, structured JSON may give a number.
func extensionText(v any) string {
	s, _ := types.Format(v)
	return s
}
