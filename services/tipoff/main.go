// Command tipoff is the operator's tool.
//
//	tipoff run [--data DIR]   run the whole pipeline locally on emulators and print a table
//
// Run "tipoff run --help" for the flags of a command.
package main

import (
	"fmt"
	"os"
)

const usage = `tipoff: NBA analytics by event-driven workers.

Commands:
  run      run the whole pipeline locally (emulators, four workers) on a data directory
           example: tipoff run --data ../shared/data/nba

Run "tipoff COMMAND --help" for a command's flags.
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	switch os.Args[1] {
	case "run":
		os.Exit(runCommand(os.Args[2:]))
	case "-h", "--help", "help":
		fmt.Print(usage)
	default:
		fmt.Fprintf(os.Stderr, "tipoff: unknown command %q\n\n%s", os.Args[1], usage)
		os.Exit(2)
	}
}
