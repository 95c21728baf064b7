// Package boxscore reads the NBA.com files that Tipoff's raw tables are loaded from.
//
// It understands two endpoints, both as NBA.com returns them:
//
//   - boxscoretraditionalv3: one game per file, player rows and team totals
//     ([ParseGame]). The file carries no game date.
//   - leaguegamelog (team mode): one row per team and game with GAME_DATE
//     ([ReadGameLog]). It is where a game's date comes from.
//
// [Discover] lists a data directory laid out like the NBA.com archive
// (leaguegamelog/<season>/*.json and boxscoretraditionalv3/<season>/<gameId>.json)
// and tells, per game date, which box scores are expected, present and missing.
// [LoadDate] parses one date's box scores and turns them into raw rows with [Rows].
//
// Every parser is strict: a value it does not understand is an error, never a zero.
// Errors about a value are [*FieldError]s that name the file, the JSON field path and the
// offending value, so an operator can find the line. Outcomes a caller branches on are
// sentinels: [ErrBoxScoreEmpty] (a final game published without players or statistics),
// [ErrFieldMissing], [ErrInvalidMinutes], [ErrTotalsMismatch], [ErrNotInGameLog] and
// [ErrDataDirMissing]; test them with errors.Is.
//
// Minutes come in many shapes across NBA feeds; [ParseMinutes] reads all of them to
// seconds with tenths kept, and keeps "did not play" (no value) apart from "0:00".
//
// Nothing here does network I/O. [ParseMinutes], [ParseGame], [ReadGameLog] and [Rows]
// are pure; [Discover] and [LoadDate] read files.
package boxscore
