package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

var pauseHelp = commandHelp{
	synopsis: "tipoff pause (--processor P --reason R | --list) [flags]",
	about: `Turns on a processor's kill switch (controls/{processor} in Firestore): while it is on,
the processor starts no new run. The events that would start one are held, not dropped,
and run when it resumes. Runs already started finish. The switch records the reason,
who set it ($USER, else tipoff-cli) and when. With --list, or with no flag at all, it
changes nothing and lists every processor's switch.`,
	examples: []string{
		`tipoff pause --processor team_defense --reason "bad box scores upstream, INC-42"`,
		"tipoff pause --list",
	},
}

var resumeHelp = commandHelp{
	synopsis: "tipoff resume --processor P [--reason R] [flags]",
	about:    `Turns off a processor's kill switch: the events held while it was paused run now.`,
	examples: []string{
		"tipoff resume --processor team_defense",
	},
}

// controlFlags are the flags of tipoff pause and tipoff resume.
type controlFlags struct {
	target
	processor events.Processor
	reason    string
	// list asks for every switch instead of a change (tipoff pause only).
	list bool
}

func parseControlFlags(con console, name string, h commandHelp, reasonRequired bool,
	args []string) (controlFlags, error) {
	var f controlFlags
	var processor string
	fs := newFlagSet(name)
	addTargetFlags(fs, &f.target)
	fs.StringVar(&processor, "processor", "", "processor: "+
		joinProcessors(defaultGraph().Processors())+" (required)")
	reasonHelp := "why, for whoever looks at the switch next"
	if reasonRequired {
		reasonHelp += " (required)"
	}
	fs.StringVar(&f.reason, "reason", "", reasonHelp)
	if name == "pause" {
		fs.BoolVar(&f.list, "list", false, "list every processor's switch and change "+
			"nothing (also what pause does with neither --processor nor --reason)")
	}
	if err := parseFlags(con, fs, h, args); err != nil {
		return f, err
	}
	if err := checkTarget(f.target); err != nil {
		return f, err
	}
	if name == "pause" && processor == "" && f.reason == "" {
		f.list = true
	}
	if f.list {
		if processor != "" || f.reason != "" {
			return f, usagef("--list changes nothing: give it without --processor and --reason")
		}
		return f, nil
	}
	var err error
	if f.processor, err = processorFlag("processor", processor); err != nil {
		return f, err
	}
	if reasonRequired {
		err = requireFlag("reason", f.reason)
	}
	return f, err
}

// pauseCommand is tipoff pause.
func pauseCommand(ctx context.Context, con console, args []string) error {
	f, err := parseControlFlags(con, "pause", pauseHelp, true, args)
	if err != nil {
		return err
	}
	if f.list {
		return listControls(ctx, con, f)
	}
	return setControl(ctx, con, f, true)
}

// resumeCommand is tipoff resume.
func resumeCommand(ctx context.Context, con console, args []string) error {
	f, err := parseControlFlags(con, "resume", resumeHelp, false, args)
	if err != nil {
		return err
	}
	return setControl(ctx, con, f, false)
}

func setControl(ctx context.Context, con console, f controlFlags, paused bool) error {
	ctx, b, done, err := open(ctx, f.target, false)
	if err != nil {
		return err
	}
	defer done()

	before, err := b.store.Control(ctx, f.processor)
	if err != nil {
		return err
	}
	c := state.Control{Processor: string(f.processor), Paused: paused, Reason: f.reason,
		UpdatedBy: operatorName(), UpdatedAt: time.Now().UTC()}
	if err := b.store.SetPaused(ctx, c); err != nil {
		return err
	}
	verb := map[bool]string{true: "paused", false: "resumed"}[paused]
	fmt.Fprintf(con.out, "%s %s (by %s", verb, f.processor, c.UpdatedBy)
	if f.reason != "" {
		fmt.Fprintf(con.out, ": %s", f.reason)
	}
	fmt.Fprintln(con.out, ")")
	switch {
	case paused && before.Paused:
		fmt.Fprintf(con.out, "it was paused already (by %s: %s)\n", orDash(before.UpdatedBy),
			orDash(before.Reason))
	case !paused && !before.Paused:
		fmt.Fprintln(con.out, "it was not paused")
	}
	return nil
}

// operatorName is who the control document says changed the switch.
func operatorName() string {
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	return cliSource
}

// listControls is tipoff pause --list.
func listControls(ctx context.Context, con console, f controlFlags) error {
	ctx, b, done, err := open(ctx, f.target, false)
	if err != nil {
		return err
	}
	defer done()
	controls, err := readControls(ctx, b)
	if err != nil {
		return err
	}
	return renderControls(con.out, controls)
}
