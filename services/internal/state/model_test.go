package state

import (
	"fmt"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
)

// dateModel holds one game date's documents the way Firestore would, for tests that replay
// a sequence of deliveries. Each method is one transaction: it reads the documents, calls
// the same pure decision Store.Claim or Store.Finish calls, and writes what it returns.
// Because Firestore transactions on these documents are serializable, running the
// methods one after another in every order covers every outcome concurrency can produce.
// The processor kill switch Store.Claim also reads is left out: no test here pauses.
type dateModel struct {
	date  *DateDoc
	procs map[events.Processor]*ProcessorDoc
}

func newDateModel() *dateModel {
	return &dateModel{procs: map[events.Processor]*ProcessorDoc{}}
}

// claim mirrors Store.Claim.
func (m *dateModel) claim(t Trigger) (Verdict, error) {
	if len(t.Needs) == 0 {
		v, date, proc := decideRoot(m.date, m.procs[t.Processor], t)
		if date != nil {
			m.date = date
		}
		if proc != nil {
			m.procs[t.Processor] = proc
		}
		return v, nil
	}

	upstream := make(map[events.Processor]*ProcessorDoc, len(t.Needs))
	for _, need := range t.Needs {
		upstream[need] = m.procs[need]
	}
	v, proc, err := decideDependent(m.date, m.procs[t.Processor], upstream, t)
	if err != nil {
		return v, err
	}
	if proc != nil {
		m.procs[t.Processor] = proc
	}
	return v, nil
}

// finish mirrors Store.Finish: a superseded run still writes its processor document.
func (m *dateModel) finish(f Finish) error {
	date, proc, err := decideFinish(m.date, m.procs[f.Processor], f, events.Processors)
	if proc != nil {
		m.procs[f.Processor] = proc
	}
	if err != nil {
		return err
	}
	m.date = date
	return nil
}

// succeeded reports whether p has succeeded at the date's current generation: the "flag"
// of field case C06.
func (m *dateModel) succeeded(p events.Processor) bool {
	d := m.procs[p]
	return m.date != nil && d != nil && d.Generation == m.date.Generation && d.Status.Succeeded()
}

// completeFinish is the successful end of run owner of p at gen.
func completeFinish(gameDate string, p events.Processor, gen int64, owner string,
	now time.Time) Finish {
	typ, _ := events.CompletionType(p)
	return Finish{GameDate: gameDate, Processor: p, Generation: gen, Owner: owner,
		Status: StatusComplete, EventID: events.CompletionID(p, gameDate, gen), EventType: typ,
		Rows: map[string]int{string(p): 1}, Now: now}
}

// mustRun claims t and fails the test unless the claim is a run.
func (m *dateModel) mustRun(t *testing.T, trig Trigger) Verdict {
	t.Helper()
	v, err := m.claim(trig)
	if err != nil || v.Decision != DecisionRun {
		t.Fatalf("claim %s by %s: got %s (%s), err %v; want run", trig.Processor, trig.Owner,
			v.Decision, v.Reason, err)
	}
	return v
}

// mustFinish records a complete run and fails the test if it is refused.
func (m *dateModel) mustFinish(t *testing.T, f Finish) {
	t.Helper()
	if err := m.finish(f); err != nil {
		t.Fatalf("finish %s g%d: %v", f.Processor, f.Generation, err)
	}
}

// load opens a generation with request and runs the raw loader to completion, as the
// raw worker would. It returns the generation opened.
func (m *dateModel) load(t *testing.T, gameDate, request string, now time.Time) int64 {
	t.Helper()
	owner := "raw/" + request
	v := m.mustRun(t, loadTrigger(gameDate, request, owner, now))
	m.mustFinish(t, completeFinish(gameDate, events.RawBoxScores, v.Generation, owner, now))
	return v.Generation
}

// claimTeam claims processor p (a team summary) from the raw completion of gen and
// returns the run's owner; the run is left going.
func (m *dateModel) claimTeam(t *testing.T, gameDate string, p events.Processor, gen int64,
	now time.Time) string {
	t.Helper()
	owner := fmt.Sprintf("%s/g%d", p, gen)
	m.mustRun(t, completionTrigger(gameDate, p, []events.Processor{events.RawBoxScores},
		events.RawBoxScores, gen, owner, now))
	return owner
}

// runTeam claims and completes team processor p at gen.
func (m *dateModel) runTeam(t *testing.T, gameDate string, p events.Processor, gen int64,
	now time.Time) {
	t.Helper()
	owner := m.claimTeam(t, gameDate, p, gen, now)
	m.mustFinish(t, completeFinish(gameDate, p, gen, owner, now))
}
