package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWorkDirLockRefusesSecondRun: while one run holds the work directory, a second is
// refused with a message naming the directory and --serve, and the first run's
// warehouse is left alone; once released, the directory can be taken again.
func TestWorkDirLockRefusesSecondRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "work")
	first, err := lockWorkDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	warehouse := filepath.Join(dir, "warehouse.db")
	if err := os.WriteFile(warehouse, []byte("live"), 0o644); err != nil {
		t.Fatal(err)
	}

	code, err := runPipeline(t.Context(), runFlags{data: "testdata-none", workDir: dir},
		nil, nil)
	if code == 0 || !errors.Is(err, errWorkDirBusy) || !strings.Contains(err.Error(), dir) ||
		!strings.Contains(err.Error(), "--serve") {
		t.Fatalf("second run: exit %d, %v; want errWorkDirBusy naming %s and --serve",
			code, err, dir)
	}
	if b, err := os.ReadFile(warehouse); err != nil || string(b) != "live" {
		t.Fatalf("the held directory's warehouse was touched: %q, %v", b, err)
	}

	first.release()
	again, err := lockWorkDir(dir)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	again.release()
}
