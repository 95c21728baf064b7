package e2e

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/tipoff-nba/tipoff/services/localstack"
)

// realData is the NBA data directory the suite reads.
func realData(t *testing.T) string {
	t.Helper()
	if skipReason != "" {
		t.Skip(skipReason)
	}
	return os.Getenv("TIPOFF_NBA_DATA")
}

// gamesOn lists the box score game ids that the real game log dates on day.
func gamesOn(t *testing.T, day string) []string {
	t.Helper()
	body, err := os.ReadFile(filepath.Join(realData(t), "leaguegamelog", "2026",
		"regular-season.json"))
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		ResultSets []struct {
			Headers []string `json:"headers"`
			RowSet  [][]any  `json:"rowSet"`
		} `json:"resultSets"`
	}
	if err := json.Unmarshal(body, &log); err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range log.ResultSets[0].Headers {
		col[h] = i
	}
	seen := map[string]bool{}
	var out []string
	for _, row := range log.ResultSets[0].RowSet {
		id := row[col["GAME_ID"]].(string)
		if row[col["GAME_DATE"]].(string) == day && !seen[id] {
			if _, err := os.Stat(boxScorePath(t, id)); err == nil {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

func boxScorePath(t *testing.T, gameID string) string {
	return filepath.Join(realData(t), "boxscoretraditionalv3", "2026", gameID+".json")
}

// dataDir lays out a data directory holding the real game log and the given games' box
// scores, linked (not copied) from the real data. edit, when not nil, may rewrite a box
// score's bytes; the edited file is written instead of linked.
func dataDir(t *testing.T, games []string, edit func(gameID string, body []byte) []byte) string {
	t.Helper()
	dir := t.TempDir()
	logDir := filepath.Join(dir, "leaguegamelog", "2026")
	boxDir := filepath.Join(dir, "boxscoretraditionalv3", "2026")
	for _, d := range []string{logDir, boxDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	must(t, os.Symlink(filepath.Join(realData(t), "leaguegamelog", "2026", "regular-season.json"),
		filepath.Join(logDir, "regular-season.json")))
	for _, id := range games {
		src, dst := boxScorePath(t, id), filepath.Join(boxDir, id+".json")
		if edit == nil {
			must(t, os.Symlink(src, dst))
			continue
		}
		body, err := os.ReadFile(src)
		must(t, err)
		must(t, os.WriteFile(dst, edit(id, body), 0o644))
	}
	return dir
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// startStack runs the pipeline on dir, with a project id of the test's own. Worker logs
// are kept in memory and printed when the test fails.
func startStack(t *testing.T, dir string, instances map[string]int, env ...string) (
	*localstack.Stack, *logBuffer) {
	t.Helper()
	return startStackWith(t, localstack.StackConfig{DataDir: dir, Instances: instances,
		Env: env})
}

// startStackWith starts a stack of cfg, filling in what every test shares: a project id of
// the test's own, the worker binaries of $TIPOFF_BIN, a warehouse in the test's temporary
// directory and in-memory worker logs, printed when the test fails. The stack stops when
// the test ends.
func startStackWith(t *testing.T, cfg localstack.StackConfig) (*localstack.Stack,
	*logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	project := "e2e-" + strings.ToLower(strings.NewReplacer("/", "-", "_", "-").Replace(t.Name()))
	if len(project) > 22 {
		project = project[:22]
	}
	// A suffix of its own, so repeated runs (-count=N) never see each other's state.
	project = fmt.Sprintf("%s-%d", project, time.Now().UnixNano()%1e6)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cfg.Project, cfg.BinDir, cfg.Logs = project, os.Getenv("TIPOFF_BIN"), logs
	cfg.Warehouse = filepath.Join(t.TempDir(), "warehouse.db")
	stack, err := localstack.StartStack(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stack.Stop()
		if t.Failed() {
			t.Logf("worker logs:\n%s", logs.String())
		}
	})
	return stack, logs
}

// logBuffer collects worker output; workers write to it concurrently.
type logBuffer struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	written chan struct{} // closed and replaced on every write
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.written != nil {
		close(b.written)
		b.written = nil
	}
	return b.buf.Write(p)
}

// waitFor blocks until a line contains every one of parts, or timeout passes; it reports
// whether one did. It wakes on writes.
func (b *logBuffer) waitFor(timeout time.Duration, parts ...string) bool {
	deadline := time.After(timeout)
	for {
		b.mu.Lock()
		if b.written == nil {
			b.written = make(chan struct{})
		}
		wake := b.written
		b.mu.Unlock()
		if b.count(parts...) > 0 {
			return true
		}
		select {
		case <-wake:
		case <-deadline:
			return false
		}
	}
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// count returns how many log lines contain every one of parts.
func (b *logBuffer) count(parts ...string) int {
	n := 0
	for _, line := range strings.Split(b.String(), "\n") {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(line, p)
		}
		if all {
			n++
		}
	}
	return n
}

// openWarehouse opens the stack's warehouse read-only with plain SQL, so the checks do
// not go through the code under test.
func openWarehouse(t *testing.T, stack *localstack.Stack) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+stack.Config.Warehouse+"?mode=ro&_pragma=busy_timeout(5000)")
	must(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

func queryInt(t *testing.T, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func describe(v any) string { return fmt.Sprintf("%+v", v) }
