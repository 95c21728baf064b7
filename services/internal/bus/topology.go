package bus

import (
	"context"
	"fmt"
	"strings"
	"time"

	"cloud.google.com/go/pubsub/v2"
	"cloud.google.com/go/pubsub/v2/apiv1/pubsubpb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/pipeline"
)

// DeadLetterTopic receives every message a worker could not use, with the reason in the
// "tipoff-reason" attribute. DeadLetterAudit is its subscription, so nothing sent there is
// dropped for want of a reader.
const (
	DeadLetterTopic = "tipoff.dead-letters"
	DeadLetterAudit = "tipoff.dead-letters.audit"
)

// DefaultAckDeadline is the subscriptions' ack deadline. The client extends it while a
// handler runs, up to the worker's configured maximum.
const DefaultAckDeadline = 60 * time.Second

// SubscriptionID is the subscription through which processor p receives events of type t:
// each worker has its own subscription to each topic it needs.
func SubscriptionID(p events.Processor, t events.Type) string {
	return strings.ReplaceAll(string(p), "_", "-") + "--" + t.Topic()
}

// Topics returns every topic of the contract.
func Topics() []string {
	out := []string{events.LoadRequested.Topic()}
	for _, p := range events.Processors {
		t, _ := events.CompletionType(p)
		out = append(out, t.Topic())
	}
	return append(out, DeadLetterTopic)
}

// EnsureTopology creates every topic and every subscription the graph implies, leaving
// existing ones as they are.
func EnsureTopology(ctx context.Context, client *pubsub.Client, g *pipeline.Graph) error {
	project := client.Project()
	for _, topic := range Topics() {
		_, err := client.TopicAdminClient.CreateTopic(ctx, &pubsubpb.Topic{
			Name: topicName(project, topic)})
		if err != nil && status.Code(err) != codes.AlreadyExists {
			return fmt.Errorf("bus: create topic %s: %w", topic, err)
		}
	}
	subs := map[string]string{DeadLetterAudit: DeadLetterTopic}
	for _, p := range g.Processors() {
		for _, t := range g.Triggers(p) {
			subs[SubscriptionID(p, t)] = t.Topic()
		}
	}
	for sub, topic := range subs {
		_, err := client.SubscriptionAdminClient.CreateSubscription(ctx, &pubsubpb.Subscription{
			Name:               fmt.Sprintf("projects/%s/subscriptions/%s", project, sub),
			Topic:              topicName(project, topic),
			AckDeadlineSeconds: int32(DefaultAckDeadline / time.Second),
			RetryPolicy: &pubsubpb.RetryPolicy{
				MinimumBackoff: durationpb.New(time.Second),
				MaximumBackoff: durationpb.New(time.Minute),
			},
		})
		if err != nil && status.Code(err) != codes.AlreadyExists {
			return fmt.Errorf("bus: create subscription %s: %w", sub, err)
		}
	}
	return nil
}

func topicName(project, topic string) string {
	return fmt.Sprintf("projects/%s/topics/%s", project, topic)
}
