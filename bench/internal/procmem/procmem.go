// Package procmem reads a process's memory use from /proc (Linux only).
package procmem

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Usage is a process's memory, in kibibytes as /proc reports them.
type Usage struct {
	// RSSKiB is VmRSS: resident memory now.
	RSSKiB int64 `json:"vm_rss_kib"`
	// HWMKiB is VmHWM: the peak resident memory since the process started.
	HWMKiB int64 `json:"vm_hwm_kib"`
}

// RSSMiB is RSSKiB in mebibytes.
func (u Usage) RSSMiB() float64 { return float64(u.RSSKiB) / 1024 }

// HWMMiB is HWMKiB in mebibytes.
func (u Usage) HWMMiB() float64 { return float64(u.HWMKiB) / 1024 }

// Read returns the memory of process pid from /proc/<pid>/status.
func Read(pid int) (Usage, error) {
	return ReadFile(fmt.Sprintf("/proc/%d/status", pid))
}

// ReadFile parses a /proc/<pid>/status file. Both VmRSS and VmHWM must be present.
func ReadFile(path string) (Usage, error) {
	f, err := os.Open(path)
	if err != nil {
		return Usage{}, fmt.Errorf("procmem: %w", err)
	}
	defer f.Close()
	var u Usage
	found := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		key, value, ok := strings.Cut(sc.Text(), ":")
		if !ok || (key != "VmRSS" && key != "VmHWM") {
			continue
		}
		kib, err := parseKiB(value)
		if err != nil {
			return Usage{}, fmt.Errorf("procmem: %s %s: %w", path, key, err)
		}
		if key == "VmRSS" {
			u.RSSKiB = kib
		} else {
			u.HWMKiB = kib
		}
		found++
	}
	if err := sc.Err(); err != nil {
		return Usage{}, fmt.Errorf("procmem: %s: %w", path, err)
	}
	if found != 2 {
		return Usage{}, fmt.Errorf("procmem: %s lacks VmRSS or VmHWM", path)
	}
	return u, nil
}

// parseKiB reads "   12345 kB".
func parseKiB(value string) (int64, error) {
	fields := strings.Fields(value)
	if len(fields) != 2 || fields[1] != "kB" {
		return 0, fmt.Errorf("want \"N kB\", got %q", strings.TrimSpace(value))
	}
	return strconv.ParseInt(fields[0], 10, 64)
}
