package boxscore_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
)

func TestParseMinutesForms(t *testing.T) {
	tests := []struct {
		raw  string
		want boxscore.Minutes
	}{
		{"38:07", boxscore.Minutes{Present: true, Seconds: 38*60 + 7}},
		{"0:35", boxscore.Minutes{Present: true, Seconds: 35}},
		{"0:00", boxscore.Minutes{Present: true, Seconds: 0}},
		// NBA.com writes "27:60" for N. Queta (BOS, 0022500721): read as 28:00.
		{"27:60", boxscore.Minutes{Present: true, Seconds: 28 * 60}},
		{"11:60", boxscore.Minutes{Present: true, Seconds: 12 * 60}},
		{"290:00", boxscore.Minutes{Present: true, Seconds: 290 * 60}},
		{"265:00", boxscore.Minutes{Present: true, Seconds: 265 * 60}},
		{"34:12.4", boxscore.Minutes{Present: true, Seconds: 34*60 + 12.4}},
		{"PT34M12.00S", boxscore.Minutes{Present: true, Seconds: 34*60 + 12}},
		{"PT34M12.40S", boxscore.Minutes{Present: true, Seconds: 34*60 + 12.4}},
		{"PT34M12.46S", boxscore.Minutes{Present: true, Seconds: 34*60 + 12.5}},
		{"PT27M60.00S", boxscore.Minutes{Present: true, Seconds: 28 * 60}},
		{"PT240M00.00S", boxscore.Minutes{Present: true, Seconds: 240 * 60}},
		{"PT265M00.00S", boxscore.Minutes{Present: true, Seconds: 265 * 60}},
		{"PT290M", boxscore.Minutes{Present: true, Seconds: 290 * 60}},
		{"PT45S", boxscore.Minutes{Present: true, Seconds: 45}},
		{"34.2", boxscore.Minutes{Present: true, Seconds: 34.2 * 60}},
		{"0.5", boxscore.Minutes{Present: true, Seconds: 30}},
		{"34", boxscore.Minutes{Present: true, Seconds: 34 * 60, Rounded: true}},
		{" 34:12 ", boxscore.Minutes{Present: true, Seconds: 34*60 + 12}},
		{"", boxscore.Minutes{}},
		{"   ", boxscore.Minutes{}},
	}
	for _, tt := range tests {
		got, err := boxscore.ParseMinutes(tt.raw)
		if err != nil {
			t.Errorf("ParseMinutes(%q) error: %v", tt.raw, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseMinutes(%q) = %+v, want %+v", tt.raw, got, tt.want)
		}
	}
}

func TestParseMinutesRejects(t *testing.T) {
	for _, raw := range []string{
		"27:61", "34:72", "27:60.5", "PT27M61.00S", "-0:05", "-5", "abc", "ab:cd", "12:3",
		"1:2:3", "12:", ":30", "PT", "PTM", "PT-5M", "1e3", "NaN", "Inf", "0x10", "1_000",
		"+5", "1234:00", "5 min", "null",
	} {
		_, err := boxscore.ParseMinutes(raw)
		if err == nil {
			t.Errorf("ParseMinutes(%q) = no error, want one", raw)
			continue
		}
		if !errors.Is(err, boxscore.ErrInvalidMinutes) {
			t.Errorf("ParseMinutes(%q) error %q does not wrap ErrInvalidMinutes", raw, err)
		}
		if want := `boxscore: minutes "` + raw + `"`; !strings.HasPrefix(err.Error(), want) {
			t.Errorf("ParseMinutes(%q) error %q does not start with %q", raw, err, want)
		}
	}
}

func TestMinutesState(t *testing.T) {
	tests := []struct {
		m    boxscore.Minutes
		want string
	}{
		{boxscore.Minutes{}, "did_not_play"},
		{boxscore.Minutes{Present: true}, "zero_seconds"},
		{boxscore.Minutes{Present: true, Rounded: true}, "zero_seconds"},
		{boxscore.Minutes{Present: true, Seconds: 35}, "played"},
		{boxscore.Minutes{Present: true, Seconds: 60, Rounded: true}, "played_rounded"},
	}
	for _, tt := range tests {
		if got := tt.m.State().String(); got != tt.want {
			t.Errorf("%+v.State() = %s, want %s", tt.m, got, tt.want)
		}
	}
	if got, want := (boxscore.Minutes{Present: true, Seconds: 90}).Minutes(), 1.5; got != want {
		t.Errorf("Minutes() = %v, want %v", got, want)
	}
}
