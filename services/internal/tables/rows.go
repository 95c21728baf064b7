package tables

// Key identifies the date partition and generation that a row belongs to.
type Key struct {
	// GameDate is the US Eastern calendar date of the game, as YYYY-MM-DD.
	GameDate string
	// Generation is the version of the date's raw data the row was built from (1, 2, ...).
	Generation int64
}

// Shooting holds the counting stats shared by player rows and team totals.
type Shooting struct {
	FGM, FGA   int
	FG3M, FG3A int
	FTM, FTA   int
	OREB, DREB int
	REB        int
	AST, STL   int
	BLK, TOV   int
	PF, PTS    int
}

// RawPlayer is one player line of a box score, as loaded (table gamebook_player_stats).
type RawPlayer struct {
	Key
	GameID      string // zero-padded NBA game id, e.g. "0022500716"
	TeamID      int64
	TeamTricode string
	OpponentID  int64
	Opponent    string // opponent tricode
	Home        bool
	PersonID    int64
	PlayerName  string // first and family name
	Starter     bool   // the box score gives starters a non-empty position
	// Comment is the box score's reason for not playing ("DNP - Coach's Decision"), or "".
	Comment string
	// Played is false when the box score gives no minutes (DNP, DND, NWT rows).
	Played bool
	// Seconds is the time played in seconds, tenths kept. Zero when Played is false.
	Seconds float64
	Shooting
	PlusMinus  float64
	SourceFile string // box score file the row came from, relative to the data directory
}

// RawTeam is the team totals of one team in one game, as loaded (table gamebook_team_stats).
type RawTeam struct {
	Key
	GameID      string
	TeamID      int64
	TeamTricode string
	OpponentID  int64
	Opponent    string
	Home        bool
	// Seconds is the team's total player time in seconds: 240 minutes in regulation,
	// plus 25 per overtime period, as the box score gives it.
	Seconds float64
	Shooting
	PlusMinus  float64
	SourceFile string
}

// TeamOffense is one row of team_offense_game_summary.
type TeamOffense struct {
	Key
	GameID      string
	TeamID      int64
	TeamTricode string
	OpponentID  int64
	Opponent    string
	Home        bool
	// TeamMinutes is the team's total player minutes (240, 265, 290, ...), from the data.
	TeamMinutes float64
	// Overtimes is the number of overtime periods implied by TeamMinutes.
	Overtimes int
	Shooting
	// Possessions is FGA + 0.44*FTA - OREB + TOV.
	Possessions float64
	// Pace is possessions per 48 minutes of game time.
	Pace float64
	// OffensiveRating is points per 100 possessions.
	OffensiveRating float64
	// EffectiveFGPct and TrueShootingPct are fractions; nil when there was no attempt.
	EffectiveFGPct  *float64
	TrueShootingPct *float64
}

// TeamDefense is one row of team_defense_game_summary: what the opponent did against
// the team.
type TeamDefense struct {
	Key
	GameID      string
	TeamID      int64
	TeamTricode string
	OpponentID  int64
	Opponent    string
	Home        bool
	TeamMinutes float64
	// Opponent counting stats, seen from the defence.
	OppPTS, OppFGM, OppFGA  int
	OppFG3M, OppFG3A        int
	OppFTM, OppFTA, OppOREB int
	DREB, STL, BLK          int
	ForcedTOV               int
	OppPossessions          float64
	DefensiveRating         float64
	OppEffectiveFGPct       *float64
}

// PlayerGame is one row of player_game_summary. Every player listed in the box score has a
// row, including those who did not play.
type PlayerGame struct {
	Key
	GameID      string
	TeamID      int64
	TeamTricode string
	OpponentID  int64
	Opponent    string
	PersonID    int64
	PlayerName  string
	Starter     bool
	Played      bool
	// DNPReason is the box score's comment for a player who did not play, else "".
	DNPReason string
	// Minutes is the time played in minutes (fractional). Zero when Played is false.
	Minutes float64
	Shooting
	PlusMinus float64
	// UsageRate is the box-score usage rate in percent, unrounded. Nil when the player
	// has no minutes.
	UsageRate *float64
	// TrueShootingPct is a fraction; nil when the player had no shot or free throw.
	TrueShootingPct *float64
	// TeamMinutes is the team total the usage rate was computed with.
	TeamMinutes float64
}

// ClearKey zeroes the key. Every row type embeds Key, so Unkeyed works on all of them.
func (k *Key) ClearKey() { *k = Key{} }

// Unkeyed returns copies of rows with their keys cleared, so a digest of unchanged input
// is the same in every generation.
func Unkeyed[T any, P interface {
	*T
	ClearKey()
}](rows []T) []T {
	out := make([]T, len(rows))
	copy(out, rows)
	for i := range out {
		P(&out[i]).ClearKey()
	}
	return out
}
