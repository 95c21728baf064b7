package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// synthDate is a game date that no real box score has: its games are real games given new
// ids and a new date, in the data directory's game log and box scores alike.
const synthDate = "2030-01-15"

// addSynthetic writes into dir (made by dataDir) a synthetic date holding copies of the
// given real games, and extends the game log with their rows. It returns the new ids.
func addSynthetic(t *testing.T, dir string, real []string) []string {
	t.Helper()
	logPath := filepath.Join(dir, "leaguegamelog", "2026", "regular-season.json")
	body, err := os.ReadFile(logPath)
	must(t, err)
	var log map[string]any
	must(t, json.Unmarshal(body, &log))
	set := log["resultSets"].([]any)[0].(map[string]any)
	col := map[string]int{}
	for i, h := range set["headers"].([]any) {
		col[h.(string)] = i
	}
	rows := set["rowSet"].([]any)
	var ids []string
	for _, id := range real {
		synth := "00299" + id[5:]
		ids = append(ids, synth)
		for _, r := range rows {
			row := r.([]any)
			if row[col["GAME_ID"]] != id {
				continue
			}
			clone := append([]any(nil), row...)
			clone[col["GAME_ID"]], clone[col["GAME_DATE"]] = synth, synthDate
			rows = append(rows, clone)
		}
		box, err := os.ReadFile(boxScorePath(t, id))
		must(t, err)
		box = bytes.ReplaceAll(box, []byte(`"`+id+`"`), []byte(`"`+synth+`"`))
		must(t, os.WriteFile(filepath.Join(dir, "boxscoretraditionalv3", "2026", synth+".json"),
			box, 0o644))
	}
	set["rowSet"] = rows
	out, err := json.Marshal(log)
	must(t, err)
	must(t, os.Remove(logPath)) // a link to the real log: replace it, never write through it
	must(t, os.WriteFile(logPath, out, 0o644))
	return ids
}
