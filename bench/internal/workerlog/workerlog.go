// Package workerlog reads the workers' JSON logs (one entry a line, Cloud Logging field
// names, snake_case keys; see services/internal/logging) for the fields benchmarks use.
package workerlog

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// Messages of the runtime that benchmarks key on (services/internal/choreo).
const (
	MsgServing   = "worker serving"
	MsgClaimed   = "run claimed"
	MsgComplete  = "run complete"
	MsgPublished = "completion published"
	MsgStopped   = "worker stopped"
)

// Entry is one log line. Pointer fields are nil when the line lacks them.
type Entry struct {
	Time     time.Time `json:"time"`
	Severity string    `json:"severity"`
	Message  string    `json:"message"`
	// Service is the processor the process runs (its logger name).
	Service string `json:"service"`
	// Build is the revision the process was built from.
	Build    string `json:"build"`
	GameDate string `json:"game_date"`
	// EventID is the triggering event's id.
	EventID          string `json:"event_id"`
	PublishedEventID string `json:"published_event_id"`
	Status           string `json:"status"`
	// DurationMS is the run's compute and save time, whole milliseconds (truncated).
	DurationMS *int64 `json:"duration_ms"`
	// WritesTotal is the process's count of committed Firestore document writes so far.
	WritesTotal *int64 `json:"firestore_writes_total"`
}

// Log is a parsed log.
type Log struct {
	Entries []Entry
	// Foreign counts lines that are not JSON log entries (for example emulator output).
	Foreign int
}

// Read parses r line by line. Lines that are not JSON objects are counted, not failed on.
func Read(r io.Reader) (Log, error) {
	var l Log
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) == 0 || line[0] != '{' {
			l.Foreign++
			continue
		}
		var e Entry
		if err := json.Unmarshal(line, &e); err != nil {
			l.Foreign++
			continue
		}
		l.Entries = append(l.Entries, e)
	}
	if err := sc.Err(); err != nil {
		return l, fmt.Errorf("workerlog: %w", err)
	}
	return l, nil
}

// With returns the entries with message msg, in log order.
func (l Log) With(msg string) []Entry {
	var out []Entry
	for _, e := range l.Entries {
		if e.Message == msg {
			out = append(out, e)
		}
	}
	return out
}

// Count returns how many entries of service have message msg.
func (l Log) Count(service, msg string) int {
	n := 0
	for _, e := range l.Entries {
		if e.Service == service && e.Message == msg {
			n++
		}
	}
	return n
}

// Severities counts the entries per severity other than INFO and DEBUG, keyed
// "SEVERITY service: message", so a report can show what went wrong.
func (l Log) Severities() map[string]int {
	out := map[string]int{}
	for _, e := range l.Entries {
		if e.Severity == "INFO" || e.Severity == "DEBUG" {
			continue
		}
		out[fmt.Sprintf("%s %s: %s", e.Severity, e.Service, e.Message)]++
	}
	return out
}
