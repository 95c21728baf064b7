package boxscore_test

import (
	"reflect"
	"sync"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
)

func TestGameLogCacheDiscoverRealMatchesDiscover(t *testing.T) {
	dir := realDataDir(t)
	want := realInventory(t)
	var cache boxscore.GameLogCache
	// The first call parses, the second is served from the cache; both must be Discover's.
	for call := 1; call <= 2; call++ {
		got, err := cache.Discover(dir)
		if err != nil {
			t.Fatalf("call %d: Discover: %v", call, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("call %d: cached inventory differs from Discover's", call)
		}
	}
}

// cacheLogRel is the game log the cache tests write.
const cacheLogRel = "leaguegamelog/2099/regular-season.json"

// writeCacheDir writes a data directory with one box score and a game log dating it date.
func writeCacheDir(t *testing.T, dir, date string) {
	t.Helper()
	writeFile(t, dir, cacheLogRel, string(synthLog(logHeaders,
		`[1, "AAA", "0022599001", "`+date+`", "AAA @ BBB", "L", 240, 14, 100]`,
		`[2, "BBB", "0022599001", "`+date+`", "BBB vs. AAA", "W", 240, 12, 101]`)))
	writeFile(t, dir, "boxscoretraditionalv3/2099/0022599001.json", "not parsed")
}

func TestGameLogCacheSeesChangedLog(t *testing.T) {
	dir := t.TempDir()
	writeCacheDir(t, dir, "2099-01-02")
	var cache boxscore.GameLogCache
	inv, err := cache.Discover(dir)
	if err != nil {
		t.Fatalf("Discover: %v", err)
	}
	if _, ok := inv.Date("2099-01-02"); !ok {
		t.Fatalf("Dates = %+v, want 2099-01-02", inv.Dates)
	}

	// The corrected log has the same size; only its content tells it apart.
	writeCacheDir(t, dir, "2099-01-03")
	if inv, err = cache.Discover(dir); err != nil {
		t.Fatalf("Discover after the change: %v", err)
	}
	if _, ok := inv.Date("2099-01-03"); !ok || len(inv.Dates) != 1 {
		t.Errorf("Dates = %+v, want only 2099-01-03 from the changed log", inv.Dates)
	}
}

func TestGameLogCacheBadLogErrorsLikeDiscover(t *testing.T) {
	dir := t.TempDir()
	writeCacheDir(t, dir, "2099-01-02")
	var cache boxscore.GameLogCache
	if _, err := cache.Discover(dir); err != nil {
		t.Fatalf("Discover: %v", err)
	}

	// A log broken after a good parse is an error, not the stale cached parse.
	writeCacheDir(t, dir, "01/02/2099")
	for call := 1; call <= 2; call++ {
		_, err := cache.Discover(dir)
		wantFieldError(t, err, cacheLogRel, "resultSets[0].rowSet[0].GAME_DATE", "01/02/2099",
			nil)
	}
	_, want := boxscore.Discover(dir)
	if _, err := cache.Discover(dir); err == nil || err.Error() != want.Error() {
		t.Errorf("cached error = %v, Discover's = %v", err, want)
	}
}

func TestGameLogCacheConcurrent(t *testing.T) {
	dir := realDataDir(t)
	want := realInventory(t)
	var cache boxscore.GameLogCache
	var wg sync.WaitGroup
	errs := make([]error, 16)
	same := make([]bool, 16)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var inv boxscore.Inventory
			inv, errs[i] = cache.Discover(dir)
			same[i] = reflect.DeepEqual(inv, want)
		}()
	}
	wg.Wait()
	for i := range errs {
		if errs[i] != nil || !same[i] {
			t.Errorf("goroutine %d: err %v, inventory equal to Discover's: %v", i, errs[i],
				same[i])
		}
	}
}
