package bus

import (
	"context"
	"strings"
	"testing"

	"cloud.google.com/go/pubsub/v2"
	"cloud.google.com/go/pubsub/v2/apiv1/pubsubpb"
	"cloud.google.com/go/pubsub/v2/pstest"
	"google.golang.org/api/option"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/pipeline"
)

func fakeClient(t *testing.T) *pubsub.Client {
	t.Helper()
	srv := pstest.NewServer()
	t.Cleanup(func() { srv.Close() })
	conn, err := grpc.NewClient(srv.Addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	client, err := pubsub.NewClient(context.Background(), "p", option.WithGRPCConn(conn))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close() })
	return client
}

// TestDeadLetterAttemptsRange: Pub/Sub accepts 5..100 attempts; anything else must fail
// at setup, loudly, not fall back to no policy (field case C04).
func TestDeadLetterAttemptsRange(t *testing.T) {
	g, _ := pipeline.New(pipeline.Default)
	client := fakeClient(t)
	for _, n := range []int{3, 4, 101} {
		err := EnsureTopology(context.Background(), client, g, TopologyConfig{DeadLetterAttempts: n})
		if err == nil || !strings.Contains(err.Error(), "5..100") {
			t.Errorf("%d attempts: err = %v, want a refusal naming 5..100", n, err)
		}
	}
}

func TestTopologyOnFake(t *testing.T) {
	g, _ := pipeline.New(pipeline.Default)
	client := fakeClient(t)
	ctx := context.Background()
	cfg := TopologyConfig{DeadLetterAttempts: 5}
	for i := 0; i < 2; i++ { // a second run finds everything in place
		if err := EnsureTopology(ctx, client, g, cfg); err != nil {
			t.Fatal(err)
		}
	}
	sub, err := client.SubscriptionAdminClient.GetSubscription(ctx, &pubsubpb.GetSubscriptionRequest{
		Subscription: "projects/p/subscriptions/" + SubscriptionID(events.PlayerGameSummary,
			events.TeamDefenseCompleted)})
	if err != nil {
		t.Fatal(err)
	}
	if p := sub.GetDeadLetterPolicy(); p.GetMaxDeliveryAttempts() != 5 ||
		!strings.HasSuffix(p.GetDeadLetterTopic(), "/topics/"+DeadLetterTopic) {
		t.Errorf("dead-letter policy = %v", p)
	}
	for _, want := range []string{AlertSubscriptionID(events.ProcessorBlocked),
		AlertSubscriptionID(events.QualityFinding), DeadLetterAudit} {
		if _, err := client.SubscriptionAdminClient.GetSubscription(ctx,
			&pubsubpb.GetSubscriptionRequest{Subscription: "projects/p/subscriptions/" + want}); err != nil {
			t.Errorf("subscription %s: %v", want, err)
		}
	}
}

// TestDeadLetterTopicWithoutReader: a dead-letter topic nobody reads drops messages, so
// setup must fail.
func TestDeadLetterTopicWithoutReader(t *testing.T) {
	client := fakeClient(t)
	ctx := context.Background()
	if _, err := client.TopicAdminClient.CreateTopic(ctx, &pubsubpb.Topic{
		Name: "projects/p/topics/" + DeadLetterTopic}); err != nil {
		t.Fatal(err)
	}
	if err := checkDeadLetterReader(ctx, client); err == nil {
		t.Fatal("a dead-letter topic without a subscription passed the check")
	}
}
