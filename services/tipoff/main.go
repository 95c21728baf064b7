// Command tipoff is the operator's tool.
//
//	tipoff run [--data DIR]                      run the whole pipeline locally and print a table
//	tipoff status [--from-date A] [--to-date B]  dates × processors from Firestore
//	tipoff events --date D                       a date's event log, findings and dead letters
//	tipoff deadletters [--date D]                list dead letters; "redrive --id ID" resends one
//	tipoff unblock --date D --processor P        clear a blocked or failed processor and wake it
//	tipoff pause|resume --processor P            a processor's kill switch; pause --list lists
//	tipoff stalls                                processors waiting past their limit
//	tipoff replay --date D [--from P]            replay dates and wait until they settle
//	tipoff rebuild [--date D]                    compare live state with the event log
//
// Run "tipoff COMMAND --help" for the flags of a command.
package main

import (
	"fmt"
	"os"
)

const usage = `tipoff: NBA analytics by event-driven workers.

Commands:
  run          run the whole pipeline locally (emulators, four workers) on a data directory
               example: tipoff run --data ../shared/data/nba
  status       one row per game date: generation, status, each processor, last error
               example: tipoff status --from-date 2026-02-01 --status failed,blocked
  events       a date's event log in order, then its quality findings and dead letters
               example: tipoff events --date 2026-02-03
  deadletters  list dead letters; "deadletters redrive" publishes one again
               example: tipoff deadletters --date 2026-02-02
               example: tipoff deadletters redrive --id 3f1a0c9d2b7e4a6f8c0d1e2f
  unblock      clear a blocked or failed processor of a date and republish what wakes it
               example: tipoff unblock --date 2026-02-03 --processor player_game_summary
  pause        turn on a processor's kill switch: it starts no new run until resumed
               example: tipoff pause --processor team_defense --reason "INC-42"
               example: tipoff pause --list    (every switch; also "tipoff pause" alone)
  resume       turn the kill switch off; held events run
               example: tipoff resume --processor team_defense
  stalls       report processors waiting past their limit (exit 1 if any); run on a schedule
               example: tipoff stalls --team-limit 30m --player-limit 20m
  replay       replay a date or a range (a new generation each), wait until they settle
               example: tipoff replay --date 2026-02-03 --from player_game_summary
               example: tipoff replay --from-date 2026-01-27 --to-date 2026-02-03 --concurrency 8
  rebuild      rebuild each date's state from its event log; print differences (exit 1 if any)
               example: tipoff rebuild --from-date 2026-01-27 --to-date 2026-02-03

Every command but run reads and writes Firestore and Pub/Sub through the Google clients,
on project --project (default: $TIPOFF_PROJECT, else tipoff-local). They refuse to start
unless FIRESTORE_EMULATOR_HOST and PUBSUB_EMULATOR_HOST name loopback emulators, so nobody
reaches production by accident; --allow-cloud lifts that guard on purpose.
Exit codes: 0 done, 1 failed or refused, 2 bad command line or guard refusal.

Run "tipoff COMMAND --help" for a command's flags.
`

// operatorCommands are the commands that work on a pipeline's state.
var operatorCommands = map[string]operatorCommand{
	"status":      statusCommand,
	"events":      eventsCommand,
	"deadletters": deadLettersCommand,
	"unblock":     unblockCommand,
	"pause":       pauseCommand,
	"resume":      resumeCommand,
	"stalls":      stallsCommand,
	"replay":      replayCommand,
	"rebuild":     rebuildCommand,
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	name := os.Args[1]
	if cmd, ok := operatorCommands[name]; ok {
		os.Exit(runOperator(name, cmd, os.Args[2:]))
	}
	switch name {
	case "run":
		os.Exit(runCommand(os.Args[2:]))
	case "-h", "--help", "help":
		fmt.Print(usage)
	default:
		fmt.Fprintf(os.Stderr, "tipoff: unknown command %q\n\n%s", name, usage)
		os.Exit(2)
	}
}
