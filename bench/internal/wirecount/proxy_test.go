package wirecount

import (
	"context"
	"errors"
	"io"
	"net"
	"testing"

	"cloud.google.com/go/firestore/apiv1/firestorepb"
	"google.golang.org/genproto/googleapis/rpc/status"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	grpcstatus "google.golang.org/grpc/status"
)

// fakeFirestore accepts Commits unless the first write deletes "refuse", answers BatchWrite
// with one status per write (a delete of "refuse" fails), and streams two RunQuery answers.
type fakeFirestore struct {
	firestorepb.UnimplementedFirestoreServer
}

func (fakeFirestore) Commit(_ context.Context, r *firestorepb.CommitRequest) (
	*firestorepb.CommitResponse, error) {
	if len(r.Writes) > 0 && r.Writes[0].GetDelete() == "refuse" {
		return nil, grpcstatus.Error(codes.Aborted, "contention")
	}
	return &firestorepb.CommitResponse{}, nil
}

func (fakeFirestore) BatchWrite(_ context.Context, r *firestorepb.BatchWriteRequest) (
	*firestorepb.BatchWriteResponse, error) {
	resp := &firestorepb.BatchWriteResponse{}
	for _, w := range r.Writes {
		code := codes.OK
		if w.GetDelete() == "refuse" {
			code = codes.FailedPrecondition
		}
		resp.Status = append(resp.Status, &status.Status{Code: int32(code)})
	}
	return resp, nil
}

func (fakeFirestore) RunQuery(_ *firestorepb.RunQueryRequest,
	s firestorepb.Firestore_RunQueryServer) error {
	for i := 0; i < 2; i++ {
		if err := s.Send(&firestorepb.RunQueryResponse{SkippedResults: int32(i)}); err != nil {
			return err
		}
	}
	return nil
}

func startFake(t *testing.T) string {
	t.Helper()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer()
	firestorepb.RegisterFirestoreServer(srv, fakeFirestore{})
	go func() { _ = srv.Serve(lis) }()
	t.Cleanup(srv.Stop)
	return lis.Addr().String()
}

func update(name string) *firestorepb.Write {
	return &firestorepb.Write{Operation: &firestorepb.Write_Update{
		Update: &firestorepb.Document{Name: name}}}
}

func del(name string) *firestorepb.Write {
	return &firestorepb.Write{Operation: &firestorepb.Write_Delete{Delete: name}}
}

func TestProxyCountsCommittedWrites(t *testing.T) {
	p, err := Start(startFake(t))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Stop()
	conn, err := grpc.NewClient("passthrough:///"+p.Addr,
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	client := firestorepb.NewFirestoreClient(conn)
	ctx := context.Background()

	_, err = client.Commit(ctx, &firestorepb.CommitRequest{Writes: []*firestorepb.Write{
		update("a"), update("b"), update("a")}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.Commit(ctx, &firestorepb.CommitRequest{Writes: []*firestorepb.Write{
		del("refuse"), update("a")}})
	if grpcstatus.Code(err) != codes.Aborted {
		t.Fatalf("refused commit: err = %v, want Aborted through the proxy", err)
	}
	_, err = client.BatchWrite(ctx, &firestorepb.BatchWriteRequest{Writes: []*firestorepb.Write{
		update("c"), del("refuse"), del("d")}})
	if err != nil {
		t.Fatal(err)
	}
	checkStream(t, client)

	docs, calls := p.Writes()
	got := map[string]int{}
	for _, d := range docs {
		got[d.Name] = d.Writes
	}
	want := map[string]int{"a": 2, "b": 1, "c": 1, "d": 1}
	if calls != 2 || len(got) != len(want) {
		t.Fatalf("Writes() = %v over %d calls, want %v over 2", got, calls, want)
	}
	for k, n := range want {
		if got[k] != n {
			t.Fatalf("Writes() = %v, want %v", got, want)
		}
	}
	if errs := p.Errors(); len(errs) != 0 {
		t.Fatalf("Errors() = %v", errs)
	}
	p.Reset()
	if docs, calls := p.Writes(); len(docs) != 0 || calls != 0 {
		t.Fatalf("after Reset: %v, %d", docs, calls)
	}
}

// checkStream checks that a server stream passes through whole and counts nothing.
func checkStream(t *testing.T, client firestorepb.FirestoreClient) {
	t.Helper()
	s, err := client.RunQuery(context.Background(), &firestorepb.RunQueryRequest{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for {
		_, err := s.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 2 {
		t.Fatalf("RunQuery through the proxy gave %d answers, want 2", n)
	}
}
