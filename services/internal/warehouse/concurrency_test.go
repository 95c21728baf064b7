package warehouse

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// dateOf returns the n-th game date of writer: writers never share a date.
func dateOf(writer, n int) string {
	start := time.Date(2025, 10, 21, 0, 0, 0, 0, time.UTC)
	return start.AddDate(0, 0, writer*100+n).Format(time.DateOnly)
}

// writeDates saves a raw batch and a player batch for each of n dates of writer.
func writeDates(ctx context.Context, w *Warehouse, writer, n int) error {
	for i := range n {
		key := tables.Key{GameDate: dateOf(writer, i), Generation: 1}
		raw := rawBatch(key, i, fmt.Sprintf("00225%05d", writer*1000+i))
		_, _, pg := summaryBatches(raw)
		for _, b := range []Batch{raw, pg} {
			if _, err := w.Save(ctx, b); err != nil {
				return fmt.Errorf("writer %d, %s: %w", writer, key.GameDate, err)
			}
		}
	}
	return nil
}

// checkDates fails unless every date of every writer holds its rows.
func checkDates(t *testing.T, w *Warehouse, writers, n int) {
	t.Helper()
	for writer := range writers {
		for i := range n {
			s, err := w.DateSummary(context.Background(), dateOf(writer, i))
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := s.Table(tables.GamebookPlayerStats)
			pg, _ := s.Table(tables.PlayerGameSummary)
			if raw.Rows != 12 || pg.Rows != 12 {
				t.Errorf("%s: %d raw and %d summary rows, want 12 each", s.GameDate, raw.Rows,
					pg.Rows)
			}
		}
	}
}

// TestTwoHandlesWriteConcurrently: two Warehouse values on one file, as two workers
// would hold, each with its own connection pool, save 50 dates at the same time.
func TestTwoHandlesWriteConcurrently(t *testing.T) {
	_, path := openTemp(t)
	const saves = 50
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for writer := range 2 {
		w, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = w.Close() })
		wg.Go(func() { errs <- writeDates(context.Background(), w, writer, saves) })
	}
	wg.Wait()
	close(errs)

	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	w, _ := Open(context.Background(), path)
	defer w.Close()
	checkDates(t, w, 2, saves)
}

// Environment of a writer process: the file, the writer number, the number of dates.
const (
	envPath   = "TIPOFF_WAREHOUSE_HELPER_PATH"
	envWriter = "TIPOFF_WAREHOUSE_HELPER_WRITER"
	envSaves  = "TIPOFF_WAREHOUSE_HELPER_SAVES"
)

// TestProcessesWriteConcurrently runs two writer processes (this test binary, re-run as
// TestHelperWriter) against one file, the way workers on one machine share it.
func TestProcessesWriteConcurrently(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two processes; skipped in -short mode")
	}
	_, path := openTemp(t)
	const saves = 25
	outputs := make([][]byte, 2)
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for writer := range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$", "-test.count=1")
		cmd.Env = append(os.Environ(), envPath+"="+path,
			envWriter+"="+strconv.Itoa(writer), envSaves+"="+strconv.Itoa(saves))
		wg.Go(func() { outputs[writer], errs[writer] = cmd.CombinedOutput() })
	}
	wg.Wait()

	for i, err := range errs {
		if err != nil {
			t.Fatalf("writer process %d: %v\n%s", i, err, outputs[i])
		}
	}
	w, _ := Open(context.Background(), path)
	defer w.Close()
	checkDates(t, w, 2, saves)
}

// TestHelperWriter is the body of a writer process; it does nothing in a normal run.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv(envPath)
	if path == "" {
		t.Skip("helper for TestProcessesWriteConcurrently")
	}
	writer, err1 := strconv.Atoi(os.Getenv(envWriter))
	saves, err2 := strconv.Atoi(os.Getenv(envSaves))
	if err1 != nil || err2 != nil {
		t.Fatalf("bad helper environment: %v, %v", err1, err2)
	}
	w, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := writeDates(context.Background(), w, writer, saves); err != nil {
		t.Fatal(err)
	}
}
