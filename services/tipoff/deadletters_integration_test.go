package main

import (
	"context"
	"encoding/json"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/bus"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// seedDeadLetters records a load request the raw loader dead-lettered (its attributes as
// encoded, plus one Tipoff attribute) and a message without a readable date. It returns
// the first one's record and id.
func seedDeadLetters(e *testEnv) (state.DeadLetter, string) {
	e.t.Helper()
	ev, err := events.NewLoadRequest(cliSource, events.LoadRequest{GameDate: "2026-02-02",
		RequestID: "r1", Reason: "initial"}, seedAt)
	if err != nil {
		e.t.Fatal(err)
	}
	msg, err := bus.Encode(context.Background(), ev)
	if err != nil {
		e.t.Fatal(err)
	}
	attrs := maps.Clone(msg.Attributes)
	attrs["tipoff-subscription"] = "raw-boxscores--" + events.LoadRequested.Topic()
	dated := state.DeadLetter{Subscription: bus.SubscriptionID(events.RawBoxScores,
		events.LoadRequested), MessageID: "41", Processor: "raw_boxscores", Attributes: attrs,
		Payload: string(msg.Data), Reason: "events: field subject: not a date",
		GameDate: "2026-02-02", EventID: ev.ID(), EventType: ev.Type(), FirstAt: seedAt}
	undated := state.DeadLetter{Subscription: bus.SubscriptionID(events.TeamOffense,
		events.RawLoaded), MessageID: "42", Processor: "team_offense",
		Attributes: map[string]string{"ce-id": "?"}, Payload: "not json",
		Reason: "bus: malformed message", FirstAt: seedAt.Add(time.Minute)}
	var id string
	for _, d := range []state.DeadLetter{dated, undated} {
		got, err := e.store.RecordDeadLetter(e.ctx(), d)
		if err != nil {
			e.t.Fatal(err)
		}
		if id == "" {
			id = got
		}
	}
	return dated, id
}

// TestDeadLettersList: every dead letter, oldest first, or those of one date.
func TestDeadLettersList(t *testing.T) {
	e := newTestEnv(t)
	dated, id := seedDeadLetters(e)
	undatedID := state.DeadLetterID(bus.SubscriptionID(events.TeamOffense, events.RawLoaded), "42")

	r := e.mustRun("deadletters", deadLettersCommand)
	lines := strings.Split(strings.TrimSpace(r.out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], id) ||
		!strings.HasPrefix(lines[2], undatedID) {
		t.Errorf("all dead letters:\n%s", r.out)
	}
	if f := strings.Fields(lines[1]); f[len(f)-1] != "false" || f[4] != "2026-02-02" {
		t.Errorf("row %q", lines[1])
	}

	r = e.mustRun("deadletters", deadLettersCommand, "--date", "2026-02-02", "--json")
	var got []map[string]any
	if err := json.Unmarshal([]byte(r.out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0]["id"] != id || got[0]["payload"] != dated.Payload ||
		got[0]["reason"] != dated.Reason {
		t.Errorf("dead letters of 2026-02-02: %v", got)
	}

	r = e.mustRun("deadletters", deadLettersCommand, "--date", "2026-02-09")
	if r.out != "" || !strings.Contains(r.errs, "no dead letters") {
		t.Errorf("no match: stdout %q stderr %q", r.out, r.errs)
	}
}

// TestDeadLettersRedrive: the stored payload and original attributes arrive on the topic
// the subscription reads, the record is marked redriven, a second redrive is refused and
// publishes nothing, and --force publishes again.
func TestDeadLettersRedrive(t *testing.T) {
	e := newTestEnv(t)
	dated, id := seedDeadLetters(e)
	sub := e.subscribe(events.LoadRequested.Topic())

	r := e.mustRun("deadletters", deadLettersCommand, "redrive", "--id", id)

	if !strings.Contains(r.out, "to "+events.LoadRequested.Topic()) {
		t.Errorf("stdout %q does not name the topic", r.out)
	}
	msgs := e.receive(sub, 1, testTimeout)
	if len(msgs) != 1 {
		t.Fatalf("received %d messages, want 1", len(msgs))
	}
	wantAttrs := maps.Clone(dated.Attributes)
	delete(wantAttrs, "tipoff-subscription")
	if string(msgs[0].Data) != dated.Payload || !maps.Equal(msgs[0].Attributes, wantAttrs) {
		t.Errorf("message %q %v, want %q %v", msgs[0].Data, msgs[0].Attributes, dated.Payload,
			wantAttrs)
	}
	if _, err := bus.Decode(context.Background(), msgs[0]); err != nil {
		t.Errorf("the redriven message no longer decodes: %v", err)
	}
	if d, _, err := e.store.DeadLetter(e.ctx(), id); err != nil || !d.Redriven {
		t.Errorf("after redrive: redriven %t, %v", d.Redriven, err)
	}

	r = e.run("deadletters", deadLettersCommand, "redrive", "--id", id)
	if r.code != exitFailed || !strings.Contains(r.errs, "already redriven") ||
		!strings.Contains(r.errs, "--force") {
		t.Errorf("second redrive: exit %d, stderr %q", r.code, r.errs)
	}
	if again := e.receive(sub, 1, 2*time.Second); len(again) != 0 {
		t.Errorf("a refused redrive published %d messages", len(again))
	}

	e.mustRun("deadletters", deadLettersCommand, "redrive", "--id", id, "--force")
	if forced := e.receive(sub, 1, testTimeout); len(forced) != 1 {
		t.Errorf("--force: received %d messages, want 1", len(forced))
	}
}

// TestDeadLettersRedriveTopicAndMissing: --topic overrides the subscription's topic; an
// unknown id fails.
func TestDeadLettersRedriveTopicAndMissing(t *testing.T) {
	e := newTestEnv(t)
	seedDeadLetters(e)
	undatedID := state.DeadLetterID(bus.SubscriptionID(events.TeamOffense, events.RawLoaded), "42")
	sub := e.subscribe(events.TeamOffenseCompleted.Topic())

	e.mustRun("deadletters", deadLettersCommand, "redrive", "--id", undatedID, "--topic",
		events.TeamOffenseCompleted.Topic())

	msgs := e.receive(sub, 1, testTimeout)
	if len(msgs) != 1 || string(msgs[0].Data) != "not json" {
		t.Errorf("received %v", msgs)
	}
	r := e.run("deadletters", deadLettersCommand, "redrive", "--id", "0000")
	if r.code != exitFailed || !strings.Contains(r.errs, `"0000" not found`) {
		t.Errorf("unknown id: exit %d, stderr %q", r.code, r.errs)
	}
}
