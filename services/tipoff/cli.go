package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"syscall"
	"time"
)

// Exit codes of the operator commands.
const (
	exitOK = 0
	// exitFailed: the command ran but failed, or refused what was asked (a processor that
	// is not blocked, a dead letter already redriven).
	exitFailed = 1
	// exitUsage: the command line is wrong (unknown flag, bad value, missing flag), or the
	// endpoints are not the local emulators and --allow-cloud was not given.
	exitUsage = 2
)

// errHelp reports that --help was asked for and shown.
var errHelp = errors.New("help shown")

// errRefused is wrapped when the command declines to act on the state it found.
var errRefused = errors.New("refused")

// usageError is a mistake in the command line; the message names the flag and the value.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// console is where a command writes: results to out, messages and errors to errs.
type console struct {
	out, errs io.Writer
}

// operatorCommand runs one command on its arguments (the command name excluded).
type operatorCommand func(ctx context.Context, con console, args []string) error

// runOperator runs cmd for main: on the real stdout and stderr, until SIGINT or SIGTERM,
// and returns the exit code.
func runOperator(name string, cmd operatorCommand, args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	con := console{out: os.Stdout, errs: os.Stderr}
	return exitCode(con, commandName(name, args), cmd(ctx, con, args))
}

// exitCode reports err on con and maps it to the command's exit code.
func exitCode(con console, name string, err error) int {
	var usage *usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return exitOK
	case errors.As(err, &usage):
		fmt.Fprintf(con.errs, "tipoff %s: %v\nRun \"tipoff %s --help\" for the flags.\n", name,
			err, name)
		return exitUsage
	default:
		fmt.Fprintf(con.errs, "tipoff %s: %v\n", name, err)
		return exitFailed
	}
}

// commandHelp is what --help prints above a command's flags.
type commandHelp struct {
	// synopsis is the usage line, without "Usage: ".
	synopsis string
	// about says what the command does, in a few lines.
	about    string
	examples []string
}

// newFlagSet returns a flag set that prints nothing itself: parseFlags reports its
// errors once, and prints the help only when asked.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// printHelp writes h and then every flag of fs with its default.
func printHelp(w io.Writer, fs *flag.FlagSet, h commandHelp) {
	fmt.Fprintf(w, "Usage: %s\n\n%s\n\nExamples:\n", h.synopsis, strings.TrimSpace(h.about))
	for _, e := range h.examples {
		fmt.Fprintf(w, "  %s\n", e)
	}
	fmt.Fprintln(w, "\nFlags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// parseFlags parses args, refusing stray arguments. --help prints the help on con.out and
// returns errHelp; a flag error is a usageError.
func parseFlags(con console, fs *flag.FlagSet, h commandHelp, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printHelp(con.out, fs, h)
			return errHelp
		}
		return &usageError{msg: describeFlagError(fs, err)}
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q: every value is given with a flag", fs.Arg(0))
	}
	return nil
}

// commandName is how messages name the command: the subcommand is part of it.
func commandName(name string, args []string) string {
	if name == "deadletters" && len(args) > 0 && args[0] == "redrive" {
		return name + " redrive"
	}
	return name
}

// flagValueError matches the flag package's message for a value it cannot parse.
var flagValueError = regexp.MustCompile(`^invalid value "(.*)" for flag -(\S+): `)

// describeFlagError rewords the flag package's "parse error" for a duration flag, which
// does not say what a duration looks like.
func describeFlagError(fs *flag.FlagSet, err error) string {
	m := flagValueError.FindStringSubmatch(err.Error())
	if m == nil {
		return err.Error()
	}
	if fl := fs.Lookup(m[2]); fl != nil {
		if g, ok := fl.Value.(flag.Getter); ok {
			if _, isDuration := g.Get().(time.Duration); isDuration {
				return fmt.Sprintf("--%s %q: not a duration; give one such as 30m, 90s or "+
					"1h30m", m[2], m[1])
			}
		}
	}
	return err.Error()
}
