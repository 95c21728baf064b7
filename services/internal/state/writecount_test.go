package state

import (
	"context"
	"net"
	"testing"

	"cloud.google.com/go/firestore"
	"cloud.google.com/go/firestore/apiv1/firestorepb"
	rpcstatus "google.golang.org/genproto/googleapis/rpc/status"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"
)

func TestWriteCounterCountsOnlyAcceptedWrites(t *testing.T) {
	var c WriteCounter
	ok := func(context.Context, string, any, any, *grpc.ClientConn, ...grpc.CallOption) error {
		return nil
	}
	aborted := func(context.Context, string, any, any, *grpc.ClientConn, ...grpc.CallOption) error {
		return status.Error(codes.Aborted, "contention")
	}
	three := &firestorepb.CommitRequest{Writes: make([]*firestorepb.Write, 3)}
	ctx := context.Background()

	if err := c.intercept(ctx, commitMethod, three, nil, nil, ok); err != nil {
		t.Fatal(err)
	}
	if err := c.intercept(ctx, commitMethod, three, nil, nil, aborted); status.Code(err) !=
		codes.Aborted {
		t.Fatalf("an aborted commit must return its error, got %v", err)
	}
	if err := c.intercept(ctx, "/google.firestore.v1.Firestore/GetDocument", three, nil, nil,
		ok); err != nil {
		t.Fatal(err)
	}
	batch := &firestorepb.BatchWriteResponse{Status: []*rpcstatus.Status{
		{Code: int32(codes.OK)}, {Code: int32(codes.FailedPrecondition)}, {Code: int32(codes.OK)}}}
	if err := c.intercept(ctx, batchWriteMethod, nil, batch, nil, ok); err != nil {
		t.Fatal(err)
	}
	if got := c.Total(); got != 5 {
		t.Fatalf("Total = %d, want 3 (commit) + 2 (batch)", got)
	}
}

// commitRecorder is a Firestore server that accepts every Commit and checks the emulator's
// admin token.
type commitRecorder struct {
	firestorepb.UnimplementedFirestoreServer
	unauthorized bool
}

func (r *commitRecorder) Commit(ctx context.Context, req *firestorepb.CommitRequest) (
	*firestorepb.CommitResponse, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	if got := md.Get("authorization"); len(got) != 1 || got[0] != "Bearer owner" {
		r.unauthorized = true
		return nil, status.Error(codes.Unauthenticated, "no owner token")
	}
	resp := &firestorepb.CommitResponse{CommitTime: timestamppb.Now()}
	for range req.Writes {
		resp.WriteResults = append(resp.WriteResults,
			&firestorepb.WriteResult{UpdateTime: timestamppb.Now()})
	}
	return resp, nil
}

func TestWriteCounterOnTheEmulatorPath(t *testing.T) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer()
	rec := &commitRecorder{}
	firestorepb.RegisterFirestoreServer(srv, rec)
	go func() { _ = srv.Serve(lis) }()
	defer srv.Stop()
	t.Setenv(emulatorHostEnv, lis.Addr().String())

	var c WriteCounter
	opt, err := c.DialOption()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	client, err := firestore.NewClient(ctx, "write-count", opt)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	for _, path := range []string{"dates/2026-02-03", "dates/2026-02-03/events/e1"} {
		if _, err := client.Doc(path).Set(ctx, map[string]any{"n": 1}); err != nil {
			t.Fatalf("set %s through the counted connection: %v", path, err)
		}
	}
	if rec.unauthorized {
		t.Fatal("the counted connection did not send the emulator's owner token")
	}
	if got := c.Total(); got != 2 {
		t.Fatalf("Total = %d after 2 writes, want 2", got)
	}
}

func TestWriteCounterDialOptionWithoutEmulator(t *testing.T) {
	t.Setenv(emulatorHostEnv, "")
	var c WriteCounter
	if opt, err := c.DialOption(); err != nil || opt == nil {
		t.Fatalf("DialOption() = %v, %v", opt, err)
	}
}
