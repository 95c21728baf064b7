// Package tables defines the rows of Tipoff's warehouse tables.
//
// The types are plain values shared by the parsers, the analytics formulas and the
// warehouse. They carry no behaviour that needs I/O, so a test can build them by hand.
//
// Every row names the game date and the generation it was built from. A generation is one
// version of a date's raw data: a stat correction or a replay opens a new one, and every
// table keeps only the rows of one generation per date.
//
// Nullable numbers are pointers: nil means "no value" (for example a player who did not
// play has no usage rate), which is different from zero.
package tables

// Table names, as the warehouse and the docs spell them.
const (
	// GamebookPlayerStats is the raw table: one row per player listed in a box score.
	GamebookPlayerStats = "gamebook_player_stats"
	// GamebookTeamStats is the raw table of team totals: one row per team and game.
	GamebookTeamStats = "gamebook_team_stats"
	// TeamOffenseGameSummary has one row per team and game, seen from the offence.
	TeamOffenseGameSummary = "team_offense_game_summary"
	// TeamDefenseGameSummary has one row per team and game, seen from the defence.
	TeamDefenseGameSummary = "team_defense_game_summary"
	// PlayerGameSummary has one row per player listed in a box score.
	PlayerGameSummary = "player_game_summary"
)
