package analytics_test

import (
	"errors"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/analytics"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

func TestOvertimes(t *testing.T) {
	for _, tt := range []struct {
		teamMinutes float64
		want        int
	}{{240, 0}, {265, 1}, {290, 2}, {315, 3}, {17400.0 / 60, 2}} {
		got, err := analytics.Overtimes(tt.teamMinutes)
		if err != nil || got != tt.want {
			t.Errorf("Overtimes(%v) = %d, %v; want %d", tt.teamMinutes, got, err, tt.want)
		}
	}
	// Case C13 row 23 (PT239M58.00S) and other lengths no game has.
	for _, m := range []float64{(239*60 + 58) / 60.0, 250, 215, 0, 240.5, -25} {
		if _, err := analytics.Overtimes(m); !errors.Is(err, analytics.ErrTeamMinutes) {
			t.Errorf("Overtimes(%v) error = %v, want ErrTeamMinutes", m, err)
		}
	}
}

func TestPossessionsAndRatings(t *testing.T) {
	s := tables.Shooting{FGM: 40, FGA: 90, FG3M: 10, FTA: 25, OREB: 12, TOV: 14, PTS: 110}
	poss := analytics.Possessions(s)
	wantClose(t, "Possessions", poss, 90+0.44*25-12+14)
	wantClose(t, "Pace", analytics.Pace(poss, 100, 265), 48*((poss+100)/2)/(265.0/5))

	rating, err := analytics.Rating(s.PTS, poss)
	if err != nil {
		t.Fatal(err)
	}
	wantClose(t, "Rating", rating, 100*110/(90+0.44*25-12+14))
	if _, err := analytics.Rating(10, 0); err == nil {
		t.Errorf("Rating with 0 possessions: no error")
	}

	wantPtrClose(t, "EffectiveFGPct", analytics.EffectiveFGPct(s), (40+0.5*10)/90.0)
	wantPtrClose(t, "TrueShootingPct", analytics.TrueShootingPct(s), 110/(2*(90+0.44*25)))
	if analytics.EffectiveFGPct(tables.Shooting{FTA: 2, PTS: 2}) != nil {
		t.Errorf("EffectiveFGPct without a field goal attempt is not nil")
	}
	if analytics.TrueShootingPct(tables.Shooting{}) != nil {
		t.Errorf("TrueShootingPct without an attempt is not nil")
	}
	wantPtrClose(t, "TrueShootingPct (free throws only)",
		analytics.TrueShootingPct(tables.Shooting{FTA: 2, FTM: 1, PTS: 1}), 1/(2*(0.44*2)))
}

func TestUsageRateCaseC15(t *testing.T) {
	// Case C15, player p201: 44:30, FGA 27, FTA 10, TOV 4. True TMA totals after repair:
	// FGA 97, FTA 25, TOV 14 over 265 team minutes (one overtime).
	p201 := tables.Shooting{FGA: 27, FTA: 10, TOV: 4}
	truth := tables.Shooting{FGA: 97, FTA: 25, TOV: 14}
	minutes := 44 + 30.0/60

	got, err := analytics.UsageRate(p201, truth, minutes, 265)
	if err != nil {
		t.Fatal(err)
	}
	wantClose(t, "usage", got, 100*(27+0.44*10+4)*(265.0/5)/(44.5*(97+0.44*25+14)))
	if got < 34.555 || got >= 34.565 { // the case's 34.56
		t.Errorf("usage = %v, want 34.56 rounded", got)
	}

	// A 240 constant would give the case's 31.30, overtime-only totals its 358.52.
	with240, _ := analytics.UsageRate(p201, truth, minutes, 240)
	otOnly, _ := analytics.UsageRate(p201, tables.Shooting{FGA: 9, FTA: 4, TOV: 1}, minutes, 265)
	if with240 < 31.295 || with240 >= 31.305 || otOnly < 358.515 || otOnly >= 358.525 {
		t.Errorf("usage with 240 = %v, with OT-only totals = %v; want 31.30 and 358.52",
			with240, otOnly)
	}
}

func TestUsageRateErrors(t *testing.T) {
	if _, err := analytics.UsageRate(tables.Shooting{FGA: 1}, tables.Shooting{}, 10,
		240); !errors.Is(err, analytics.ErrNoTeamUsage) {
		t.Errorf("zero team denominator: error %v, want ErrNoTeamUsage", err)
	}
	if _, err := analytics.UsageRate(tables.Shooting{}, tables.Shooting{FGA: 80}, 0,
		240); err == nil {
		t.Errorf("zero minutes: no error")
	}
}

func TestLowMinutes(t *testing.T) {
	for _, tt := range []struct {
		minutes float64
		want    bool
	}{{0, false}, {4.0 / 60, true}, {59.0 / 60, true}, {1, false}, {34, false}} {
		if got := analytics.LowMinutes(tt.minutes); got != tt.want {
			t.Errorf("LowMinutes(%v) = %v, want %v", tt.minutes, got, tt.want)
		}
	}
}
