package state

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
)

// caseDelivery is one upstream completion delivered to the player worker in a field case.
// Label is the event id the case file uses; Tipoff's own id is derived from the rest.
type caseDelivery struct {
	Label    string
	Upstream events.Processor
	Gen      int64
	// At is the CloudEvent time the producer stamped on the event.
	At time.Time
}

// c05Day and c05Deliveries restate shared/cases/inputs/C05.json (checked against it by
// TestCaseInputsMatch). Offense v2 carries a time one second earlier than offense v1, as
// producer clocks allow; the defense times are not in the file and are invented.
const c05Day = "2024-01-18"

var c05Deliveries = []caseDelivery{
	{"off-20240118-v2", events.TeamOffense, 2, time.Date(2024, 1, 19, 4, 10, 1, 0, time.UTC)},
	{"def-20240118-v1", events.TeamDefense, 1, time.Date(2024, 1, 19, 4, 10, 3, 0, time.UTC)},
	{"def-20240118-v2", events.TeamDefense, 2, time.Date(2024, 1, 19, 4, 10, 4, 0, time.UTC)},
	{"off-20240118-v1", events.TeamOffense, 1, time.Date(2024, 1, 19, 4, 10, 2, 0, time.UTC)},
}

// TestC05OutOfOrderGenerations replays field case C05: a stat correction made g2, and the
// player worker receives offense v2, a late defense v1, defense v2 and a late offense v1.
// Exactly one run may start, for (offense v2, defense v2); the mixed pair must never run
// and the late v1 copies are stale. The sequence is replayed under two clocks, one of
// them the producers' own event times (offense v2 before v1): generations alone decide.
func TestC05OutOfOrderGenerations(t *testing.T) {
	clocks := []struct {
		name string
		now  func(i int, env events.Envelope) time.Time
	}{
		{"processing clock", func(i int, _ events.Envelope) time.Time {
			return t0.Add(time.Hour + time.Duration(i)*time.Second)
		}},
		{"producer event time", func(_ int, env events.Envelope) time.Time { return env.Time }},
	}
	want := []Decision{DecisionWait, DecisionStale, DecisionRun, DecisionStale}
	for _, clock := range clocks {
		t.Run(clock.name, func(t *testing.T) {
			m := c05Corrected(t)
			var got []Decision
			for i, d := range c05Deliveries {
				if d.Label == "def-20240118-v2" {
					// The defense worker finishes g2 only now, between the two defense copies.
					m.runTeam(t, c05Day, events.TeamDefense, 2, t0.Add(2*time.Hour))
				}
				env := parsedCompletion(t, c05Day, d)
				before := clone(t, m.procs[events.PlayerGameSummary])
				v, err := m.claim(envelopeTrigger(env, fmt.Sprintf("player/%d", i),
					clock.now(i, env)))
				if err != nil {
					t.Fatalf("%s: %v", d.Label, err)
				}
				got = append(got, v.Decision)
				if v.Decision == DecisionRun {
					checkC05Run(t, v)
					continue
				}
				// A stale or waiting delivery is acked with no write (C05).
				if after := clone(t, m.procs[events.PlayerGameSummary]); !reflect.DeepEqual(after,
					before) {
					t.Errorf("%s: %s rewrote the player document:\n got %+v\nwant %+v", d.Label,
						v.Decision, after, before)
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("decisions = %v, want %v (one per delivery of %v)", got, want,
					c05Deliveries)
			}
		})
	}
}

func checkC05Run(t *testing.T, v Verdict) {
	t.Helper()
	if v.Generation != 2 {
		t.Errorf("run for g%d, want g2", v.Generation)
	}
	if want := wantInputs(c05Day, 2); !reflect.DeepEqual(v.Inputs, want) {
		t.Errorf("run inputs = %+v, want both at g2: %+v", v.Inputs, want)
	}
}

// c05Corrected builds the state C05 starts from: g1 fully processed, then a correction
// opened g2 and team offense completed it while team defense is still at g1. The
// documents' own timestamps are later than every event time of the case.
func c05Corrected(t *testing.T) *dateModel {
	t.Helper()
	m := newDateModel()
	at := t0.Add(30 * time.Minute)
	gen := m.load(t, c05Day, "r1", at)
	m.runTeam(t, c05Day, events.TeamOffense, gen, at)
	m.runTeam(t, c05Day, events.TeamDefense, gen, at)
	m.mustRun(t, playerTrigger(c05Day, events.TeamDefense, gen, "player/g1", at))
	m.mustFinish(t, completeFinish(c05Day, events.PlayerGameSummary, gen, "player/g1", at))

	if gen = m.load(t, c05Day, "r2-correction", at); gen != 2 {
		t.Fatalf("correction opened g%d, want g2", gen)
	}
	m.runTeam(t, c05Day, events.TeamOffense, gen, at)
	return m
}

// parsedCompletion builds d's completion event with the contract's own constructor, and
// parses it back as the player worker would on receipt.
func parsedCompletion(t *testing.T, gameDate string, d caseDelivery) events.Envelope {
	t.Helper()
	raw := events.CompletionID(events.RawBoxScores, gameDate, d.Gen)
	e, err := events.NewCompletion(events.Completion{
		GameDate: gameDate, Generation: d.Gen, Processor: d.Upstream,
		Outcome: events.OutcomeComplete, Rows: map[string]int{string(d.Upstream): 8},
		Games: 4, InputDigest: "sha256:" + strings.Repeat("0f", 32),
		Inputs: []events.Input{{Processor: events.RawBoxScores, Generation: d.Gen, EventID: raw}},
	}, d.At)
	if err != nil {
		t.Fatalf("%s: %v", d.Label, err)
	}
	env, err := events.Parse(e)
	if err != nil {
		t.Fatalf("%s: %v", d.Label, err)
	}
	return env
}

// envelopeTrigger maps a parsed team completion to the player's trigger field by field,
// the way the worker does. The envelope's Time has no field to go to.
func envelopeTrigger(env events.Envelope, owner string, now time.Time) Trigger {
	return Trigger{GameDate: env.GameDate, Processor: events.PlayerGameSummary,
		Needs: teamNeeds, EventID: env.ID, EventType: env.Type, Generation: env.Generation,
		Owner: owner, Now: now, LeaseTTL: leaseTTL}
}
