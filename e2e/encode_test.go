package e2e

import (
	"context"
	"testing"

	"cloud.google.com/go/pubsub/v2"
	cepubsub "github.com/cloudevents/sdk-go/protocol/pubsub/v2"
	"github.com/cloudevents/sdk-go/v2/binding"
	cloudevents "github.com/cloudevents/sdk-go/v2/event"
)

// encode writes e as a binary-mode Pub/Sub message with the SDK's own binding, so a test
// can then break one attribute.
func encode(t *testing.T, e cloudevents.Event) *pubsub.Message {
	t.Helper()
	msg := &pubsub.Message{Attributes: map[string]string{}}
	must(t, cepubsub.WritePubSubMessage(context.Background(), binding.ToMessage(&e), msg))
	return msg
}
