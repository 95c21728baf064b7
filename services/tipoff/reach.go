package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"time"

	"github.com/tipoff-nba/tipoff/services/localstack"
)

// emulatorDialTimeout bounds the check that an emulator endpoint accepts connections. The
// emulators run on loopback, where a live one answers in well under a millisecond.
const emulatorDialTimeout = 2 * time.Second

// checkEmulatorsReachable dials every emulator endpoint the command uses whose variable
// is set, and fails fast when one does not answer. Without it a stale export line (the
// served stack was stopped) leaves the Google clients retrying until --timeout, a minute
// by default, and then they report only "context deadline exceeded". Unset variables are
// not checked: the command then talks to Google Cloud (--allow-cloud), not an emulator.
func checkEmulatorsReachable(ctx context.Context, withPubSub bool) error {
	endpoints := []struct{ name, env string }{{"Firestore", localstack.FirestoreHostEnv}}
	if withPubSub {
		endpoints = append(endpoints, struct{ name, env string }{"Pub/Sub",
			localstack.PubSubHostEnv})
	}
	for _, e := range endpoints {
		host := os.Getenv(e.env)
		if host == "" {
			continue
		}
		d := net.Dialer{Timeout: emulatorDialTimeout}
		conn, err := d.DialContext(ctx, "tcp", host)
		if err != nil {
			return fmt.Errorf("cannot reach the %s emulator at %s (%s); is `tipoff run "+
				"--serve` still running? (%w)", e.name, host, e.env, err)
		}
		_ = conn.Close()
	}
	return nil
}
