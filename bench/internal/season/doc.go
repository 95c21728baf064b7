// Package season writes a synthetic NBA data directory for benchmarks: the real league game
// log of a whole regular season, and one boxscoretraditionalv3 box score per game of that
// log, made up so that it passes every check the raw loader makes.
//
// The box scores follow the real files' structure (meta, boxScoreTraditional with homeTeam
// and awayTeam, players, statistics, starters and bench) and are built from the game log's
// team line: the players' rows sum exactly to the team statistics, the team statistics equal
// the log's (turnovers included), team minutes are the log's MIN (240, 265 or 290) and the
// players' seconds add up to them exactly. Player names and ids are invented, ten players
// per team play and three do not.
package season
