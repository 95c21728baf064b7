package boxscore_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
)

func TestDiscoverReal(t *testing.T) {
	inv := realInventory(t)

	if want := []string{"leaguegamelog/2026/regular-season.json"}; !slices.Equal(
		inv.GameLogFiles, want) {
		t.Errorf("GameLogFiles = %v, want %v", inv.GameLogFiles, want)
	}
	if len(inv.Orphans) != 0 {
		t.Errorf("Orphans = %v, want none", inv.Orphans)
	}

	// README: 2025-10-21 plus the eight consecutive dates 2026-01-27 ... 2026-02-03.
	var dates []string
	files := 0
	for _, d := range inv.Dates {
		dates = append(dates, d.Date)
		files += len(d.BoxScores)
	}
	wantDates := []string{"2025-10-21", "2026-01-27", "2026-01-28", "2026-01-29",
		"2026-01-30", "2026-01-31", "2026-02-01", "2026-02-02", "2026-02-03"}
	if !slices.Equal(dates, wantDates) {
		t.Errorf("dates = %v, want %v", dates, wantDates)
	}
	if files != 64 {
		t.Errorf("%d box scores, want 64", files)
	}
}

func TestDiscoverRealMissingGame(t *testing.T) {
	d, ok := realInventory(t).Date("2025-10-21")
	if !ok {
		t.Fatal("no inventory for 2025-10-21")
	}
	// Opening night: HOU @ OKC has a box score, LAL vs GSW (0022500002) has none.
	if want := []string{"0022500001", "0022500002"}; !slices.Equal(d.Expected, want) {
		t.Errorf("Expected = %v, want %v", d.Expected, want)
	}
	if want := []string{"boxscoretraditionalv3/2026/0022500001.json"}; !slices.Equal(
		d.BoxScores, want) {
		t.Errorf("BoxScores = %v, want %v", d.BoxScores, want)
	}
	if want := []string{"0022500002"}; !slices.Equal(d.Missing, want) {
		t.Errorf("Missing = %v, want %v", d.Missing, want)
	}
}

func TestDiscoverRealCompleteDates(t *testing.T) {
	inv := realInventory(t)
	// Games per complete date, from the README.
	for date, games := range map[string]int{
		"2026-01-27": 7, "2026-01-28": 9, "2026-01-29": 8, "2026-01-30": 9,
		"2026-01-31": 6, "2026-02-01": 10, "2026-02-02": 4, "2026-02-03": 10,
	} {
		d, ok := inv.Date(date)
		if !ok {
			t.Errorf("no inventory for %s", date)
			continue
		}
		if len(d.Expected) != games || len(d.BoxScores) != games || len(d.Missing) != 0 {
			t.Errorf("%s: %d expected, %d box scores, missing %v; want %d, %d, none", date,
				len(d.Expected), len(d.BoxScores), d.Missing, games, games)
		}
	}
	// 2026-02-04 is in the log but deliberately has no box score.
	if _, ok := inv.Date("2026-02-04"); ok {
		t.Errorf("2026-02-04 listed though it has no box score")
	}
}

func TestDiscoverMissingDir(t *testing.T) {
	_, err := boxscore.Discover(filepath.Join(t.TempDir(), "nope"))
	if !errors.Is(err, boxscore.ErrDataDirMissing) {
		t.Fatalf("error = %v, want ErrDataDirMissing", err)
	}
	for _, part := range []string{"nope", "leaguegamelog/", "boxscoretraditionalv3/",
		boxscore.DataDirEnv} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q does not say %q", err, part)
		}
	}
}

// writeFile writes a file under dir, making its folders.
func writeFile(t *testing.T, dir, rel, content string) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDiscoverOrphans(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "leaguegamelog/2099/regular-season.json", string(synthLog(logHeaders,
		`[1, "AAA", "0022599001", "2099-01-02", "AAA @ BBB", "L", 240, 14, 100]`,
		`[2, "BBB", "0022599001", "2099-01-02", "BBB vs. AAA", "W", 240, 12, 101]`)))
	// Discover reads file names only, so the box scores' content does not matter.
	writeFile(t, dir, "boxscoretraditionalv3/2099/0022599001.json", "not parsed")
	writeFile(t, dir, "boxscoretraditionalv3/2099/0022599999.json", "not parsed")
	writeFile(t, dir, "boxscoretraditionalv3/2099/notes.json", "{}")

	inv, err := boxscore.Discover(dir)
	if err != nil {
		t.Fatalf("Discover: %v", err)
	}
	if len(inv.Dates) != 1 || len(inv.Dates[0].BoxScores) != 1 || len(inv.Dates[0].Missing) != 0 {
		t.Errorf("Dates = %+v, want 2099-01-02 with its one game", inv.Dates)
	}
	if len(inv.Orphans) != 2 {
		t.Fatalf("Orphans = %v, want 2", inv.Orphans)
	}
	wantFieldError(t, inv.Orphans[0], "boxscoretraditionalv3/2099/0022599999.json", "GAME_ID",
		"0022599999", boxscore.ErrNotInGameLog)
	wantFieldError(t, inv.Orphans[1], "boxscoretraditionalv3/2099/notes.json", "file name",
		"notes.json", nil)
}

func TestDiscoverNoGameLog(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "boxscoretraditionalv3/2099/0022599001.json", "{}")
	if err := os.MkdirAll(filepath.Join(dir, "leaguegamelog"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := boxscore.Discover(dir)
	if !errors.Is(err, boxscore.ErrDataDirMissing) || !strings.Contains(err.Error(), "game log") {
		t.Errorf("error = %v, want ErrDataDirMissing about the game log", err)
	}
}
