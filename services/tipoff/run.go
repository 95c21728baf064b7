package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"go.uber.org/zap"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
	"github.com/tipoff-nba/tipoff/services/internal/buildinfo"
	"github.com/tipoff-nba/tipoff/services/internal/logging"
	"github.com/tipoff-nba/tipoff/services/internal/state"
	"github.com/tipoff-nba/tipoff/services/internal/warehouse"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

type runFlags struct {
	data    string
	workDir string
	binDir  string
	timeout time.Duration
	// serve keeps the stack up after the report, until the command is interrupted, so the
	// other commands (status, events, replay, rebuild) can be tried against it.
	serve bool
	// self is the path of this binary, which the --serve banner prints so the commands it
	// suggests can be pasted as they are.
	self string
}

var runHelp = commandHelp{
	synopsis: "tipoff run --data DIR [flags]",
	about: `Starts the Firestore emulator and an in-process Pub/Sub fake, runs the four workers as
separate processes, loads every date of DIR that has box scores and prints one row per
date. Exits 1 if any date failed. The work directory (--work) is locked for the whole
run: a second tipoff run on it is refused while the first, or its --serve, is up.`,
	examples: []string{
		"tipoff run --data ../shared/data/nba",
		"tipoff run --data ../shared/data/nba --serve   # then, in another shell, the " +
			"printed export line and: bin/tipoff replay --date 2026-02-03",
	},
}

// parseRunFlags reads the flags of tipoff run. --help prints the help on con.out and
// returns errHelp, as for every other command.
func parseRunFlags(con console, args []string) (runFlags, error) {
	fl := newFlagSet("run")
	var f runFlags
	f.self, _ = os.Executable()
	fl.StringVar(&f.data, "data", "", "NBA data directory holding leaguegamelog/ and "+
		"boxscoretraditionalv3/ (required)")
	fl.StringVar(&f.workDir, "work", ".tipoff", "directory for the warehouse file and the logs; "+
		"its previous warehouse is replaced")
	fl.StringVar(&f.binDir, "bin", filepath.Dir(f.self), "directory of the worker binaries")
	fl.DurationVar(&f.timeout, "timeout", 10*time.Minute, "give up when dates are not done by then")
	fl.BoolVar(&f.serve, "serve", false, "after the report, keep the emulators and workers up "+
		"until interrupted, and print the environment the other commands need")
	if err := parseFlags(con, fl, runHelp, args); err != nil {
		return f, err
	}
	if f.data == "" {
		return f, usagef("--data is required: pass the NBA data directory (it holds " +
			"leaguegamelog/ and boxscoretraditionalv3/), e.g. --data ../shared/data/nba")
	}
	return f, nil
}

