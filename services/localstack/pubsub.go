package localstack

import (
	"cloud.google.com/go/pubsub/v2/pstest"
)

// PubSub is Google's in-process Pub/Sub fake, served on a loopback port so worker
// processes can reach it through PUBSUB_EMULATOR_HOST. It honours pull delivery, filters
// and ack deadlines, not push configs or retry policies.
type PubSub struct {
	// Host is the fake's host:port.
	Host string
	// Server is the fake itself, for tests that inspect or steer delivery.
	Server *pstest.Server
}

// StartPubSub serves a new fake on a free loopback port.
func StartPubSub() (*PubSub, error) {
	srv := pstest.NewServerWithAddress("127.0.0.1:0")
	return &PubSub{Host: srv.Addr, Server: srv}, nil
}

// Stop shuts the fake down.
func (p *PubSub) Stop() {
	if p != nil && p.Server != nil {
		_ = p.Server.Close()
	}
}
