package choreo_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
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
	clock := &stepClock{now: time.Now().UTC()}
	contention := &slowTransactions{abortsLeft: 2, clock: clock, cost: 90 * time.Second}
	var lease *state.Lease
	var runAt time.Time
	handleLoad(t, clock, contention.unary, func(ctx context.Context, procs processorsOf) error {
		doc, err := procs(ctx)
		lease, runAt = doc.Lease, clock.Now()
		return err
	})
	if contention.abortsLeft != 0 {
		t.Fatalf("%d injected aborts left: the claim never waited", contention.abortsLeft)
	}
	if lease == nil {
		t.Fatal("the run saw no lease on its processor document")
	}
	if !lease.ExpiresAt.After(runAt) {
		t.Errorf("lease expires at %s, before the run started at %s: the claim stamped it "+
			"from a time read before the contention", lease.ExpiresAt, runAt)
	}
}

// TestSlowClaimCommitRenewsAtOnce: a claim whose commit waited 50 s of its 60 s lease
// (behind another transaction's locks) returns with 10 s left. The run renews its lease
// at once instead of a third of the TTL (20 s) later, by which time it would have expired.
func TestSlowClaimCommitRenewsAtOnce(t *testing.T) {
	clock := &stepClock{now: time.Now().UTC()}
	slowCommit := &slowTransactions{slowCommitsLeft: 1, clock: clock, cost: 50 * time.Second}
	handleLoad(t, clock, slowCommit.unary, func(ctx context.Context, procs processorsOf) error {
		wait, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		for {
			doc, err := procs(wait)
			if err != nil {
				return err
			}
			if doc.Lease != nil && doc.Lease.ExpiresAt.Sub(clock.Now()) > 30*time.Second {
				return nil
			}
			select {
			case <-wait.Done():
				t.Errorf("lease %+v still not renewed 5 s into the run, at %s", doc.Lease,
					clock.Now())
				return nil
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
	if slowCommit.slowCommitsLeft != 0 {
		t.Fatal("the claim's commit was never slowed")
	}
}

// processorsOf reads the raw loader's processor document of the test's date.
type processorsOf func(ctx context.Context) (state.ProcessorDoc, error)

// handleLoad hands one load request to a raw loader worker whose Firestore calls go
// through interceptor and whose clock is clock; during the run, inspect is called with a
// reader of the processor document (through a client of its own).
func handleLoad(t *testing.T, clock *stepClock, interceptor grpc.UnaryClientInterceptor,
	inspect func(context.Context, processorsOf) error) {
	t.Helper()
	ctx := context.Background()
	emulator := startEmulator(t)
	project := fmt.Sprintf("claim-clock-%d", projectSeq.Add(1))
	fs := emulatorClient(t, emulator.Host, project, interceptor)
	observer := emulatorClient(t, emulator.Host, project, nil)

	ps, err := localstack.StartPubSub()
	must(t, err)
	t.Cleanup(ps.Stop)
	client, err := localstack.PubSubClient(ctx, ps.Host, project)
	must(t, err)
	t.Cleanup(func() { client.Close() })
	graph, err := pipeline.New(pipeline.Default)
	must(t, err)
	must(t, bus.EnsureTopology(ctx, client, graph, bus.TopologyConfig{}))

	day := "2026-02-02"
	read := func(ctx context.Context) (state.ProcessorDoc, error) {
		procs, err := state.NewStore(observer, graph.Leaves()).Processors(ctx, day)
		return procs[events.RawBoxScores], err
	}
	hooks := choreo.Hooks{Run: func(ctx context.Context, r choreo.Run) (choreo.Result, error) {
		if err := inspect(ctx, read); err != nil {
			return choreo.Result{}, err
		}
		digest, err := choreo.Digest(r.GameDate)
		return choreo.Result{Rows: map[string]int{"gamebook_player_stats": 1}, Games: 1,
			InputDigest: digest}, err
	}}
	cfg := choreo.Config{Project: project, Instance: "clock-test", LeaseTTL: 60 * time.Second,
		MaxRunTime: 30 * time.Second, MaxOutstanding: 1, MaxRunAttempts: 5, MaxGateFailures: 3,
		GateBackoff: time.Second, Now: clock.Now}
	worker, err := choreo.NewWorker(events.RawBoxScores, graph, hooks, cfg,
		state.NewStore(fs, graph.Leaves()), client, logging.To(io.Discard, "test", "test"))
	must(t, err)

	e, err := events.NewLoadRequest("test", events.LoadRequest{GameDate: day,
		RequestID: "r1", Reason: "initial"}, time.Now())
	must(t, err)
	msg, err := bus.Encode(ctx, e)
	must(t, err)
	if !worker.Handle(ctx, bus.SubscriptionID(events.RawBoxScores, events.LoadRequested), msg) {
		t.Fatal("the load request was not acked")
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

// slowTransactions makes the first transactions cost the worker's clock: abortsLeft of
// them are refused with ABORTED when they begin, as contention does, and slowCommitsLeft
// commits land only after the cost, as a commit waiting behind another's locks does.
type slowTransactions struct {
	mu              sync.Mutex
	abortsLeft      int
	slowCommitsLeft int
	clock           *stepClock
	cost            time.Duration
}

func (s *slowTransactions) unary(ctx context.Context, method string, req, reply any,
	cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	switch {
	case strings.HasSuffix(method, "/BeginTransaction") && s.take(&s.abortsLeft):
		return status.Error(codes.Aborted, "test: contention")
	case strings.HasSuffix(method, "/Commit"):
		s.take(&s.slowCommitsLeft)
	}
	return invoker(ctx, method, req, reply, cc, opts...)
}

// take uses up one of *left, moving the clock by the cost; false when none is left.
func (s *slowTransactions) take(left *int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if *left == 0 {
		return false
	}
	*left--
	s.clock.advance(s.cost)
	return true
}

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
