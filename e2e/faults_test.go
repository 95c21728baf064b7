package e2e

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

var (
	schedules = flag.Int("schedules", 200, "fault schedules TestFaultSchedules runs")
	firstSeed = flag.Int64("seed", 1, "seed of the first schedule; -schedules=1 replays one")
	parallel  = flag.Int("parallel", 1, "schedules run at once, each on its own stack")
	faultLogs = flag.String("fault-logs", "", "directory to write every schedule's worker "+
		"logs to (seed-N.log); by default they are printed only when a schedule fails")
)

// TestFaultSchedules runs seeded random schedules of duplicates, reordering, redelivery
// after the ack deadline, crashed workers (in process, or a worker process killed with
// SIGKILL right after its first claim), Firestore contention and lost commit replies, new
// generations in the middle of runs and several instances of a worker, over real and
// synthetic dates; then checks the invariants. A failing schedule prints its seed, and
// `go test -run TestFaultSchedules -args -seed=N -schedules=1` replays it.
func TestFaultSchedules(t *testing.T) {
	pool := faultDates(t)
	// A pool of runners, each running one schedule at a time with t.Run, rather than
	// t.Parallel: the number at once is then exactly -parallel, whatever go test's own
	// -parallel is.
	seeds := make(chan int64)
	var runners sync.WaitGroup
	for range max(1, *parallel) {
		runners.Add(1)
		go func() {
			defer runners.Done()
			for seed := range seeds {
				t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
					runSeed(t, seed, pool)
				})
			}
		}()
	}
	for i := 0; i < *schedules; i++ {
		seeds <- *firstSeed + int64(i)
	}
	close(seeds)
	runners.Wait()
}

// runSeed runs the schedule of seed and says how to replay it if it fails.
func runSeed(t *testing.T, seed int64, pool []faultDate) {
	s := newSchedule(seed, pool)
	t.Logf("schedule: %s", s)
	defer func() {
		if t.Failed() {
			t.Logf("replay with: make faults SCHEDULES=1 SEED=%d (or go test -run "+
				"TestFaultSchedules -args -seed=%d -schedules=1)\nschedule: %s", seed,
				seed, s)
		}
	}()
	runSchedule(t, s)
}

// faultDate is a date the schedules may load, with the data directory holding it.
type faultDate struct {
	day   string
	games int
}

var faultDir struct {
	once sync.Once
	dir  string
}

// faultDates lays out one data directory for every schedule: a complete real date, the
// real partial opening night, and a synthetic date.
func faultDates(t *testing.T) []faultDate {
	t.Helper()
	realData(t)
	faultDir.once.Do(func() {
		full, opening := gamesOn(t, "2026-02-02"), gamesOn(t, "2025-10-21")
		dir := dataDir(t, append(append([]string{}, full...), opening...), nil)
		addSynthetic(t, dir, gamesOn(t, "2026-01-31")[:3])
		faultDir.dir = dir
	})
	return []faultDate{{"2026-02-02", 4}, {"2025-10-21", 1}, {synthDate, 3}}
}

// schedule is everything random about one run, drawn from its seed.
type schedule struct {
	Seed        int64
	Dates       []string
	Instances   map[events.Processor]int
	AbortCommit float64
	LoseReply   float64
	Copies      int           // extra copies of each load request
	Regenerate  bool          // a second load request opens a new generation mid-run
	RegenAfter  time.Duration // when it is sent
	Crash       bool          // one worker instance is crashed and replaced
	CrashWho    events.Processor
	CrashAfter  time.Duration
	SlowRuns    bool // runs are slowed past the ack deadline extension
	// Kill makes the crash a SIGKILL of a worker process (the first instance of CrashWho
	// runs as its own process) right after it logs its first claimed run; CrashWho's
	// other instances and a replacement start in process then.
	Kill bool
	rng  *rand.Rand
	mu   sync.Mutex
}

func newSchedule(seed int64, pool []faultDate) *schedule {
	rng := rand.New(rand.NewSource(seed))
	s := &schedule{Seed: seed, Instances: map[events.Processor]int{}}
	for _, d := range pool {
		if rng.Intn(2) == 0 || len(s.Dates) == 0 && d.day == pool[len(pool)-1].day {
			s.Dates = append(s.Dates, d.day)
		}
	}
	for _, p := range events.Processors {
		s.Instances[p] = 1 + rng.Intn(2)
	}
	s.AbortCommit = rng.Float64() * 0.08
	s.LoseReply = rng.Float64() * 0.05
	s.Copies = rng.Intn(3)
	s.Regenerate = rng.Intn(3) == 0
	s.RegenAfter = time.Duration(rng.Intn(800)) * time.Millisecond
	s.Crash = rng.Intn(4) == 0
	s.CrashWho = events.Processors[rng.Intn(len(events.Processors))]
	s.CrashAfter = time.Duration(rng.Intn(600)) * time.Millisecond
	s.SlowRuns = rng.Intn(4) == 0
	s.Kill = s.Crash && rng.Intn(2) == 0
	s.rng = rng
	return s
}

