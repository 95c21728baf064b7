package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"cloud.google.com/go/firestore"
	"cloud.google.com/go/pubsub/v2"
	"cloud.google.com/go/pubsub/v2/apiv1/pubsubpb"

	"github.com/tipoff-nba/tipoff/services/internal/bus"
	"github.com/tipoff-nba/tipoff/services/internal/state"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

// The integration tests run the commands against the official Firestore emulator and
// the in-process Pub/Sub fake. Both are started once, on the first test that needs them,
// and every test works in a project of its own.
var (
	emulatorsOnce sync.Once
	emulatorsErr  error
	firestoreEmu  *localstack.Firestore
	pubsubFake    *localstack.PubSub
	projectSeq    atomic.Int64
)

// testTimeout bounds every command and every receive of a test.
const testTimeout = 30 * time.Second

func TestMain(m *testing.M) {
	code := m.Run()
	firestoreEmu.Stop()
	pubsubFake.Stop()
	os.Exit(code)
}

func startEmulators() {
	if _, err := localstack.FindFirestoreJar(); err != nil {
		emulatorsErr = err
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), localstack.FirestoreStartTimeout)
	defer cancel()
	if firestoreEmu, emulatorsErr = localstack.StartFirestore(ctx, nil); emulatorsErr != nil {
		return
	}
	pubsubFake, emulatorsErr = localstack.StartPubSub()
}

// testEnv is one test's project on the emulators, with clients to seed and inspect it.
type testEnv struct {
	t       *testing.T
	project string
	fs      *firestore.Client
	ps      *pubsub.Client
	store   *state.Store
}

// newTestEnv points the emulator variables at the emulators, opens a fresh project and
// creates its topics and subscriptions. It skips the test, saying why, when the Firestore
// emulator is not installed.
func newTestEnv(t *testing.T) *testEnv {
	t.Helper()
	emulatorsOnce.Do(startEmulators)
	if emulatorsErr != nil {
		t.Skipf("integration test skipped: %v", emulatorsErr)
	}
	t.Setenv(localstack.FirestoreHostEnv, firestoreEmu.Host)
	t.Setenv(localstack.PubSubHostEnv, pubsubFake.Host)
	e := &testEnv{t: t, project: fmt.Sprintf("tipoff-cli-%d", projectSeq.Add(1))}
	ctx := e.ctx()
	var err error
	if e.fs, err = firestore.NewClient(ctx, e.project); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.fs.Close() })
	if e.ps, err = pubsub.NewClient(ctx, e.project); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.ps.Close() })
	e.store = state.NewStore(e.fs, defaultGraph().Leaves())
	if err := bus.EnsureTopology(ctx, e.ps, defaultGraph(), bus.TopologyConfig{}); err != nil {
		t.Fatal(err)
	}
	return e
}

func (e *testEnv) ctx() context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
	e.t.Cleanup(cancel)
	return ctx
}

// cliResult is what one command printed and its exit code.
type cliResult struct {
	out, errs string
	code      int
}

// run runs a command on the test's project the way main does, and returns its output.
func (e *testEnv) run(name string, cmd operatorCommand, args ...string) cliResult {
	e.t.Helper()
	var out, errs bytes.Buffer
	con := console{out: &out, errs: &errs}
	args = append(args, "--project", e.project, "--timeout", "20s")
	code := exitCode(con, name, cmd(e.ctx(), con, args))
	return cliResult{out: out.String(), errs: errs.String(), code: code}
}

// mustRun runs a command that must exit 0.
func (e *testEnv) mustRun(name string, cmd operatorCommand, args ...string) cliResult {
	e.t.Helper()
	r := e.run(name, cmd, args...)
	if r.code != exitOK {
		e.t.Fatalf("tipoff %s %v: exit %d\nstdout:\n%s\nstderr:\n%s", name, args, r.code,
			r.out, r.errs)
	}
	return r
}

// subscribe creates a test subscription on topic, so a test sees what a command
// publishes there from now on.
func (e *testEnv) subscribe(topic string) string {
	e.t.Helper()
	id := fmt.Sprintf("test-%d", projectSeq.Add(1))
	_, err := e.ps.SubscriptionAdminClient.CreateSubscription(e.ctx(), &pubsubpb.Subscription{
		Name:  fmt.Sprintf("projects/%s/subscriptions/%s", e.project, id),
		Topic: fmt.Sprintf("projects/%s/topics/%s", e.project, topic),
	})
	if err != nil {
		e.t.Fatalf("create subscription on %s: %v", topic, err)
	}
	return id
}

// receive acks messages on subscription until it has n of them or within has passed.
func (e *testEnv) receive(subscription string, n int, within time.Duration) []*pubsub.Message {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), within)
	defer cancel()
	var mu sync.Mutex
	var got []*pubsub.Message
	err := e.ps.Subscriber(subscription).Receive(ctx, func(_ context.Context, m *pubsub.Message) {
		m.Ack()
		mu.Lock()
		defer mu.Unlock()
		got = append(got, m)
		if len(got) >= n {
			cancel()
		}
	})
	if err != nil {
		e.t.Fatalf("receive on %s: %v", subscription, err)
	}
	mu.Lock()
	defer mu.Unlock()
	return got
}
