package boxscore

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Minutes is a time played, as read from any of the minutes formats NBA feeds use.
//
// The zero value means "no value": the player did not play (the feed gave an empty
// string or null). A player listed with "0:00" is Present with zero Seconds; the two are
// kept apart because a usage rate exists for neither but only the second counts as an
// appearance.
type Minutes struct {
	// Present is false when the feed gave no minutes at all (did not play).
	Present bool
	// Seconds is the time in seconds, rounded to the nearest tenth. Zero when not Present.
	Seconds float64
	// Rounded is true when the feed gave whole minutes only ("34"), so Seconds may be up
	// to a minute off.
	Rounded bool
}

// Minutes returns the time in minutes (fractional). Zero when not Present.
func (m Minutes) Minutes() float64 {
	return m.Seconds / 60
}

// State classifies m with the vocabulary of the minutes test cases.
func (m Minutes) State() MinutesState {
	switch {
	case !m.Present:
		return DidNotPlay
	case m.Seconds == 0:
		return ZeroSeconds
	case m.Rounded:
		return PlayedRounded
	default:
		return Played
	}
}

// MinutesState says what a minutes value means for a player row.
type MinutesState int

const (
	// DidNotPlay: no minutes value (DNP, DND, NWT, inactive).
	DidNotPlay MinutesState = iota
	// ZeroSeconds: listed as playing "0:00"; no usage rate, but not an error.
	ZeroSeconds
	// Played: a positive time to the second or tenth.
	Played
	// PlayedRounded: a positive time given in whole minutes only.
	PlayedRounded
)

// String returns the state's snake_case name, e.g. "zero_seconds".
func (s MinutesState) String() string {
	switch s {
	case DidNotPlay:
		return "did_not_play"
	case ZeroSeconds:
		return "zero_seconds"
	case Played:
		return "played"
	case PlayedRounded:
		return "played_rounded"
	}
	return "MinutesState(" + strconv.Itoa(int(s)) + ")"
}

// The accepted shapes. Minutes have at most three digits (team totals reach 290 and
// beyond in overtime), seconds in a clock value have exactly two.
var (
	clockMinutes   = regexp.MustCompile(`^(\d{1,3}):(\d{2}(?:\.\d+)?)$`)
	isoMinutes     = regexp.MustCompile(`^PT(?:(\d{1,3})M)?(?:(\d+(?:\.\d+)?)S)?$`)
	decimalMinutes = regexp.MustCompile(`^\d{1,3}\.\d+$`)
	wholeMinutes   = regexp.MustCompile(`^\d{1,3}$`)
)

// ParseMinutes reads a minutes value to seconds, tenths kept. Accepted forms (surrounding
// whitespace is ignored):
//
//   - "" : no value, the player did not play (Minutes{Present: false}).
//   - "MM:SS" or "MMM:SS", seconds optionally with a fraction ("34:12", "0:35", "290:00").
//     Seconds of exactly 60 roll over: "27:60" is 28:00, as NBA.com writes it for six
//     real players. Seconds above 60 are an error.
//   - ISO 8601 "PTmmMss.ssS" ("PT34M12.40S", "PT265M00.00S", "PT290M", "PT45S"), with the
//     same rule for seconds when a minutes part is present.
//   - Decimal minutes ("34.2" = 2052 s).
//   - Whole minutes ("34" = 2040 s), flagged Rounded.
//
// Anything else (negative values, garbage) is an error that names the value and wraps
// [ErrInvalidMinutes]; it is never turned into zero.
func ParseMinutes(raw string) (Minutes, error) {
	m, err := parseMinutes(raw)
	if err != nil {
		return Minutes{}, fmt.Errorf("boxscore: minutes %q: %w", raw, err)
	}
	return m, nil
}

// parseMinutes is ParseMinutes without the value in the error, for callers that name the
// value themselves.
func parseMinutes(raw string) (Minutes, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return Minutes{}, nil
	}

	if g := clockMinutes.FindStringSubmatch(s); g != nil {
		return minutesAndSeconds(g[1], g[2])
	}
	if g := isoMinutes.FindStringSubmatch(s); g != nil && (g[1] != "" || g[2] != "") {
		return minutesAndSeconds(g[1], g[2])
	}
	if decimalMinutes.MatchString(s) {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return Minutes{}, fmt.Errorf("%w: %v", ErrInvalidMinutes, err)
		}
		return Minutes{Present: true, Seconds: tenths(v * 60)}, nil
	}
	if wholeMinutes.MatchString(s) {
		v, _ := strconv.Atoi(s) // at most three digits, cannot fail
		return Minutes{Present: true, Seconds: float64(v * 60), Rounded: true}, nil
	}

	if strings.HasPrefix(s, "-") {
		return Minutes{}, fmt.Errorf("%w: negative time", ErrInvalidMinutes)
	}
	return Minutes{}, fmt.Errorf("%w: want MM:SS, PTmmMss.ssS, decimal or whole minutes",
		ErrInvalidMinutes)
}

// minutesAndSeconds combines the digit groups of a clock or ISO value. min may be empty
// (ISO without a minutes part), in which case any number of seconds is allowed.
func minutesAndSeconds(min, sec string) (Minutes, error) {
	whole := 0
	if min != "" {
		whole, _ = strconv.Atoi(min) // at most three digits, cannot fail
	}

	secs := 0.0
	if sec != "" {
		v, err := strconv.ParseFloat(sec, 64)
		if err != nil {
			return Minutes{}, fmt.Errorf("%w: %v", ErrInvalidMinutes, err)
		}
		secs = v
	}
	if min != "" && secs > 60 {
		return Minutes{}, fmt.Errorf("%w: seconds %s out of range 0-60", ErrInvalidMinutes, sec)
	}

	// A seconds field of exactly 60 is (minutes+1):00; the sum does that by itself.
	return Minutes{Present: true, Seconds: tenths(float64(whole)*60 + secs)}, nil
}

// tenths rounds seconds to the nearest tenth, the finest unit any feed gives.
func tenths(seconds float64) float64 {
	return math.Round(seconds*10) / 10
}