func (s *schedule) String() string {
	b, _ := json.Marshal(s)
	return string(b)
}

// delay draws a run delay for slowed schedules; it is reproducible for a seed only up to
// the order in which concurrent runs ask.
func (s *schedule) delay() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return time.Duration(s.rng.Intn(700)) * time.Millisecond
}

func runSchedule(t *testing.T, s *schedule) {
	began := time.Now()
	defer func() { t.Logf("phases: stopped at %s", since(began)) }()
	logs := &logBuffer{}
	stack, err := localstack.StartStack(context.Background(), localstack.StackConfig{
		Project: fmt.Sprintf("faults-%d-%d", s.Seed, time.Now().UnixNano()%1e6), DataDir: faultDir.dir,
		Warehouse: filepath.Join(t.TempDir(), "warehouse.db"), Logs: logs,
		Instances: map[string]int{"raw-loader": 0, "team-offense": 0, "team-defense": 0,
			"player-game-summary": 0},
		ShortAckDeadlines: true, AckDeadline: 2 * time.Second,
	})
	must(t, err)
	defer stack.Stop()
	defer func() {
		if t.Failed() {
			t.Logf("worker logs:\n%s", logs.String())
		}
		if *faultLogs != "" {
			path := filepath.Join(*faultLogs, fmt.Sprintf("seed-%d.log", s.Seed))
			if err := os.WriteFile(path, []byte(logs.String()), 0o644); err != nil {
				t.Errorf("keep the worker logs: %v", err)
			}
		}
	}()
	faults := localstack.NewFaults(s.Seed, s.AbortCommit, s.LoseReply)
	workers := startFaultWorkers(t, stack, s, faults, logs)
	defer workers.stopAll()

	requests := []string{"r1"}
	for _, day := range s.Dates {
		for c := 0; c <= s.Copies; c++ {
			requestLoad(t, stack, day, "r1")
		}
	}
	if s.Regenerate {
		regen := time.AfterFunc(s.RegenAfter, func() {
			for _, day := range s.Dates {
				requestLoadQuiet(stack, day, "r2")
			}
		})
		requests = append(requests, "r2")
		defer regen.Stop()
	}
	switch {
	case s.Kill:
		defer workers.killOnFirstClaim(s.CrashWho)()
	case s.Crash:
		crash := time.AfterFunc(s.CrashAfter, func() { workers.crashAndReplace(s.CrashWho) })
		defer crash.Stop()
	}
	final := int64(len(requests))
	for _, day := range s.Dates {
		waitDate(t, stack, day, func(doc map[string]any) bool {
			return doc["generation"] == final && isDone(doc)
		})
	}
	t.Logf("phases: dates done at %s", since(began))
	checkInvariants(t, stack, s, logs, final)
	t.Logf("phases: invariants checked at %s", since(began))
}

// faultWorkers are the in-process workers of a schedule.
type faultWorkers struct {
	mu      sync.Mutex
	t       *testing.T
	stack   *localstack.Stack
	s       *schedule
	faults  *localstack.Faults
	logs    *logBuffer
	running map[events.Processor][]*localstack.InProcessWorker
	crashed []*localstack.InProcessWorker
	// process is the worker process of a kill schedule, and its instance name.
	process  *localstack.Process
	instance string
	started  int
	closed   bool
}

func startFaultWorkers(t *testing.T, stack *localstack.Stack, s *schedule,
	faults *localstack.Faults, logs *logBuffer) *faultWorkers {
	w := &faultWorkers{t: t, stack: stack, s: s, faults: faults, logs: logs,
		running: map[events.Processor][]*localstack.InProcessWorker{}}
	for _, p := range events.Processors {
		for i := 0; i < s.Instances[p]; i++ {
			if s.Kill && p == s.CrashWho {
				// The process runs alone until its first claim, so it is sure to be killed
				// in the middle of a run; its siblings start when it dies.
				if i == 0 {
					w.startProcess(p)
				}
				continue
			}
			w.start(p)
		}
	}
	return w
}

func (w *faultWorkers) start(p events.Processor) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return
	}
	w.started++
	cfg := localstack.InProcessConfig{
		Processor: p, Instance: fmt.Sprintf("%s-%d", p, w.started), Faults: w.faults,
		LeaseTTL: faultLeaseTTL, MaxRunTime: faultMaxRunTime,
		GateBackoff: faultGateBackoff, AckExtension: faultAckExtension, Logs: w.logs,
	}
	if w.s.SlowRuns {
		cfg.SlowRun, cfg.MaxExtension = w.s.delay, time.Second
	}
	worker, err := w.stack.StartInProcess(cfg)
	if err != nil {
		w.t.Errorf("start %s: %v", p, err)
		return
	}
	w.running[p] = append(w.running[p], worker)
}

func (w *faultWorkers) crashAndReplace(p events.Processor) {
	w.mu.Lock()
	victims := w.running[p]
	if len(victims) == 0 || w.closed {
		w.mu.Unlock()
		return
	}
	victim := victims[0]
	w.running[p] = victims[1:]
	w.crashed = append(w.crashed, victim)
	w.mu.Unlock()
	victim.Crash()
	w.start(p)
}

