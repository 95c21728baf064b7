package e2e

import (
	"fmt"
	"os"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

// The runtime settings of every fault-schedule worker, in process or not. Short, so a
// crashed run is taken over within seconds: its lease expires after faultLeaseTTL and its
// message returns after faultAckExtension.
const (
	faultLeaseTTL     = 2500 * time.Millisecond
	faultMaxRunTime   = 2 * time.Second
	faultGateBackoff  = 50 * time.Millisecond
	faultAckExtension = 2 * time.Second
)

// workerBinary is the binary of each processor's worker.
var workerBinary = map[events.Processor]string{
	events.RawBoxScores: "raw-loader", events.TeamOffense: "team-offense",
	events.TeamDefense: "team-defense", events.PlayerGameSummary: "player-game-summary",
}

// startProcess starts a worker of p as its own process, with the settings of the
// in-process workers; it has no injected Firestore faults.
func (w *faultWorkers) startProcess(p events.Processor) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.started++
	w.instance = fmt.Sprintf("%s-process-%d", p, w.started)
	env := append(w.stack.WorkerEnv(), "TIPOFF_INSTANCE="+w.instance,
		"TIPOFF_LEASE_TTL="+faultLeaseTTL.String(), "TIPOFF_MAX_RUN_TIME="+faultMaxRunTime.String(),
		"TIPOFF_GATE_BACKOFF="+faultGateBackoff.String(),
		"TIPOFF_ACK_EXTENSION="+faultAckExtension.String())
	process, err := localstack.StartWorker(os.Getenv("TIPOFF_BIN"), workerBinary[p], env, w.logs)
	if err != nil {
		w.t.Errorf("start %s process: %v", p, err)
		return
	}
	w.process = process
}

// killOnFirstClaim sends SIGKILL to the worker process as soon as it logs its first
// claimed run, then starts p's in-process instances: one in the process's place and the
// schedule's others. The returned function stops watching.
//
// TODO: about one kill in ten lands while the process is inside another Firestore
// transaction (a claim of another date, usually). The emulator keeps that transaction's
// locks until it expires, about 60 s, and every claim of those documents waits behind
// them, so the schedule takes about 65 s instead of 5 (seen in 2 to 3 of 200 schedules;
// each costs a CI run about 30 s). Invariants hold throughout. Whether real Firestore
// frees them sooner is not measured here; a worker cannot roll back a transaction after
// its own death.
func (w *faultWorkers) killOnFirstClaim(p events.Processor) (stop func()) {
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		claimed := []string{`"message":"run claimed"`, `"owner":"` + w.instance + `/`}
		for !w.logs.waitFor(100*time.Millisecond, claimed...) {
			select {
			case <-done:
				return
			default:
			}
		}
		w.mu.Lock()
		process := w.process
		w.process = nil
		w.mu.Unlock()
		if process == nil {
			return
		}
		process.Kill()
		w.t.Logf("killed %s (pid %d) after its first claimed run", w.instance, process.Pid())
		for i := 0; i < w.s.Instances[p]; i++ {
			w.start(p)
		}
	}()
	return func() {
		close(done)
		<-stopped
	}
}
