package floor

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"cloud.google.com/go/pubsub/v2"
	"cloud.google.com/go/pubsub/v2/apiv1/pubsubpb"
)

// ClientSettings says how the measuring publisher and subscriber are configured.
type ClientSettings int

const (
	// PipelineSettings are the workers' own: no publish batching (bus.Publisher: delay 0,
	// count 1) and one receive goroutine (choreo.Worker).
	PipelineSettings ClientSettings = iota
	// DefaultSettings are the client library's defaults (publish batching of up to 10 ms).
	DefaultSettings
)

// String names the settings for reports.
func (s ClientSettings) String() string {
	if s == PipelineSettings {
		return "pipeline"
	}
	return "default"
}

// sampleTimeout bounds the wait for one message.
const sampleTimeout = 10 * time.Second

// PubSub publishes n messages one at a time on a fresh topic of client's server and
// returns, per message, the time from the start of Publish to the subscriber's handler
// being called. name makes the topic and subscription ids unique in the project.
func PubSub(ctx context.Context, client *pubsub.Client, name string, n int,
	settings ClientSettings) ([]time.Duration, error) {
	project := client.Project()
	topic := fmt.Sprintf("projects/%s/topics/%s", project, name)
	if _, err := client.TopicAdminClient.CreateTopic(ctx, &pubsubpb.Topic{Name: topic}); err != nil {
		return nil, fmt.Errorf("floor: create topic %s: %w", name, err)
	}
	_, err := client.SubscriptionAdminClient.CreateSubscription(ctx, &pubsubpb.Subscription{
		Name: fmt.Sprintf("projects/%s/subscriptions/%s", project, name), Topic: topic,
		AckDeadlineSeconds: 60})
	if err != nil {
		return nil, fmt.Errorf("floor: create subscription %s: %w", name, err)
	}
	pub := client.Publisher(name)
	defer pub.Stop()
	sub := client.Subscriber(name)
	if settings == PipelineSettings {
		pub.PublishSettings.DelayThreshold = 0
		pub.PublishSettings.CountThreshold = 1
		sub.ReceiveSettings.NumGoroutines = 1
		sub.ReceiveSettings.MaxOutstandingMessages = 16
	}

	recvCtx, stop := context.WithCancel(ctx)
	defer stop()
	arrived := make(chan string, n)
	recvErr := make(chan error, 1)
	go func() {
		recvErr <- sub.Receive(recvCtx, func(_ context.Context, m *pubsub.Message) {
			m.Ack()
			arrived <- m.Attributes["seq"]
		})
	}()
	return roundTrips(ctx, pub, arrived, recvErr, n)
}

// roundTrips publishes message i and waits for it to arrive, n times.
func roundTrips(ctx context.Context, pub *pubsub.Publisher, arrived <-chan string,
	recvErr <-chan error, n int) ([]time.Duration, error) {
	out := make([]time.Duration, 0, n)
	for i := 0; i < n; i++ {
		seq := strconv.Itoa(i)
		start := time.Now()
		if _, err := pub.Publish(ctx, &pubsub.Message{Data: []byte("floor"),
			Attributes: map[string]string{"seq": seq}}).Get(ctx); err != nil {
			return nil, fmt.Errorf("floor: publish: %w", err)
		}
		if err := awaitSeq(arrived, recvErr, seq); err != nil {
			return nil, err
		}
		out = append(out, time.Since(start))
	}
	return out, nil
}

// awaitSeq waits for message seq; an older message delivered again is skipped.
func awaitSeq(arrived <-chan string, recvErr <-chan error, seq string) error {
	timeout := time.After(sampleTimeout)
	for {
		select {
		case got := <-arrived:
			if got == seq {
				return nil
			}
		case err := <-recvErr:
			return fmt.Errorf("floor: receive stopped: %w", err)
		case <-timeout:
			return fmt.Errorf("floor: message %s not received within %s", seq, sampleTimeout)
		}
	}
}