// stopAll stops every worker; nothing starts after it.
func (w *faultWorkers) stopAll() {
	w.mu.Lock()
	w.closed = true
	var all []*localstack.InProcessWorker
	for _, ws := range w.running {
		all = append(all, ws...)
	}
	process := w.process
	w.mu.Unlock()
	for _, worker := range all {
		worker.Stop()
	}
	if process != nil {
		process.Stop(5 * time.Second)
	}
}

func requestLoadQuiet(stack *localstack.Stack, day, requestID string) {
	e, err := events.NewLoadRequest("e2e", events.LoadRequest{GameDate: day,
		RequestID: requestID, Reason: "replay"}, time.Now())
	if err == nil {
		_ = stack.Publish(context.Background(), e)
	}
}

// checkInvariants: (1) every date complete at its newest generation; (2) every output
// row built from that one generation; (3) no duplicate rows; (4) each (processor, date,
// generation) completed at most once, the newest exactly once, and every downstream run
// used exactly those completions; (5) nothing dropped without a record; (6) the state
// rebuilt from each date's event log equals the live state.
func checkInvariants(t *testing.T, stack *localstack.Stack, s *schedule, logs *logBuffer,
	final int64) {
	t.Helper()
	ctx := context.Background()
	db := openWarehouse(t, stack)
	for _, day := range s.Dates {
		procs, err := stack.Store.Processors(ctx, day)
		must(t, err)
		for _, p := range events.Processors {
			d := procs[p]
			if d.Generation != final || !d.Status.Succeeded() {
				t.Errorf("%s %s: %s at g%d, want complete at g%d", day, p, d.Status, d.Generation, final)
			}
			for _, in := range d.Inputs {
				if in.Generation != final || in.EventID != events.CompletionID(
					events.Processor(in.Processor), day, final) {
					t.Errorf("%s %s used input %+v", day, p, in)
				}
			}
			for g := int64(1); g <= final; g++ {
				line := []string{`"message":"run complete"`, `"processor":"` + string(p) + `"`,
					`"game_date":"` + day + `"`, fmt.Sprintf(`"generation":%d,`, g)}
				// A crashed worker may have committed the completion and died before its
				// log line; only then may the line be missing.
				if g == final && !logs.waitFor(5*time.Second, line...) &&
					!(s.Crash && s.CrashWho == p) {
					t.Errorf("%s %s g%d: the run that completed it never logged so", day, p, g)
				}
				if n := logs.count(line...); n > 1 {
					t.Errorf("%s %s g%d completed %d times", day, p, g, n)
				}
			}
		}
		for _, table := range []string{"gamebook_player_stats", "gamebook_team_stats",
			"team_offense_game_summary", "team_defense_game_summary", "player_game_summary"} {
			if n := queryInt(t, db, "SELECT COUNT(*) FROM "+table+
				" WHERE game_date = ? AND generation <> ?", day, final); n != 0 {
				t.Errorf("%s %s: %d rows not of g%d", day, table, n, final)
			}
		}
		rows := queryInt(t, db, `SELECT COUNT(*) FROM player_game_summary WHERE game_date = ?`, day)
		distinct := queryInt(t, db, `SELECT COUNT(*) FROM (SELECT DISTINCT game_id, person_id
			FROM player_game_summary WHERE game_date = ?)`, day)
		raw := queryInt(t, db, `SELECT COUNT(*) FROM gamebook_player_stats WHERE game_date = ?`, day)
		if rows != distinct || rows != raw || rows == 0 {
			t.Errorf("%s: %d player rows, %d distinct, %d raw", day, rows, distinct, raw)
		}
		checkUsageIdentity(t, db, day)
		assertNoFindings(t, stack, day)
		checkRebuild(t, stack, day)
	}
	letters, err := stack.Store.DeadLetters(ctx)
	must(t, err)
	for _, l := range letters {
		t.Errorf("dead letter in a schedule with no malformed input: %s", l.Reason)
	}
	if strings.Contains(logs.String(), `"severity":"ERROR"`) {
		for _, line := range strings.Split(logs.String(), "\n") {
			if strings.Contains(line, `"severity":"ERROR"`) {
				t.Errorf("error logged: %s", line)
			}
		}
	}
}

// checkRebuild is invariant 6: the date's completion state, rebuilt from its event log
// alone, equals the live documents (the fields `tipoff rebuild` compares).
func checkRebuild(t *testing.T, stack *localstack.Stack, day string) {
	t.Helper()
	diffs, err := stack.RebuildDifferences(context.Background(), day)
	must(t, err)
	for _, d := range diffs {
		t.Errorf("%s: the state rebuilt from its event log differs: %s", day, d)
	}
}

// since is the time elapsed from t, to the millisecond, for the phase lines.
func since(t time.Time) time.Duration { return time.Since(t).Round(time.Millisecond) }
