package choreo_test

import (
	"context"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"cloud.google.com/go/firestore"
	"google.golang.org/api/option"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/bus"
	"github.com/tipoff-nba/tipoff/services/internal/choreo"
	"github.com/tipoff-nba/tipoff/services/internal/logging"
	"github.com/tipoff-nba/tipoff/services/internal/pipeline"
	"github.com/tipoff-nba/tipoff/services/internal/state"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

// TestClaimStampsLeaseAfterContention: a claim that waits behind contention (here two
// aborted attempts, each costing 90 s of the worker's clock) still writes a lease that
// is live when the run starts. A lease stamped from the time read before the wait would
// have expired already, and the next delivery would take the run over.
func TestClaimStampsLeaseAfterContention(t *testing.T) {
	ctx := context.Background()
	emulator := startEmulator(t)
	clock := &stepClock{now: time.Now().UTC()}
	contention := &abortFirst{left: 2, clock: clock, cost: 90 * time.Second}
	fs := emulatorClient(t, emulator.Host, "claim-clock", contention.unary)
	observer := emulatorClient(t, emulator.Host, "claim-clock", nil)

	ps, err := localstack.StartPubSub()
	must(t, err)
	t.Cleanup(ps.Stop)
	client, err := localstack.PubSubClient(ctx, ps.Host, "claim-clock")
	must(t, err)
	t.Cleanup(func() { client.Close() })
	graph, err := pipeline.New(pipeline.Default)
	must(t, err)
	must(t, bus.EnsureTopology(ctx, client, graph, bus.TopologyConfig{}))

	var lease *state.Lease
	var runAt time.Time
	hooks := choreo.Hooks{Run: func(ctx context.Context, r choreo.Run) (choreo.Result, error) {
		procs, err := state.NewStore(observer, graph.Leaves()).Processors(ctx, r.GameDate)
		if err != nil {
			return choreo.Result{}, err
		}
		lease, runAt = procs[events.RawBoxScores].Lease, clock.Now()
		digest, err := choreo.Digest(r.GameDate)
		return choreo.Result{Rows: map[string]int{"gamebook_player_stats": 1}, Games: 1,
			InputDigest: digest}, err
	}}
	cfg := choreo.Config{Project: "claim-clock", Instance: "clock-test", LeaseTTL: 60 * time.Second,
		MaxRunTime: 30 * time.Second, MaxOutstanding: 1, MaxRunAttempts: 5, MaxGateFailures: 3,
		GateBackoff: time.Second, Now: clock.Now}
	worker, err := choreo.NewWorker(events.RawBoxScores, graph, hooks, cfg,
		state.NewStore(fs, graph.Leaves()), client, logging.To(io.Discard, "test", "test"))
	must(t, err)

	e, err := events.NewLoadRequest("test", events.LoadRequest{GameDate: "2026-02-02",
		RequestID: "r1", Reason: "initial"}, time.Now())
	must(t, err)
	msg, err := bus.Encode(ctx, e)
	must(t, err)
	if !worker.Handle(ctx, bus.SubscriptionID(events.RawBoxScores, events.LoadRequested), msg) {
		t.Fatal("the load request was not acked")
	}
	if contention.left != 0 {
		t.Fatalf("%d injected aborts left: the claim never waited", contention.left)
	}
	if lease == nil {
		t.Fatal("the run saw no lease on its processor document")
	}
	if !lease.ExpiresAt.After(runAt) {
		t.Errorf("lease expires at %s, before the run started at %s: the claim stamped it "+
			"from a time read before the contention", lease.ExpiresAt, runAt)
	}
}

// stepClock is a worker clock that only moves when told.
type stepClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *stepClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *stepClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// abortFirst refuses the first transactions with ABORTED, as contention does, and moves
// the clock by what each lost attempt cost.
type abortFirst struct {
	mu    sync.Mutex
	left  int
	clock *stepClock
	cost  time.Duration
}

func (a *abortFirst) unary(ctx context.Context, method string, req, reply any,
	cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	if strings.HasSuffix(method, "/BeginTransaction") {
		a.mu.Lock()
		abort := a.left > 0
		if abort {
			a.left--
			a.clock.advance(a.cost)
		}
		a.mu.Unlock()
		if abort {
			return status.Error(codes.Aborted, "test: contention")
		}
	}
	return invoker(ctx, method, req, reply, cc, opts...)
}

var (
	emulatorOnce sync.Once
	emulator     *localstack.Firestore
	emulatorErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	emulator.Stop()
	os.Exit(code)
}

// startEmulator starts the Firestore emulator once for the package, or skips the test,
// saying why, when it is not installed.
func startEmulator(t *testing.T) *localstack.Firestore {
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
	return emulator
}

// emulatorClient connects to the emulator through interceptor (nil for none).
func emulatorClient(t *testing.T, host, project string,
	interceptor grpc.UnaryClientInterceptor) *firestore.Client {
	t.Helper()
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithPerRPCCredentials(ownerToken{})}
	if interceptor != nil {
		opts = append(opts, grpc.WithUnaryInterceptor(interceptor))
	}
	conn, err := grpc.NewClient(host, opts...)
	must(t, err)
	client, err := firestore.NewClient(context.Background(), project, option.WithGRPCConn(conn))
	must(t, err)
	t.Cleanup(func() { client.Close() })
	return client
}

// ownerToken is the credential the Firestore emulator expects: it grants every rule.
type ownerToken struct{}

func (ownerToken) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer owner"}, nil
}

func (ownerToken) RequireTransportSecurity() bool { return false }

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
