package boxscore_test

import (
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
)

// synthBoxLog is a game log for synthBox's game: DEN @ DET, 50-50, 240 minutes, with the
// given DET points and turnovers.
func synthBoxLog(t *testing.T, detPTS, detTOV string) boxscore.GameLog {
	t.Helper()
	log, err := boxscore.ReadGameLog("log.json", synthLog(logHeaders,
		`[1610612743, "DEN", "0022500716", "2026-02-03", "DEN @ DET", "L", 240, 5, 50]`,
		`[1610612765, "DET", "0022500716", "2026-02-03", "DET vs. DEN", "W", 240, `+
			detTOV+`, `+detPTS+`]`))
	if err != nil {
		t.Fatalf("ReadGameLog: %v", err)
	}
	return log
}

func TestGameLogCheckGame(t *testing.T) {
	g, err := boxscore.ParseGame(testFile, encode(t, synthBox()))
	if err != nil {
		t.Fatalf("ParseGame: %v", err)
	}

	// The log's TOV may exceed the box score's (team turnovers), never fall below it.
	if err := synthBoxLog(t, "50", "7").CheckGame(g); err != nil {
		t.Errorf("CheckGame with 2 team turnovers: %v", err)
	}
	err = synthBoxLog(t, "51", "5").CheckGame(g)
	wantFieldError(t, err, testFile, "boxScoreTraditional.homeTeam.statistics.points", "50",
		boxscore.ErrTotalsMismatch)
	err = synthBoxLog(t, "50", "4").CheckGame(g)
	wantFieldError(t, err, testFile, "boxScoreTraditional.homeTeam.statistics.turnovers", "5",
		boxscore.ErrTotalsMismatch)

	var empty boxscore.GameLog
	err = empty.CheckGame(g)
	wantFieldError(t, err, testFile, "boxScoreTraditional.gameId", "0022500716",
		boxscore.ErrNotInGameLog)
}
