package e2e

import (
	"bytes"
	"errors"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// configExitCode is what a worker's main returns for a configuration it refuses
// (choreo.Main), the conventional exit code of a usage error.
const configExitCode = 2

// TestC02WorkerRefusesShortLeaseExtension is field case C02's deploy-time check, on the
// real binary: a player worker whose client lease extension (1 s) is below its worst-case
// handling time (3 s lease wait + 2 s run) exits with the configuration error before it
// opens the warehouse or connects to Firestore or Pub/Sub. Both emulator endpoints point
// at a listener of the test, which must see no connection.
func TestC02WorkerRefusesShortLeaseExtension(t *testing.T) {
	if skipReason != "" {
		t.Skip(skipReason)
	}
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	defer listener.Close()
	var connections atomic.Int64
	go func() {
		for {
			conn, err := listener.Accept()
			if err != nil {
				return
			}
			connections.Add(1)
			conn.Close()
		}
	}()
	warehouse := filepath.Join(t.TempDir(), "warehouse.db")
	cmd := exec.Command(filepath.Join(os.Getenv("TIPOFF_BIN"), "player-game-summary"))
	// Only these variables: nothing inherited may point the worker anywhere else.
	cmd.Env = []string{
		"FIRESTORE_EMULATOR_HOST=" + listener.Addr().String(),
		"PUBSUB_EMULATOR_HOST=" + listener.Addr().String(),
		"TIPOFF_PROJECT=c02-refused", "TIPOFF_WAREHOUSE=" + warehouse,
		"TIPOFF_INSTANCE=c02-refused", "TIPOFF_LEASE_TTL=3s", "TIPOFF_MAX_RUN_TIME=2s",
		"TIPOFF_MAX_EXTENSION=1s",
	}
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	must(t, cmd.Start())
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err = <-exited:
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("the worker did not exit within 20 s; output:\n%s", stderr.String())
	}

	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != configExitCode {
		t.Errorf("worker exited with %v, want exit code %d; output:\n%s", err, configExitCode,
			stderr.String())
	}
	for _, want := range []string{`"message":"configuration refused"`,
		"TIPOFF_MAX_EXTENSION=1s", "worst-case handling time 5s", "at least 5s"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("output does not say %q:\n%s", want, stderr.String())
		}
	}
	if n := connections.Load(); n != 0 {
		t.Errorf("the refused worker made %d connections to its emulator endpoints", n)
	}
	if _, err := os.Stat(warehouse); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the refused worker touched its warehouse %s: %v", warehouse, err)
	}
}
