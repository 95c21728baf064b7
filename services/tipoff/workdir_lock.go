package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// workDirLockFile is the file inside --work that a run holds an exclusive lock on.
const workDirLockFile = "lock"

// errWorkDirBusy is wrapped when another tipoff run holds the work directory.
var errWorkDirBusy = errors.New("work directory in use")

// workDirLock is the exclusive hold of one tipoff run on its work directory. A second run
// on the same directory would delete the warehouse and truncate the logs that the first
// run's workers still write to (with --serve, for as long as it is up), so it is refused.
type workDirLock struct {
	file *os.File
}

// lockWorkDir creates dir if needed and takes an exclusive, non-blocking flock on its lock
// file. The lock is the kernel's: it ends with the process, so a killed run leaves none.
func lockWorkDir(dir string) (*workDirLock, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("work directory %s: %w", dir, err)
	}
	path := filepath.Join(dir, workDirLockFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("work directory lock %s: %w", path, err)
	}
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		_ = f.Close()
		return nil, fmt.Errorf("%w: another tipoff run (perhaps --serve) is using %s; "+
			"stop it, or pass --work with another directory", errWorkDirBusy, dir)
	}
	if err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return &workDirLock{file: f}, nil
}

// release gives the directory up.
func (l *workDirLock) release() {
	if l == nil {
		return
	}
	_ = syscall.Flock(int(l.file.Fd()), syscall.LOCK_UN)
	_ = l.file.Close()
}
