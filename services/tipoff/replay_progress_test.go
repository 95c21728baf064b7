package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// TestReplayProgress: elsewhere than a terminal, one plain line per settled date; on a
// terminal, a bar redrawn in place with a failed date printed above it.
func TestReplayProgress(t *testing.T) {
	ok := replayOutcome{gameDate: "2026-02-01", generation: 2, status: state.StatusComplete}
	bad := replayOutcome{gameDate: "2026-02-02", generation: 3, status: state.StatusBlocked,
		detail: "team_defense: breaker open"}

	var plain bytes.Buffer
	p := newReplayProgress(&plain, 2)
	p.settled(ok, 1)
	p.settled(bad, 0)
	p.finish()
	want := "2026-02-01  g2  complete  (1/2 settled)\n" +
		"2026-02-02  g3  blocked: team_defense: breaker open  (2/2 settled)\n"
	if plain.String() != want {
		t.Errorf("plain progress:\n%q\nwant\n%q", plain.String(), want)
	}

	var tty bytes.Buffer
	p = &replayProgress{w: &tty, terminal: true, total: 2}
	p.draw(2)
	p.settled(ok, 1)
	p.settled(bad, 0)
	p.finish()
	text := tty.String()
	for _, part := range []string{"\r[" + strings.Repeat("-", 30) + "] 0/2 settled, 2 in flight",
		"\r[" + strings.Repeat("#", 15) + strings.Repeat("-", 15) + "] 1/2 settled",
		"\r\033[K2026-02-02  g3  blocked: team_defense: breaker open\n",
		"\r[" + strings.Repeat("#", 30) + "] 2/2 settled, 0 in flight, 1 failed \n"} {
		if !strings.Contains(text, part) {
			t.Errorf("terminal progress lacks %q:\n%q", part, text)
		}
	}
	if strings.Contains(text, "2026-02-01") {
		t.Errorf("a date that settled complete is printed on a terminal:\n%q", text)
	}
}
