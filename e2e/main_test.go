package e2e

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/tipoff-nba/tipoff/services/localstack"
)

// skipReason is set when the environment cannot run the suite; every test skips with it.
var skipReason string

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	switch {
	case os.Getenv("TIPOFF_BIN") == "":
		skipReason = "TIPOFF_BIN is not set: run `make e2e`, which builds the workers first"
	case os.Getenv("TIPOFF_NBA_DATA") == "":
		skipReason = "TIPOFF_NBA_DATA is not set: point it at the NBA data directory"
	}
	if skipReason != "" {
		return m.Run()
	}
	// One Firestore emulator serves the whole suite; each test uses its own project id.
	fs, err := localstack.StartFirestore(context.Background(), nil)
	if err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %v\n", err)
		return 1
	}
	defer fs.Stop()
	os.Setenv(localstack.FirestoreHostEnv, fs.Host)
	return m.Run()
}
