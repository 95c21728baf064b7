package choreo

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

// Config tunes a worker. LoadConfig reads it from the environment.
type Config struct {
	// Project is the Google Cloud project id (TIPOFF_PROJECT). Default "tipoff-local".
	Project string
	// Instance names this worker process in leases and logs (TIPOFF_INSTANCE). Default
	// host name and process id.
	Instance string
	// LeaseTTL is how long a claimed run holds its lease (TIPOFF_LEASE_TTL, a Go
	// duration). Another delivery takes the run over only after it expires. Default 60s.
	LeaseTTL time.Duration
	// MaxRunTime bounds one run (TIPOFF_MAX_RUN_TIME). It must be shorter than LeaseTTL,
	// so no run can outlive its lease. Default 30s.
	MaxRunTime time.Duration
	// MaxOutstanding is how many messages one subscription handles at once
	// (TIPOFF_MAX_OUTSTANDING). Default 16.
	MaxOutstanding int
	// MaxRunAttempts is how many runs of one (date, processor, generation) may fail with a
	// retryable error before the processor is marked failed for it with the last error
	// (TIPOFF_MAX_RUN_ATTEMPTS). Default 5.
	MaxRunAttempts int
	// MaxGateFailures is how many failed dependency data checks of one (date, processor,
	// generation) open the circuit breaker (TIPOFF_MAX_GATE_FAILURES). Default 3.
	MaxGateFailures int
	// GateBackoff is how long a delivery whose dependency check failed is held before it
	// is returned for redelivery; it doubles with each failure, up to 16 times
	// (TIPOFF_GATE_BACKOFF). Default 2s.
	GateBackoff time.Duration
	// MaxExtension caps how long the Pub/Sub client keeps extending the ack deadline of a
	// message being handled (TIPOFF_MAX_EXTENSION). Default (0) LeaseTTL + MaxRunTime, the
	// worst-case handling time: the longest wait for another run's lease plus a run of its
	// own. A worker refuses to start with a smaller cap (see CheckDelivery).
	MaxExtension time.Duration
	// AckExtension is how far the Pub/Sub client extends the ack deadline of a message
	// being handled at each extension, and the ack deadline of its streaming pull
	// (TIPOFF_ACK_EXTENSION, a Go duration of at least 1s; Pub/Sub itself accepts 10s to
	// 600s). It bounds how long the message of a worker that died stays away before it is
	// redelivered. Default 0: the client's own choice, from 10s to 10min by observed ack
	// latency, with a 60s deadline on the stream.
	AckExtension time.Duration
	// LogLevel is the zap level name (TIPOFF_LOG_LEVEL). Default "info".
	LogLevel string
	// Now is the clock used for leases. Default time.Now in UTC.
	Now func() time.Time
}

// LoadConfig reads the configuration from the environment and checks it.
func LoadConfig() (Config, error) {
	host, _ := os.Hostname()
	c := Config{
		Project:         envOr("TIPOFF_PROJECT", "tipoff-local"),
		Instance:        envOr("TIPOFF_INSTANCE", fmt.Sprintf("%s-%d", host, os.Getpid())),
		LeaseTTL:        60 * time.Second,
		MaxRunTime:      30 * time.Second,
		MaxOutstanding:  16,
		MaxGateFailures: 3,
		MaxRunAttempts:  5,
		GateBackoff:     2 * time.Second,
		LogLevel:        os.Getenv("TIPOFF_LOG_LEVEL"),
		Now:             func() time.Time { return time.Now().UTC() },
	}
	var err error
	if c.LeaseTTL, err = envDuration("TIPOFF_LEASE_TTL", c.LeaseTTL); err != nil {
		return c, err
	}
	if c.MaxRunTime, err = envDuration("TIPOFF_MAX_RUN_TIME", c.MaxRunTime); err != nil {
		return c, err
	}
	if c.GateBackoff, err = envDuration("TIPOFF_GATE_BACKOFF", c.GateBackoff); err != nil {
		return c, err
	}
	if c.MaxExtension, err = envDuration("TIPOFF_MAX_EXTENSION", 0); err != nil {
		return c, err
	}
	if c.AckExtension, err = envDuration("TIPOFF_ACK_EXTENSION", 0); err != nil {
		return c, err
	}
	if err := c.checkAckExtension(); err != nil {
		return c, err
	}
	if s := os.Getenv("TIPOFF_MAX_GATE_FAILURES"); s != "" {
		if c.MaxGateFailures, err = strconv.Atoi(s); err != nil || c.MaxGateFailures < 1 {
			return c, fmt.Errorf("choreo: TIPOFF_MAX_GATE_FAILURES=%q: want a positive integer", s)
		}
	}
	if s := os.Getenv("TIPOFF_MAX_RUN_ATTEMPTS"); s != "" {
		if c.MaxRunAttempts, err = strconv.Atoi(s); err != nil || c.MaxRunAttempts < 1 {
			return c, fmt.Errorf("choreo: TIPOFF_MAX_RUN_ATTEMPTS=%q: want a positive integer", s)
		}
	}
	if s := os.Getenv("TIPOFF_MAX_OUTSTANDING"); s != "" {
		if c.MaxOutstanding, err = strconv.Atoi(s); err != nil || c.MaxOutstanding < 1 {
			return c, fmt.Errorf("choreo: TIPOFF_MAX_OUTSTANDING=%q: want a positive integer", s)
		}
	}
	if err := c.Check(); err != nil {
		return c, err
	}
	return c, c.CheckDelivery()
}

