package state

import (
	"context"
	"fmt"
	"math"
	"os"
	"strings"
	"sync/atomic"

	"cloud.google.com/go/firestore/apiv1/firestorepb"
	"google.golang.org/api/option"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
)

// Full gRPC method names of the Firestore calls that write documents.
const (
	commitMethod     = "/google.firestore.v1.Firestore/Commit"
	batchWriteMethod = "/google.firestore.v1.Firestore/BatchWrite"
)

// emulatorHostEnv is how the Firestore client finds the emulator.
const emulatorHostEnv = "FIRESTORE_EMULATOR_HOST"

// WriteCounter counts the document writes a Firestore client commits, so a worker can
// report what its coordination costs (docs/BENCHMARKS.md, target 3). It counts the writes
// of every Commit (transactions, batches, Set, Update, Delete) and every successful write
// of a BatchWrite, once the server has accepted the call. An aborted or failed call counts
// nothing, so a transaction tried three times counts its writes once. The zero value is
// ready to use and safe for concurrent use.
type WriteCounter struct {
	writes atomic.Int64
}

// Total returns the document writes committed so far.
func (c *WriteCounter) Total() int64 { return c.writes.Load() }

// DialOption returns the client option that installs c on a Firestore client:
//
//	client, err := firestore.NewClient(ctx, project, opt)
//
// Against real Firestore it adds a unary interceptor to the client's own connection. When
// FIRESTORE_EMULATOR_HOST is set the client dials the emulator itself and ignores dial
// options, so DialOption dials the emulator the way the client does (plaintext, admin
// bearer token, unbounded message sizes) with the interceptor, and hands the client that
// connection instead. The client's Close closes it.
func (c *WriteCounter) DialOption() (option.ClientOption, error) {
	addr := os.Getenv(emulatorHostEnv)
	if addr == "" {
		return option.WithGRPCDialOption(grpc.WithChainUnaryInterceptor(c.intercept)), nil
	}
	if !strings.Contains(addr, "://") {
		addr = "passthrough:///" + addr
	}
	conn, err := grpc.NewClient(addr,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithPerRPCCredentials(emulatorOwner{}),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(math.MaxInt32),
			grpc.MaxCallSendMsgSize(math.MaxInt32)),
		grpc.WithChainUnaryInterceptor(c.intercept))
	if err != nil {
		return nil, fmt.Errorf("state: dial the Firestore emulator at %s: %w", addr, err)
	}
	return option.WithGRPCConn(conn), nil
}

// intercept counts the writes of a write call that succeeded.
func (c *WriteCounter) intercept(ctx context.Context, method string, req, reply any,
	cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	if err := invoker(ctx, method, req, reply, cc, opts...); err != nil {
		return err
	}
	switch method {
	case commitMethod:
		if r, ok := req.(*firestorepb.CommitRequest); ok {
			c.writes.Add(int64(len(r.GetWrites())))
		}
	case batchWriteMethod:
		if r, ok := reply.(*firestorepb.BatchWriteResponse); ok {
			for _, s := range r.GetStatus() {
				if codes.Code(s.GetCode()) == codes.OK {
					c.writes.Add(1)
				}
			}
		}
	}
	return nil
}

// emulatorOwner sends the bearer token the Firestore emulator takes as an admin, as the
// Firestore client does for the emulator.
type emulatorOwner struct{}

func (emulatorOwner) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer owner"}, nil
}

func (emulatorOwner) RequireTransportSecurity() bool { return false }
