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
	var out []string
	for _, t := range events.AllTypes() {
		out = append(out, t.Topic())
	}
	return append(out, DeadLetterTopic)
}

// AlertSubscriptionID is the subscription that keeps an alert type's events for people
// and monitoring, so none is dropped for want of a reader.
func AlertSubscriptionID(t events.Type) string { return t.Topic() + ".audit" }

// Dead-letter attempt limits Pub/Sub accepts for a subscription's dead-letter policy.
const (
	MinDeadLetterAttempts = 5
	MaxDeadLetterAttempts = 100
)

// TopologyConfig sets the subscriptions' delivery policies.
type TopologyConfig struct {
	// DeadLetterAttempts is the dead-letter policy's maximum delivery attempts, 5 to 100.
	// 0 sets no policy: the in-process fake's dead-letter handling is broken (it keeps
	// refilling the topic), so local stacks run without one. Tipoff's own breaker and
	// dead-letter records never depend on it.
	DeadLetterAttempts int
	// AckDeadline is the subscriptions' ack deadline; the client extends it while a
	// message is handled. Default DefaultAckDeadline (60s); Pub/Sub accepts 10s to 600s.
	AckDeadline time.Duration
}

// Check refuses a policy Pub/Sub would reject, loudly rather than by falling back.
func (c TopologyConfig) Check() error {
	if c.DeadLetterAttempts != 0 && (c.DeadLetterAttempts < MinDeadLetterAttempts ||
		c.DeadLetterAttempts > MaxDeadLetterAttempts) {
		return fmt.Errorf("bus: dead-letter max delivery attempts %d is outside %d..%d",
			c.DeadLetterAttempts, MinDeadLetterAttempts, MaxDeadLetterAttempts)
	}
	return nil
}

// EnsureTopology creates every topic and every subscription the graph implies, leaving
// existing ones as they are, and checks that the dead-letter topic has a subscription.
// TODO: check the Pub/Sub service agent's publisher grant on the dead-letter topic
// (GetIamPolicy) before relying on a dead-letter policy in a real project; the emulators
// have no IAM, so the check cannot be tested here.
func EnsureTopology(ctx context.Context, client *pubsub.Client, g *pipeline.Graph,
	cfg TopologyConfig) error {
	if err := cfg.Check(); err != nil {
		return err
	}
	project := client.Project()
	for _, topic := range Topics() {
		_, err := client.TopicAdminClient.CreateTopic(ctx, &pubsubpb.Topic{
			Name: topicName(project, topic)})
		if err != nil && status.Code(err) != codes.AlreadyExists {
			return fmt.Errorf("bus: create topic %s: %w", topic, err)
		}
	}
	for _, sub := range Subscriptions(project, g, cfg) {
		_, err := client.SubscriptionAdminClient.CreateSubscription(ctx, sub)
		if err != nil && status.Code(err) != codes.AlreadyExists {
			return fmt.Errorf("bus: create subscription %s: %w", sub.Name, err)
		}
	}
	return checkDeadLetterReader(ctx, client)
}

// Subscriptions returns the subscriptions the graph implies: one per worker and trigger,
// with the dead-letter policy of cfg, and one audit subscription per alert topic and for
// the dead-letter topic.
func Subscriptions(project string, g *pipeline.Graph, cfg TopologyConfig) []*pubsubpb.Subscription {
	var out []*pubsubpb.Subscription
	for _, p := range g.Processors() {
		for _, t := range g.Triggers(p) {
			sub := subscription(project, SubscriptionID(p, t), t.Topic())
			if cfg.AckDeadline > 0 {
				sub.AckDeadlineSeconds = int32(max(1, cfg.AckDeadline/time.Second))
			}
			if cfg.DeadLetterAttempts > 0 {
				sub.DeadLetterPolicy = &pubsubpb.DeadLetterPolicy{
					DeadLetterTopic:     topicName(project, DeadLetterTopic),
					MaxDeliveryAttempts: int32(cfg.DeadLetterAttempts),
				}
			}
			out = append(out, sub)
		}
	}
	for _, t := range []events.Type{events.QualityFinding, events.ProcessorBlocked} {
		out = append(out, subscription(project, AlertSubscriptionID(t), t.Topic()))
	}
	return append(out, subscription(project, DeadLetterAudit, DeadLetterTopic))
}

func subscription(project, id, topic string) *pubsubpb.Subscription {
	return &pubsubpb.Subscription{
		Name:               fmt.Sprintf("projects/%s/subscriptions/%s", project, id),
		Topic:              topicName(project, topic),
		AckDeadlineSeconds: int32(DefaultAckDeadline / time.Second),
		RetryPolicy: &pubsubpb.RetryPolicy{
			MinimumBackoff: durationpb.New(time.Second),
			MaximumBackoff: durationpb.New(time.Minute),
		},
	}
}

// checkDeadLetterReader fails when nothing reads the dead-letter topic: Pub/Sub drops what
// a topic without subscriptions receives.
func checkDeadLetterReader(ctx context.Context, client *pubsub.Client) error {
	it := client.TopicAdminClient.ListTopicSubscriptions(ctx, &pubsubpb.ListTopicSubscriptionsRequest{
		Topic: topicName(client.Project(), DeadLetterTopic)})
	if _, err := it.Next(); err != nil {
		return fmt.Errorf("bus: dead-letter topic %s has no subscription: %w", DeadLetterTopic, err)
	}
	return nil
}

func topicName(project, topic string) string {
	return fmt.Sprintf("projects/%s/topics/%s", project, topic)
}