// Check refuses a configuration in which a run could outlive its lease.
func (c Config) Check() error {
	if c.MaxRunTime <= 0 || c.LeaseTTL <= 0 {
		return fmt.Errorf("choreo: lease TTL %s and max run time %s must be positive",
			c.LeaseTTL, c.MaxRunTime)
	}
	if c.LeaseTTL <= c.MaxRunTime {
		return fmt.Errorf("choreo: lease TTL %s does not cover the max run time %s: a run "+
			"could be taken over while it is still writing", c.LeaseTTL, c.MaxRunTime)
	}
	return nil
}

// WorstCaseHandling is the longest a worker may hold one message: it waits up to a lease
// TTL for another run's lease to end, then runs for up to MaxRunTime itself.
func (c Config) WorstCaseHandling() time.Duration { return c.LeaseTTL + c.MaxRunTime }

// CheckDelivery refuses, at start, a client lease extension (MaxExtension) shorter than
// the worst-case handling time. With such a cap Pub/Sub redelivers a message that is still
// being handled (field case C02): the run's Firestore lease keeps the copy from computing
// again, but the copy holds a second instance for the whole run, and with a dead-letter
// policy every expiry counts as a failed delivery, so work that succeeded can end up
// dead-lettered. It is not part of Check, which NewWorker applies: the in-process fault
// tests cap the extension on purpose to provoke that redelivery.
// TODO: a delivery whose dependency check failed is held for up to 16 × GateBackoff (32 s
// by default) where a run would have been; once that exceeds MaxRunTime the hold is the
// worst case and neither this check nor the default extension covers it, so Pub/Sub
// redelivers the held message. Its copy does not check early (the claim holds it until the
// processor's next_check_at), but it occupies a second handler meanwhile.
func (c Config) CheckDelivery() error {
	if c.MaxExtension == 0 {
		return nil // the default is the worst-case handling time itself
	}
	if need := c.WorstCaseHandling(); c.MaxExtension < need {
		return fmt.Errorf("choreo: configuration refused: TIPOFF_MAX_EXTENSION=%s is below "+
			"the worst-case handling time %s (TIPOFF_LEASE_TTL %s + TIPOFF_MAX_RUN_TIME %s); "+
			"set it to at least %s, or leave it unset: a message still being handled would "+
			"be redelivered to another instance", c.MaxExtension, need, c.LeaseTTL,
			c.MaxRunTime, need)
	}
	return nil
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func envDuration(key string, def time.Duration) (time.Duration, error) {
	s := os.Getenv(key)
	if s == "" {
		return def, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("choreo: %s=%q: %w", key, s, err)
	}
	return d, nil
}

// checkAckExtension refuses an extension the client would round down to no stream
// deadline at all (it counts whole seconds).
func (c Config) checkAckExtension() error {
	if c.AckExtension != 0 && c.AckExtension < time.Second {
		return fmt.Errorf("choreo: TIPOFF_ACK_EXTENSION=%s: want 0 (the client's default) "+
			"or at least 1s", c.AckExtension)
	}
	return nil
}
