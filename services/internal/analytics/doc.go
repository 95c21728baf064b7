// Package analytics computes Tipoff's game summaries from raw box-score rows.
//
// Everything here is a pure function of tables rows: no I/O, no clients, no clock, so a
// test can check a formula from a table of numbers. The functions are:
//
//   - [TeamOffense]: team_offense_game_summary, one row per team and game (possessions,
//     pace, offensive rating, eFG%, TS%, overtimes).
//   - [TeamDefense]: team_defense_game_summary, the same games seen from the defence.
//   - [PlayerGames]: player_game_summary, one row per listed player, with the box-score
//     usage rate. Usage needs the team totals of the same game and team, taken from the
//     TeamOffense rows; without them PlayerGames fails rather than guess.
//   - [TeamUsageIdentity] and [CheckUsageIdentity]: Σ(usage × minutes) ÷ (team minutes ÷ 5)
//     per team and game, which is 100 when every row was built from complete, matching
//     inputs.
//
// Numbers are stored unrounded. Minutes are fractional minutes (seconds / 60). Team minutes
// always come from the data (240, 265, 290, ...), never from a constant. docs/METRICS.md
// gives every formula with a worked example.
//
// Errors are prefixed "analytics:" and wrap sentinels ([ErrTeamMinutes], [ErrGamePairing],
// [ErrMissingTeamTotals], [ErrNoTeamUsage], [ErrUsageIdentity]) for errors.Is.
package analytics
