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
		if err := checkLoopback(key, os.Getenv(key)); err != nil {
			return err
		}
	}
	return nil
}

// GuardFirestore is Guard for a command that uses Firestore only: the Pub/Sub endpoint
// may be unset, but if it is set it must be on loopback too.
func GuardFirestore() error {
	if ps := os.Getenv(PubSubHostEnv); ps != "" {
		if err := checkLoopback(PubSubHostEnv, ps); err != nil {
			return err
		}
	}
	return checkLoopback(FirestoreHostEnv, os.Getenv(FirestoreHostEnv))
}

// checkLoopback refuses an emulator endpoint that is unset or not on loopback.
func checkLoopback(name, hostPort string) error {
	if hostPort == "" {
		return fmt.Errorf("localstack: %s is not set: refusing to run against a real "+
			"Google Cloud project", name)
	}
	host, _, err := net.SplitHostPort(hostPort)
	if err != nil {
		return fmt.Errorf("localstack: %s=%q: %w", name, hostPort, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("localstack: %s=%q is not a loopback address", name, hostPort)
	}
	return nil
}
