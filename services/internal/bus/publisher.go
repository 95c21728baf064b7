package bus

import (
	"context"
	"fmt"
	"sync"

	"cloud.google.com/go/pubsub/v2"
	cloudevents "github.com/cloudevents/sdk-go/v2/event"

	"github.com/tipoff-nba/tipoff/events"
)

// Publisher publishes events to their type's topic and waits for the server's ack.
// Batching is off: an event is sent as soon as it is published, because one hop of the
// choreography is on the critical path of every date.
type Publisher struct {
	client *pubsub.Client
	mu     sync.Mutex
	topics map[string]*pubsub.Publisher
}

// NewPublisher returns a publisher on client.
func NewPublisher(client *pubsub.Client) *Publisher {
	return &Publisher{client: client, topics: map[string]*pubsub.Publisher{}}
}

func (p *Publisher) topic(name string) *pubsub.Publisher {
	p.mu.Lock()
	defer p.mu.Unlock()
	t, ok := p.topics[name]
	if !ok {
		t = p.client.Publisher(name)
		t.PublishSettings.DelayThreshold = 0
		t.PublishSettings.CountThreshold = 1
		p.topics[name] = t
	}
	return t
}

// Publish sends e to the topic of its type and returns the server's message id once the
// server has stored it.
func (p *Publisher) Publish(ctx context.Context, e cloudevents.Event) (string, error) {
	msg, err := Encode(ctx, e)
	if err != nil {
		return "", err
	}
	return p.PublishMessage(ctx, events.Type(e.Type()).Topic(), msg)
}

// PublishMessage sends an already encoded message to topic.
func (p *Publisher) PublishMessage(ctx context.Context, topic string, msg *pubsub.Message) (
	string, error) {
	id, err := p.topic(topic).Publish(ctx, msg).Get(ctx)
	if err != nil {
		return "", fmt.Errorf("bus: publish to %s: %w", topic, err)
	}
	return id, nil
}

// Stop flushes and stops every topic publisher.
func (p *Publisher) Stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, t := range p.topics {
		t.Stop()
	}
}
