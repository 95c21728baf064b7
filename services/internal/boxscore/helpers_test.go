package boxscore_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
)

// realDataDir returns the real NBA data directory: $TIPOFF_NBA_DATA, else the shared copy
// next to the repository. The test skips when neither holds the data.
func realDataDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv(boxscore.DataDirEnv)
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "..", "shared", "data", "nba")
	}
	if _, err := os.Stat(filepath.Join(dir, boxscore.BoxScoreDir)); err != nil {
		t.Skipf("real NBA data not found at %s (set %s to the directory holding %s/ and %s/): %v",
			dir, boxscore.DataDirEnv, boxscore.BoxScoreDir, boxscore.GameLogDir, err)
	}
	return dir
}

// realGame parses one real box score by game id.
func realGame(t *testing.T, gameID string) boxscore.Game {
	t.Helper()
	rel := boxscore.BoxScoreDir + "/2026/" + gameID + ".json"
	body, err := os.ReadFile(filepath.Join(realDataDir(t), filepath.FromSlash(rel)))
	if err != nil {
		t.Fatalf("reading %s: %v", rel, err)
	}
	g, err := boxscore.ParseGame(rel, body)
	if err != nil {
		t.Fatalf("ParseGame(%s): %v", rel, err)
	}
	return g
}

// realInventory discovers the real data directory.
func realInventory(t *testing.T) boxscore.Inventory {
	t.Helper()
	inv, err := boxscore.Discover(realDataDir(t))
	if err != nil {
		t.Fatalf("Discover: %v", err)
	}
	return inv
}

// wantFieldError checks that err is a *FieldError with the given file, field and value,
// that it wraps target (when not nil) and that its message names all three.
func wantFieldError(t *testing.T, err error, file, field, value string, target error) {
	t.Helper()
	var fe *boxscore.FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("error = %v (%T), want a *boxscore.FieldError", err, err)
	}
	if fe.File != file || fe.Field != field || fe.Value != value {
		t.Errorf("FieldError{File: %q, Field: %q, Value: %q}, want {%q, %q, %q}",
			fe.File, fe.Field, fe.Value, file, field, value)
	}
	if target != nil && !errors.Is(err, target) {
		t.Errorf("error %q does not wrap %v", err, target)
	}
	msg := err.Error()
	for _, part := range []string{"boxscore: ", file, "field " + field} {
		if !strings.Contains(msg, part) {
			t.Errorf("error %q does not contain %q", msg, part)
		}
	}
	if value != "" && !strings.Contains(msg, "invalid value "+strconv.Quote(value)) {
		t.Errorf("error %q does not quote the value %q", msg, value)
	}
}
