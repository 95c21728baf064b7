// Package rowrules holds the validation rules that every row passes before the warehouse
// writes it.
//
// A rule has a stable snake_case name (metrics and alerts key on it, so never rename one),
// a severity and a check over the rows of one table. The checks are pure functions of
// the rows: no I/O, no clock, so a test can feed them a table of numbers.
//
// Severities:
//   - Critical: one broken row blocks the whole batch. The warehouse writes nothing.
//   - Warning: the row is counted and reported, but still written.
//
// Each Check function (CheckRaw, CheckTeamOffense, CheckTeamDefense, CheckPlayerGames)
// runs every rule of its table(s) and returns a Report: for each rule that at least one
// row broke, the number of such rows and the first MaxExamples violations, each naming
// the table, game, team or player, field and value.
//
// Besides the per-row rules, every batch is checked as a whole: every row must carry
// the batch's game date and generation (batch_key_match), and no key may appear twice
// (duplicate_key; players are keyed by game and person, teams by game and team).
//
// Catalog lists every rule, so that metrics can report a zero for rules nobody broke.
package rowrules
