package main

import (
	"flag"
	"os"
	"strings"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/pipeline"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// Defaults of the flags every operator command has.
const (
	// projectEnv names the project when --project is not given.
	projectEnv     = "TIPOFF_PROJECT"
	defaultProject = "tipoff-local"
	defaultTimeout = time.Minute
)

// target is where a command reads and writes state, and how long it may take.
type target struct {
	project string
	// allowCloud lets the command use endpoints other than the local emulators, that is a
	// real Google Cloud project. Without it the command refuses to start (localstack.Guard).
	allowCloud bool
	// timeout bounds the whole command, so an unreachable endpoint ends it with an error
	// instead of the clients' retries going on forever.
	timeout time.Duration
}

// addTargetFlags declares --project, --allow-cloud and --timeout on fs.
func addTargetFlags(fs *flag.FlagSet, t *target) {
	project := os.Getenv(projectEnv)
	if project == "" {
		project = defaultProject
	}
	fs.StringVar(&t.project, "project", project, "Google Cloud project id; "+projectEnv+
		" sets the default")
	fs.BoolVar(&t.allowCloud, "allow-cloud", false, "allow a real Google Cloud project: skip "+
		"the check that FIRESTORE_EMULATOR_HOST and PUBSUB_EMULATOR_HOST are loopback emulators")
	fs.DurationVar(&t.timeout, "timeout", defaultTimeout, "give up on Firestore and Pub/Sub "+
		"after this long")
}

// checkTarget validates the flags of addTargetFlags.
func checkTarget(t target) error {
	if strings.TrimSpace(t.project) == "" {
		return usagef("--project %q: a project id is required", t.project)
	}
	if t.timeout <= 0 {
		return usagef("--timeout %s: must be positive", t.timeout)
	}
	return nil
}

// requireFlag fails when a required flag was not given.
func requireFlag(name, value string) error {
	if value == "" {
		return usagef("--%s is required", name)
	}
	return nil
}

// checkDate fails unless value is a real calendar date in YYYY-MM-DD form. An empty value
// passes: requireFlag decides whether the flag may be left out.
func checkDate(name, value string) error {
	if value != "" && !events.ValidDate(value) {
		return usagef("--%s %q: not a real calendar date in YYYY-MM-DD form", name, value)
	}
	return nil
}

// processorFlag reads a processor name. The worker's name (team-offense) is accepted for
// its processor (team_offense), since operators see both.
func processorFlag(name, value string) (events.Processor, error) {
	if err := requireFlag(name, value); err != nil {
		return "", err
	}
	p := events.Processor(strings.ReplaceAll(value, "-", "_"))
	graph := defaultGraph()
	if _, ok := graph.Node(p); !ok {
		return "", usagef("--%s %q: unknown processor; one of %s", name, value,
			joinProcessors(graph.Processors()))
	}
	return p, nil
}

// statusesFlag reads a comma-separated list of statuses; empty means no filter.
func statusesFlag(name, value string) ([]state.Status, error) {
	if value == "" {
		return nil, nil
	}
	var out []state.Status
	for _, part := range strings.Split(value, ",") {
		s := state.Status(strings.TrimSpace(part))
		if !s.Known() {
			return nil, usagef("--%s %q: unknown status %q; one of %s", name, value, s,
				joinStatuses(state.Statuses()))
		}
		out = append(out, s)
	}
	return out, nil
}

// defaultGraph is the processor graph the workers run. pipeline.Default is validated by
// its own tests and by every worker at start, so an error here cannot happen.
func defaultGraph() *pipeline.Graph {
	g, err := pipeline.New(pipeline.Default)
	if err != nil {
		panic(err)
	}
	return g
}

func joinProcessors(ps []events.Processor) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = string(p)
	}
	return strings.Join(names, ", ")
}

func joinStatuses(ss []state.Status) string {
	names := make([]string, len(ss))
	for i, s := range ss {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}
