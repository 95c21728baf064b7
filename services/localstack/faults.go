package localstack

import (
	"context"
	"math/rand"
	"strings"
	"sync"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Faults injects failures into a Firestore client's commits, at the gRPC boundary, the
// way contention and a lossy network produce them. The zero value injects nothing.
type Faults struct {
	// AbortCommit is the probability that a transaction is refused with ABORTED, as
	// contention does. It is injected when the transaction begins: the emulator refuses the
	// client's own retry of a transaction aborted at commit ("Transaction is invalid or
	// closed"), which real Firestore accepts, so an abort there would test the emulator.
	AbortCommit float64
	// LoseCommitReply is the probability that a commit lands but the client gets
	// UNAVAILABLE instead of the reply.
	LoseCommitReply float64

	mu      sync.Mutex
	rng     *rand.Rand
	aborted int
	lost    int
}

// NewFaults returns faults drawn from a seeded source, so a schedule replays exactly.
func NewFaults(seed int64, abort, lose float64) *Faults {
	return &Faults{AbortCommit: abort, LoseCommitReply: lose, rng: rand.New(rand.NewSource(seed))}
}

// Counts returns how many commits were aborted and how many replies were lost.
func (f *Faults) Counts() (aborted, lost int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.aborted, f.lost
}

func (f *Faults) roll() (abort, lose bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.rng == nil {
		return false, false
	}
	r := f.rng.Float64()
	switch {
	case r < f.AbortCommit:
		f.aborted++
		return true, false
	case r < f.AbortCommit+f.LoseCommitReply:
		f.lost++
		return false, true
	}
	return false, false
}

// unary is the client interceptor.
func (f *Faults) unary(ctx context.Context, method string, req, reply any,
	cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	if f == nil {
		return invoker(ctx, method, req, reply, cc, opts...)
	}
	switch {
	case strings.HasSuffix(method, "/BeginTransaction"):
		if abort, _ := f.roll(); abort {
			return status.Error(codes.Aborted, "localstack: injected contention abort")
		}
		return invoker(ctx, method, req, reply, cc, opts...)
	case !strings.HasSuffix(method, "/Commit"):
		return invoker(ctx, method, req, reply, cc, opts...)
	}
	_, lose := f.roll()
	err := invoker(ctx, method, req, reply, cc, opts...)
	if err == nil && lose {
		return status.Error(codes.Unavailable, "localstack: injected loss of a landed commit's reply")
	}
	return err
}
