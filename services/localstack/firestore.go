package localstack

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// FirestoreJarEnv overrides where the Firestore emulator jar is looked for.
const FirestoreJarEnv = "TIPOFF_FIRESTORE_JAR"

// FirestoreStartTimeout bounds the emulator's start. It is ready in about a second.
const FirestoreStartTimeout = 60 * time.Second

// ErrEmulatorMissing is returned when the Firestore emulator or Java is not installed.
var ErrEmulatorMissing = errors.New("localstack: Firestore emulator not found")

// Firestore is a running Firestore emulator.
type Firestore struct {
	// Host is the emulator's host:port, for FIRESTORE_EMULATOR_HOST.
	Host string
	cmd  *exec.Cmd
	done chan struct{}
}

// FindFirestoreJar returns the emulator jar: FirestoreJarEnv, else the Google Cloud CLI's
// platform/cloud-firestore-emulator folder.
func FindFirestoreJar() (string, error) {
	if p := os.Getenv(FirestoreJarEnv); p != "" {
		return p, statFile(p)
	}
	var roots []string
	if out, err := exec.Command("gcloud", "info",
		"--format=value(installation.sdk_root)").Output(); err == nil {
		roots = append(roots, strings.TrimSpace(string(out)))
	}
	roots = append(roots, "/usr/lib/google-cloud-sdk", "/usr/share/google-cloud-sdk")
	for _, root := range roots {
		p := filepath.Join(root, "platform", "cloud-firestore-emulator",
			"cloud-firestore-emulator.jar")
		if statFile(p) == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w: install the Google Cloud CLI and its component "+
		"(gcloud components install cloud-firestore-emulator, or the Debian package "+
		"google-cloud-cli-firestore-emulator), or set %s to the jar", ErrEmulatorMissing,
		FirestoreJarEnv)
}

func statFile(p string) error {
	if _, err := os.Stat(p); err != nil {
		return fmt.Errorf("%w: %w", ErrEmulatorMissing, err)
	}
	return nil
}

// StartFirestore starts the emulator on a free loopback port. Its output goes to logs.
// It returns once the emulator says it is running.
func StartFirestore(ctx context.Context, logs io.Writer) (*Firestore, error) {
	jar, err := FindFirestoreJar()
	if err != nil {
		return nil, err
	}
	if _, err := exec.LookPath("java"); err != nil {
		return nil, fmt.Errorf("%w: java is not on PATH (the emulator needs Java 11+)",
			ErrEmulatorMissing)
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	host := fmt.Sprintf("127.0.0.1:%d", port)
	cmd := exec.Command("java", "-Duser.language=en", "-Xmx512m", "-cp", jar,
		"com.google.cloud.datastore.emulator.firestore.CloudFirestore", "start",
		"--host=127.0.0.1", fmt.Sprintf("--port=%d", port))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("localstack: start Firestore emulator: %w", err)
	}
	f := &Firestore{Host: host, cmd: cmd, done: make(chan struct{})}
	ready := make(chan struct{})
	go f.pump(out, logs, ready)
	go func() { _ = cmd.Wait(); close(f.done) }()
	select {
	case <-ready:
		return f, nil
	case <-f.done:
		return nil, fmt.Errorf("localstack: Firestore emulator exited before it was ready")
	case <-time.After(FirestoreStartTimeout):
	case <-ctx.Done():
	}
	f.Stop()
	return nil, fmt.Errorf("localstack: Firestore emulator not ready on %s", host)
}

// pump copies the emulator's output to logs and closes ready when it reports running.
func (f *Firestore) pump(out io.Reader, logs io.Writer, ready chan struct{}) {
	sc := bufio.NewScanner(out)
	signalled := false
	for sc.Scan() {
		line := sc.Text()
		if logs != nil {
			fmt.Fprintln(logs, line)
		}
		if !signalled && strings.Contains(line, "is now running") {
			signalled = true
			close(ready)
		}
	}
}

// Reset deletes every document of project's default database.
func (f *Firestore) Reset(ctx context.Context, project string) error {
	url := fmt.Sprintf("http://%s/emulator/v1/projects/%s/databases/(default)/documents",
		f.Host, project)
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("localstack: reset Firestore: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("localstack: reset Firestore: %s", resp.Status)
	}
	return nil
}

// Stop ends the emulator and waits for it.
func (f *Firestore) Stop() {
	if f == nil || f.cmd.Process == nil {
		return
	}
	_ = syscall.Kill(-f.cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-f.done:
	case <-time.After(5 * time.Second):
		_ = syscall.Kill(-f.cmd.Process.Pid, syscall.SIGKILL)
		<-f.done
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("localstack: find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
