package state_test

import (
	"context"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

// The read methods of the store are tested on the official Firestore emulator, started
// once on the first test that needs it; most tests of the package never do.
var (
	emulatorOnce sync.Once
	emulator     *localstack.Firestore
	emulatorErr  error
	projectSeq   atomic.Int64
)

func TestMain(m *testing.M) {
	code := m.Run()
	emulator.Stop()
	os.Exit(code)
}

// emulatorStore returns a store on a project of its own on the emulator, so tests never
// see each other's documents. It skips the test, saying why, when the emulator is not
// installed.
func emulatorStore(t *testing.T) *state.Store {
	t.Helper()
	return emulatorStoreWithLeaves(t, events.Processors)
}

// emulatorStoreWithLeaves is emulatorStore with the graph's leaves given.
func emulatorStoreWithLeaves(t *testing.T, leaves []events.Processor) *state.Store {
	t.Helper()
	emulatorOnce.Do(func() {
		if _, err := localstack.FindFirestoreJar(); err != nil {
			emulatorErr = err
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), localstack.FirestoreStartTimeout)
		defer cancel()
		emulator, emulatorErr = localstack.StartFirestore(ctx, nil)
	})
	if emulatorErr != nil {
		t.Skipf("Firestore emulator tests skipped: %v", emulatorErr)
	}
	t.Setenv(localstack.FirestoreHostEnv, emulator.Host)
	project := fmt.Sprintf("state-query-%d", projectSeq.Add(1))
	client, err := firestore.NewClient(context.Background(), project)
	if err != nil {
		t.Fatalf("firestore client: %v", err)
	}
	t.Cleanup(func() { client.Close() })
	return state.NewStore(client, leaves)
}

// testContext bounds a test's calls to the emulator.
func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}
