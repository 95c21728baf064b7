package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/tipoff-nba/tipoff/bench/internal/season"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

// environment is what every stage shares: the synthetic season and one Firestore emulator.
type environment struct {
	workDir   string
	binDir    string
	data      season.Summary
	firestore *localstack.Firestore
	cleanup   []func()
	// keep, once set, leaves a temporary work directory in place (after a failure, for its
	// logs).
	keep bool
}

// setUp writes the synthetic season and starts the Firestore emulator, whose address it
// puts in FIRESTORE_EMULATOR_HOST for the stacks and clients that follow.
func setUp(ctx context.Context, o options) (*environment, error) {
	env := &environment{workDir: o.workDir}
	if env.workDir == "" {
		dir, err := os.MkdirTemp("", "tipoff-bench-")
		if err != nil {
			return nil, fmt.Errorf("work directory: %w", err)
		}
		env.workDir = dir
		if !o.keep {
			env.cleanup = append(env.cleanup, func() {
				if !env.keep {
					os.RemoveAll(dir)
				}
			})
		}
	}
	bin, err := filepath.Abs(o.binDir)
	if err != nil {
		return nil, err
	}
	env.binDir = bin

	dataDir := filepath.Join(env.workDir, "season")
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		env.tearDown()
		return nil, err
	}
	logPath := filepath.Join(o.nbaData, "leaguegamelog", "2026", "regular-season.json")
	if env.data, err = season.Write(dataDir, logPath); err != nil {
		env.tearDown()
		return nil, err
	}

	emulatorLog, err := os.Create(filepath.Join(env.workDir, "firestore-emulator.log"))
	if err != nil {
		env.tearDown()
		return nil, err
	}
	env.cleanup = append(env.cleanup, func() { emulatorLog.Close() })
	if err := env.startFirestore(ctx, emulatorLog); err != nil {
		env.tearDown()
		return nil, err
	}
	return env, nil
}

func (env *environment) startFirestore(ctx context.Context, logs io.Writer) error {
	fs, err := localstack.StartFirestore(ctx, logs)
	if err != nil {
		return err
	}
	env.firestore = fs
	env.cleanup = append(env.cleanup, fs.Stop)
	return os.Setenv(localstack.FirestoreHostEnv, fs.Host)
}

// tearDown undoes setUp, last step first.
func (env *environment) tearDown() {
	for i := len(env.cleanup) - 1; i >= 0; i-- {
		env.cleanup[i]()
	}
	os.Unsetenv(localstack.FirestoreHostEnv)
}