func runCommand(args []string) int {
	con := console{out: os.Stdout, errs: os.Stderr}
	f, err := parseRunFlags(con, args)
	if err != nil {
		return exitCode(con, "run", err)
	}
	log, err := logging.New("tipoff", buildinfo.Current(), os.Getenv("TIPOFF_LOG_LEVEL"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	code, err := runPipeline(ctx, f, log, os.Stdout)
	if err != nil {
		log.Error("run failed", zap.Error(err))
		fmt.Fprintf(os.Stderr, "tipoff run: %s\n", describeRunError(ctx, err))
	}
	return code
}

// describeRunError is how a failed run is told to the operator. An interruption (Ctrl-C)
// surfaces from the clients as an rpc "context canceled"; it is said as what it is.
func describeRunError(ctx context.Context, err error) string {
	if ctx.Err() != nil {
		return "interrupted before every date was done; the local stack is stopped"
	}
	return err.Error()
}

func runPipeline(ctx context.Context, f runFlags, log *zap.Logger, out io.Writer) (int, error) {
	lock, err := lockWorkDir(f.workDir)
	if err != nil {
		return 1, err
	}
	defer lock.release()
	inv, err := boxscore.Discover(f.data)
	if err != nil {
		return 2, err
	}
	for _, orphan := range inv.Orphans {
		log.Error("box score cannot be dated; it is not loaded", zap.Error(orphan))
	}
	dates := make([]string, len(inv.Dates))
	for i, d := range inv.Dates {
		dates[i] = d.Date
	}
	if len(dates) == 0 {
		return 1, fmt.Errorf("no game date of the game log in %s has a box score under %s/: "+
			"nothing to load", f.data, boxscore.BoxScoreDir)
	}
	stack, err := startStack(ctx, f, log)
	if err != nil {
		return 2, err
	}
	defer stack.Stop()

	started := time.Now()
	if err := requestLoads(ctx, stack, dates, started); err != nil {
		return 1, err
	}
	waitCtx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	exited := watchWorkers(waitCtx, stack, cancel)
	final, err := awaitDates(waitCtx, stack.Store, dates)
	if w := exited(); w != "" {
		return 1, fmt.Errorf("worker %s exited before the dates were done; its log is in %s",
			w, filepath.Join(f.workDir, "workers.log"))
	}
	if err != nil {
		return 1, err
	}
	log.Info("all dates done", zap.Int("dates", len(dates)),
		zap.Int64("duration_ms", time.Since(started).Milliseconds()))

	wh, err := warehouse.Open(ctx, stack.Config.Warehouse)
	if err != nil {
		return 1, err
	}
	defer wh.Close()
	failed, err := printReport(ctx, out, stack.Store, wh, dates, final)
	if err != nil {
		return 1, err
	}
	fmt.Fprintf(out, "\n%d dates in %.1fs; warehouse %s\n", len(dates),
		time.Since(started).Seconds(), stack.Config.Warehouse)
	for _, orphan := range inv.Orphans {
		fmt.Fprintf(out, "not loaded: %v\n", orphan)
	}
	code := 0
	if failed > 0 || len(inv.Orphans) > 0 {
		code = 1
	}
	if f.serve {
		serveStack(ctx, out, stack, orTipoff(f.self))
	}
	return code, nil
}

// serveStack prints how to reach the stack and blocks until ctx ends (Ctrl-C).
// self is the path of the tipoff binary, so the suggested commands can be pasted as
// they are.
func serveStack(ctx context.Context, out io.Writer, stack *localstack.Stack, self string) {
	fmt.Fprintf(out, "\nThe local stack stays up until Ctrl-C. In another shell:\n"+
		"  export FIRESTORE_EMULATOR_HOST=%s PUBSUB_EMULATOR_HOST=%s %s=%s\n"+
		"  %s status\n  %s replay --date DATE --from player_game_summary\n"+
		"The warehouse is %s (SQLite).\n", stack.FirestoreHost, stack.PubSubHost, projectEnv,
		stack.Config.Project, self, self, stack.Config.Warehouse)
	<-ctx.Done()
	fmt.Fprintln(out, "stopping the local stack")
}

// startStack replaces the warehouse and the logs of the work directory and starts the
// stack. The caller holds the directory's lock (lockWorkDir).
func startStack(ctx context.Context, f runFlags, log *zap.Logger) (*localstack.Stack, error) {
	whPath, _ := filepath.Abs(filepath.Join(f.workDir, "warehouse.db"))
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(whPath + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	logPath := filepath.Join(f.workDir, "workers.log")
	logs, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	emulatorLogs, err := os.Create(filepath.Join(f.workDir, "emulator.log"))
	if err != nil {
		return nil, err
	}
	dataDir, _ := filepath.Abs(f.data)
	log.Info("starting the local stack", zap.String("data_dir", dataDir),
		zap.String("worker_logs", logPath))
	return localstack.StartStack(ctx, localstack.StackConfig{
		BinDir: f.binDir, DataDir: dataDir, Warehouse: whPath, Logs: logs,
		EmulatorLogs: emulatorLogs,
	})
}

func requestLoads(ctx context.Context, stack *localstack.Stack, dates []string,
	at time.Time) error {
	requestID := fmt.Sprintf("run-%d", at.UnixNano())
	for _, d := range dates {
		e, err := events.NewLoadRequest("tipoff-cli", events.LoadRequest{
			GameDate: d, RequestID: requestID, Reason: "initial"}, at)
		if err != nil {
			return err
		}
		if err := stack.Publish(ctx, e); err != nil {
			return err
		}
	}
	return nil
}

// awaitDates returns when every date's status is one that ends the work, woken by the
// Firestore listener on the dates collection.
func awaitDates(ctx context.Context, store *state.Store, dates []string) (
	map[string]state.DateDoc, error) {
	var final map[string]state.DateDoc
	err := store.WatchDates(ctx, dates, func(seen map[string]state.DateDoc) bool {
		final = seen
		for _, d := range dates {
			if doc, ok := seen[d]; !ok || !doc.Status.Done() {
				return false
			}
		}
		return true
	})
	if err != nil {
		pending := 0
		for _, d := range dates {
			if doc, ok := final[d]; !ok || !doc.Status.Done() {
				pending++
			}
		}
		return final, fmt.Errorf("%d of %d dates not done: %w", pending, len(dates), err)
	}
	return final, nil
}

// watchWorkers cancels the wait as soon as a worker process exits: a dead worker would
// otherwise leave its dates undone until the timeout. It returns a function that names
// the worker that exited, or "".
func watchWorkers(ctx context.Context, stack *localstack.Stack, cancel context.CancelFunc) func() string {
	var mu sync.Mutex
	name := ""
	for _, w := range stack.Workers {
		go func() {
			select {
			case <-w.Exited():
				mu.Lock()
				if name == "" {
					name = w.Name
				}
				mu.Unlock()
				cancel()
			case <-ctx.Done():
			}
		}()
	}
	return func() string {
		mu.Lock()
		defer mu.Unlock()
		return name
	}
}

// orTipoff is path, or "tipoff" when the binary's path is unknown.
func orTipoff(path string) string {
	if path == "" {
		return "tipoff"
	}
	return path
}
