package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

var viewAt = time.Date(2026, 2, 4, 6, 30, 15, 123_000_000, time.UTC)

func procDoc(p events.Processor, gen int64, s state.Status) state.ProcessorDoc {
	return state.ProcessorDoc{GameDate: "2026-02-03", Processor: string(p), Generation: gen,
		Status: s}
}

// blockedRow is a date at g2 whose raw loader and team offense ran g2, whose team
// defense is blocked at g2, and whose player summary last ran g1.
func blockedRow() statusRow {
	return statusRow{
		date: state.DateDoc{GameDate: "2026-02-03", Generation: 2, Status: state.StatusBlocked,
			UpdatedAt: viewAt, LastError: "team_defense: dependency check 3 of 3 failed:\n" +
				strings.Repeat("raw rows missing ", 10) + "disk full"},
		processors: map[events.Processor]state.ProcessorDoc{
			events.RawBoxScores:      procDoc(events.RawBoxScores, 2, state.StatusComplete),
			events.TeamOffense:       procDoc(events.TeamOffense, 2, state.StatusComplete),
			events.TeamDefense:       procDoc(events.TeamDefense, 2, state.StatusBlocked),
			events.PlayerGameSummary: procDoc(events.PlayerGameSummary, 1, state.StatusComplete),
		},
	}
}

// TestRenderStatus: one aligned row per date; a processor of an older generation, or
// none, is waiting; the last error is cut to one short cell.
func TestRenderStatus(t *testing.T) {
	rows := []statusRow{
		blockedRow(),
		{date: state.DateDoc{GameDate: "2026-02-04", Generation: 1, Status: state.StatusRunning}},
	}
	var out bytes.Buffer

	if err := renderStatus(&out, rows); err != nil {
		t.Fatal(err)
	}

	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines, want a header and 2 rows:\n%s", len(lines), out.String())
	}
	wantFields := [][]string{
		{"DATE", "GEN", "STATUS", "RAW", "OFFENSE", "DEFENSE", "PLAYER", "UPDATED", "LAST",
			"ERROR"},
		{"2026-02-03", "g2", "blocked", "complete", "complete", "blocked", "waiting",
			"2026-02-04T06:30:15.123Z", "team_defense:"},
		{"2026-02-04", "g1", "running", "waiting", "waiting", "waiting", "waiting", "-", "-"},
	}
	for i, want := range wantFields {
		got := strings.Fields(lines[i])
		if len(got) < len(want) || strings.Join(got[:len(want)], " ") != strings.Join(want, " ") {
			t.Errorf("line %d = %q, want it to start with %q", i, lines[i], want)
		}
	}
	if strings.Index(lines[0], "UPDATED") != strings.Index(lines[1], "2026-02-04T") {
		t.Errorf("columns are not aligned:\n%s", out.String())
	}
	lastError := lines[1][strings.Index(lines[0], "LAST ERROR"):]
	// The middle is cut: the start says where, the end keeps the cause.
	if n := len([]rune(lastError)); n > errorWidth || !strings.Contains(lastError, "…") ||
		!strings.HasPrefix(lastError, "team_defense:") ||
		!strings.HasSuffix(lastError, "missing disk full") || strings.Contains(lastError, "\n") {
		t.Errorf("last error cell %q (%d runes) is not cut to %d keeping the cause",
			lastError, n, errorWidth)
	}
}

// TestStatusJSON: every field of the date document under its Firestore name, the whole
// last error, the processor documents, and the status each column shows.
func TestStatusJSON(t *testing.T) {
	r := blockedRow()
	b, err := json.Marshal(statusJSON([]statusRow{r}))
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("got %d rows", len(got))
	}
	row := got[0]
	for _, field := range []string{"game_date", "generation", "status", "processors",
		"requests", "missing_games", "last_error", "created_at", "updated_at"} {
		if _, ok := row[field]; !ok {
			t.Errorf("field %s missing from %v", field, row)
		}
	}
	if row["last_error"] != r.date.LastError {
		t.Errorf("last_error = %q, want the whole text", row["last_error"])
	}
	shown := row["processor_status"].(map[string]any)
	if shown["player_game_summary"] != "waiting" || shown["team_defense"] != "blocked" {
		t.Errorf("processor_status = %v", shown)
	}
	docs := row["processor_docs"].(map[string]any)
	player := docs["player_game_summary"].(map[string]any)
	if player["generation"] != float64(1) || player["status"] != "complete" {
		t.Errorf("player document = %v", player)
	}
}
