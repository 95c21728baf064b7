package boxscore

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// GameLogCache keeps the parsed game logs of data directories between discoveries, so a
// worker serving many load requests parses each game log once instead of once per request
// (a season's log is ~1 MB of JSON and its parse allocates several times that; with 16
// loads at once those parses alone held the raw loader above its memory target).
//
// A cached log is used only while the file's content is unchanged: each discovery streams
// the file through SHA-256 (a fixed 32 KiB buffer, the file is not held) and parses it again
// when the digest differs, so a reloaded or corrected game log is seen by the next request,
// with the same errors [Discover] gives. A log that fails to parse is not cached.
//
// The zero value is ready to use; a GameLogCache is safe for concurrent use.
type GameLogCache struct {
	mu sync.Mutex
	// logs are the last good parse of each game log, by its path (data directory joined).
	logs map[string]cachedGameLog
}

// cachedGameLog is one parsed game log and the digest of the content it was parsed from.
type cachedGameLog struct {
	digest [sha256.Size]byte
	log    GameLog
}

// Discover is [Discover] with the game logs taken from the cache while their content is
// unchanged. Box score names are listed afresh on every call (a date gains box scores as
// they are published).
func (c *GameLogCache) Discover(dataDir string) (Inventory, error) {
	return discover(dataDir, c.gameLog)
}

// gameLog returns the parsed game log at dataDir/rel, parsing it only when its content
// differs from the cached parse. Concurrent callers with a cold cache wait for one parse.
func (c *GameLogCache) gameLog(dataDir, rel string) (GameLog, error) {
	file := filepath.Join(dataDir, filepath.FromSlash(rel))
	digest, err := fileDigest(file)
	if err != nil {
		return GameLog{}, err
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	if cached, ok := c.logs[file]; ok && cached.digest == digest {
		return cached.log, nil
	}
	body, err := os.ReadFile(file)
	if err != nil {
		return GameLog{}, fmt.Errorf("boxscore: reading game log: %w", err)
	}
	log, err := ReadGameLog(rel, body)
	if err != nil {
		return GameLog{}, err
	}
	if c.logs == nil {
		c.logs = make(map[string]cachedGameLog)
	}
	// The digest of the body parsed, not the one streamed above: the file may have changed
	// in between, and the cache must describe what it holds.
	c.logs[file] = cachedGameLog{digest: sha256.Sum256(body), log: log}
	return log, nil
}

// fileDigest streams a file through SHA-256.
func fileDigest(file string) ([sha256.Size]byte, error) {
	var digest [sha256.Size]byte
	f, err := os.Open(file)
	if err != nil {
		return digest, fmt.Errorf("boxscore: reading game log: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return digest, fmt.Errorf("boxscore: reading game log %s: %w", file, err)
	}
	copy(digest[:], h.Sum(nil))
	return digest, nil
}

// readGameLogFile reads and parses the game log at dataDir/rel, uncached.
func readGameLogFile(dataDir, rel string) (GameLog, error) {
	body, err := os.ReadFile(filepath.Join(dataDir, filepath.FromSlash(rel)))
	if err != nil {
		return GameLog{}, fmt.Errorf("boxscore: reading game log: %w", err)
	}
	return ReadGameLog(rel, body)
}
