package localstack

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"cloud.google.com/go/firestore"
	"cloud.google.com/go/pubsub/v2"
	"cloud.google.com/go/pubsub/v2/pstest"
	cloudevents "github.com/cloudevents/sdk-go/v2/event"

	"github.com/tipoff-nba/tipoff/services/internal/bus"
	"github.com/tipoff-nba/tipoff/services/internal/pipeline"
	"github.com/tipoff-nba/tipoff/services/internal/state"
	"github.com/tipoff-nba/tipoff/services/internal/warehouse"
)

// StackConfig describes a local pipeline.
type StackConfig struct {
	// Project is the project id the emulators serve. Default "tipoff-local".
	Project string
	// BinDir holds the worker binaries.
	BinDir string
	// DataDir is the NBA data directory the raw loader reads.
	DataDir string
	// Warehouse is the warehouse file path.
	Warehouse string
	// Instances is how many processes of each worker binary to run; a binary that is not
	// in the map runs once, and 0 starts none (a test can start it later).
	Instances map[string]int
	// Env is added to every worker's environment (for example TIPOFF_LEASE_TTL).
	Env []string
	// Logs receives the workers' output. Default os.Stderr.
	Logs io.Writer
	// EmulatorLogs receives the Firestore emulator's output. Default: discarded.
	EmulatorLogs io.Writer
	// AckDeadline is the subscriptions' ack deadline; 0 means bus.DefaultAckDeadline.
	AckDeadline time.Duration
	// DeadLetterAttempts sets the subscriptions' dead-letter policy (5 to 100); 0 sets
	// none, since the in-process Pub/Sub fake mishandles dead-letter policies.
	DeadLetterAttempts int
	// ShortAckDeadlines lets the Pub/Sub fake accept ack deadlines under 10 s, for fault
	// tests that need redelivery to come quickly.
	ShortAckDeadlines bool
}

// Stack is a running local pipeline: emulators, topology and worker processes.
type Stack struct {
	Config    StackConfig
	Firestore *Firestore
	PubSub    *PubSub
	// FirestoreHost and PubSubHost are the endpoints the stack uses: the ones it started,
	// or the ones the environment named. The process environment is never changed, so
	// several stacks can run side by side.
	FirestoreHost, PubSubHost string
	Workers                   []*Process
	// FS and PS are clients of the emulators for the caller's own use.
	FS    *firestore.Client
	PS    *pubsub.Client
	Store *state.Store
	pub   *bus.Publisher
}

// StartStack starts the emulators (unless the endpoint variables already name running
// ones), creates the topics and subscriptions, and starts the workers.
func StartStack(ctx context.Context, cfg StackConfig) (*Stack, error) {
	if cfg.Project == "" {
		cfg.Project = "tipoff-local"
	}
	if cfg.Logs == nil {
		cfg.Logs = os.Stderr
	}
	s := &Stack{Config: cfg}
	if err := s.startEmulators(ctx); err != nil {
		s.Stop()
		return nil, err
	}
	if err := s.connect(ctx); err != nil {
		s.Stop()
		return nil, err
	}
	if err := s.startWorkers(); err != nil {
		s.Stop()
		return nil, err
	}
	return s, nil
}

func (s *Stack) startEmulators(ctx context.Context) error {
	s.FirestoreHost, s.PubSubHost = os.Getenv(FirestoreHostEnv), os.Getenv(PubSubHostEnv)
	if s.FirestoreHost == "" {
		fs, err := StartFirestore(ctx, s.Config.EmulatorLogs)
		if err != nil {
			return err
		}
		s.Firestore, s.FirestoreHost = fs, fs.Host
	}
	if s.PubSubHost == "" {
		ps, err := StartPubSub()
		if err != nil {
			return err
		}
		if s.Config.ShortAckDeadlines {
			// A package-wide setting of the fake; only tests set it.
			pstest.SetMinAckDeadline(time.Second)
		}
		s.PubSub, s.PubSubHost = ps, ps.Host
	}
	if err := checkLoopback(FirestoreHostEnv, s.FirestoreHost); err != nil {
		return err
	}
	return checkLoopback(PubSubHostEnv, s.PubSubHost)
}

func (s *Stack) connect(ctx context.Context) error {
	graph, err := pipeline.New(pipeline.Default)
	if err != nil {
		return err
	}
	if s.FS, err = FirestoreClient(ctx, s.FirestoreHost, s.Config.Project, nil); err != nil {
		return err
	}
	if s.PS, err = PubSubClient(ctx, s.PubSubHost, s.Config.Project); err != nil {
		return err
	}
	s.Store = state.NewStore(s.FS, graph.Leaves())
	s.pub = bus.NewPublisher(s.PS)
	return bus.EnsureTopology(ctx, s.PS, graph, bus.TopologyConfig{
		AckDeadline: s.Config.AckDeadline, DeadLetterAttempts: s.Config.DeadLetterAttempts})
}

// WorkerEnv is the environment every worker of the stack gets.
func (s *Stack) WorkerEnv() []string {
	env := []string{
		FirestoreHostEnv + "=" + s.FirestoreHost,
		PubSubHostEnv + "=" + s.PubSubHost,
		"TIPOFF_PROJECT=" + s.Config.Project,
		"TIPOFF_WAREHOUSE=" + s.Config.Warehouse,
		"TIPOFF_DATA_DIR=" + s.Config.DataDir,
	}
	return append(env, s.Config.Env...)
}

func (s *Stack) startWorkers() error {
	if s.Config.Warehouse != "" {
		// Create the file once before the workers open it together: turning a new file to
		// WAL mode takes a lock that concurrent first opens can trip over.
		wh, err := warehouse.Open(context.Background(), s.Config.Warehouse)
		if err != nil {
			return err
		}
		if err := wh.Close(); err != nil {
			return err
		}
	}
	for _, name := range WorkerBinaries {
		n, ok := s.Config.Instances[name]
		if !ok {
			n = 1
		}
		for i := 0; i < n; i++ {
			if _, err := s.StartWorker(name, i); err != nil {
				return err
			}
		}
	}
	return nil
}

// StartWorker starts one more process of a worker binary; i distinguishes instances.
func (s *Stack) StartWorker(name string, i int) (*Process, error) {
	env := append(s.WorkerEnv(), fmt.Sprintf("TIPOFF_INSTANCE=%s-%d-%d", name, i,
		time.Now().UnixNano()))
	p, err := StartWorker(s.Config.BinDir, name, env, s.Config.Logs)
	if err != nil {
		return nil, err
	}
	s.Workers = append(s.Workers, p)
	return p, nil
}

// Stop stops the workers, closes the clients and stops the emulators it started.
func (s *Stack) Stop() {
	for _, w := range s.Workers {
		w.Stop(5 * time.Second)
	}
	if s.pub != nil {
		s.pub.Stop()
	}
	if s.PS != nil {
		_ = s.PS.Close()
	}
	if s.FS != nil {
		_ = s.FS.Close()
	}
	if s.PubSub != nil {
		s.PubSub.Stop()
	}
	if s.Firestore != nil {
		s.Firestore.Stop()
	}
}

// Publish sends an event to its type's topic, as a worker would.
func (s *Stack) Publish(ctx context.Context, e cloudevents.Event) error {
	_, err := s.pub.Publish(ctx, e)
	return err
}
