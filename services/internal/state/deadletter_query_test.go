package state_test

import (
	"errors"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/services/internal/state"
)

func recordDeadLetter(t *testing.T, store *state.Store, msgID, gameDate string,
	at time.Time) string {
	t.Helper()
	id, err := store.RecordDeadLetter(testContext(t), state.DeadLetter{
		Subscription: "team-offense--tipoff.raw-boxscores.loaded.v1", MessageID: msgID,
		Processor: "team_offense", Attributes: map[string]string{"ce-id": "x"},
		Payload: `{"game_date":"` + gameDate + `"}`, Reason: "bad", GameDate: gameDate,
		FirstAt: at})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// TestDeadLettersOn: only the date's dead letters, oldest first.
func TestDeadLettersOn(t *testing.T) {
	store := emulatorStore(t)
	late := recordDeadLetter(t, store, "2", "2026-02-03", seedAt.Add(time.Minute))
	early := recordDeadLetter(t, store, "1", "2026-02-03", seedAt)
	recordDeadLetter(t, store, "3", "2026-02-04", seedAt)
	recordDeadLetter(t, store, "4", "", seedAt)

	got, err := store.DeadLettersOn(testContext(t), "2026-02-03")

	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d dead letters, want 2: %+v", len(got), got)
	}
	ids := []string{state.DeadLetterID(got[0].Subscription, got[0].MessageID),
		state.DeadLetterID(got[1].Subscription, got[1].MessageID)}
	if ids[0] != early || ids[1] != late {
		t.Errorf("order %v, want [%s %s]", ids, early, late)
	}
}

// TestMarkRedriven sets the flag and leaves the rest of the record as it was; a missing
// id is ErrNoDeadLetter, not a new document.
func TestMarkRedriven(t *testing.T) {
	store := emulatorStore(t)
	id := recordDeadLetter(t, store, "7", "2026-02-03", seedAt)
	before, _, err := store.DeadLetter(testContext(t), id)
	if err != nil {
		t.Fatal(err)
	}

	if err := store.MarkRedriven(testContext(t), id); err != nil {
		t.Fatal(err)
	}

	after, ok, err := store.DeadLetter(testContext(t), id)
	if err != nil || !ok {
		t.Fatalf("read back: found %t, %v", ok, err)
	}
	if !after.Redriven {
		t.Error("redriven is still false")
	}
	after.Redriven = false
	if after.Reason != before.Reason || after.Payload != before.Payload ||
		after.Deliveries != before.Deliveries || !after.FirstAt.Equal(before.FirstAt) {
		t.Errorf("record changed beyond the flag:\n got %+v\nwant %+v", after, before)
	}
	err = store.MarkRedriven(testContext(t), "no-such-id")
	if !errors.Is(err, state.ErrNoDeadLetter) {
		t.Errorf("missing id: err = %v, want ErrNoDeadLetter", err)
	}
	if _, ok, _ := store.DeadLetter(testContext(t), "no-such-id"); ok {
		t.Error("marking a missing id created a document")
	}
}
