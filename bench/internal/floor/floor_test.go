package floor

import (
	"context"
	"testing"
	"time"

	"cloud.google.com/go/pubsub/v2"
	"cloud.google.com/go/pubsub/v2/pstest"
	"google.golang.org/api/option"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func TestDirectCallIsCheap(t *testing.T) {
	if d := DirectCall(1_000_000); d <= 0 || d > time.Microsecond {
		t.Fatalf("DirectCall = %v, want a few nanoseconds", d)
	}
}

func TestPubSubRoundTrips(t *testing.T) {
	srv := pstest.NewServer()
	defer srv.Close()
	conn, err := grpc.NewClient(srv.Addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	client, err := pubsub.NewClient(ctx, "floor-test", option.WithGRPCConn(conn))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	for _, s := range []ClientSettings{PipelineSettings, DefaultSettings} {
		got, err := PubSub(ctx, client, "floor-"+s.String(), 5, s)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 5 {
			t.Fatalf("%s: %d samples, want 5", s, len(got))
		}
	}
}
