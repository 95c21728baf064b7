package localstack

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// WorkerBinaries are the worker commands, by binary name.
var WorkerBinaries = []string{"raw-loader", "team-offense", "team-defense", "player-game-summary"}

// Process is a worker running as its own OS process.
type Process struct {
	Name string
	cmd  *exec.Cmd
	done chan struct{}
	err  error
}

// StartWorker runs binDir/name with env added to this process's environment. Its stderr
// (the JSON log) goes to logs.
func StartWorker(binDir, name string, env []string, logs io.Writer) (*Process, error) {
	path := filepath.Join(binDir, name)
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("localstack: worker binary %s: %w (run make build)", path, err)
	}
	cmd := exec.Command(path)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = logs, logs
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("localstack: start %s: %w", name, err)
	}
	p := &Process{Name: name, cmd: cmd, done: make(chan struct{})}
	go func() { p.err = cmd.Wait(); close(p.done) }()
	return p, nil
}

// Pid is the process id.
func (p *Process) Pid() int { return p.cmd.Process.Pid }

// Exited is closed when the process has exited.
func (p *Process) Exited() <-chan struct{} { return p.done }

// Kill sends SIGKILL, as a crash would, and waits for the exit.
func (p *Process) Kill() {
	_ = p.cmd.Process.Kill()
	<-p.done
}

// Stop asks the worker to stop (SIGTERM) and kills it after grace.
func (p *Process) Stop(grace time.Duration) {
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(grace):
		p.Kill()
	}
}
