package localstack

import (
	"fmt"
	"net"
	"os"
)

// Emulator endpoint variables, as the Google client libraries read them.
const (
	FirestoreHostEnv = "FIRESTORE_EMULATOR_HOST"
	PubSubHostEnv    = "PUBSUB_EMULATOR_HOST"
)

// Guard returns an error unless both emulator endpoints are set and on loopback, so a
// local run can never reach a real Google Cloud project.
func Guard() error {
	for _, key := range []string{FirestoreHostEnv, PubSubHostEnv} {
		v := os.Getenv(key)
		if v == "" {
			return fmt.Errorf("localstack: %s is not set: refusing to run against a real "+
				"Google Cloud project", key)
		}
		host, _, err := net.SplitHostPort(v)
		if err != nil {
			return fmt.Errorf("localstack: %s=%q: %w", key, v, err)
		}
		if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
			return fmt.Errorf("localstack: %s=%q is not a loopback address", key, v)
		}
	}
	return nil
}
