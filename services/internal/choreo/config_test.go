package choreo

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// C02's pull variant (shared/cases/inputs/C02.json): the client extends a message's ack
// deadline for at most 10 s while the player computation takes 15 s.
const (
	c02MaxExtension = 10 * time.Second
	c02Computation  = 15 * time.Second
)

// c02Config is a worker configured as in C02: runs may take the 15 s computation, and
// the lease outlasts them, as Check requires.
func c02Config() Config {
	return Config{LeaseTTL: 20 * time.Second, MaxRunTime: c02Computation,
		MaxExtension: c02MaxExtension}
}

// TestCheckDeliveryRefusesC02 is C02's deploy-time check: a 10 s lease extension is below
// the worst-case handling time (20 s lease wait + 15 s run), so the worker is refused,
// with the variable, its value and the minimum it needs named.
func TestCheckDeliveryRefusesC02(t *testing.T) {
	c := c02Config()
	if err := c.Check(); err != nil {
		t.Fatalf("C02's lease and run time must pass Check on their own: %v", err)
	}
	err := c.CheckDelivery()
	if err == nil {
		t.Fatal("a 10 s lease extension with a 15 s computation was accepted")
	}
	for _, want := range []string{"configuration refused", "TIPOFF_MAX_EXTENSION=10s",
		"35s", "TIPOFF_LEASE_TTL 20s", "TIPOFF_MAX_RUN_TIME 15s"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}

// TestCheckDeliveryAccepts: an extension covering the worst case, and the default (0),
// which is the worst case itself.
func TestCheckDeliveryAccepts(t *testing.T) {
	for _, ext := range []time.Duration{0, 35 * time.Second, time.Minute} {
		c := c02Config()
		c.MaxExtension = ext
		if err := c.CheckDelivery(); err != nil {
			t.Errorf("MaxExtension %s: %v", ext, err)
		}
	}
	c := c02Config()
	c.MaxExtension = c.WorstCaseHandling() - time.Millisecond
	if err := c.CheckDelivery(); err == nil {
		t.Errorf("MaxExtension %s, a millisecond short of the worst case, was accepted",
			c.MaxExtension)
	}
}

// TestLoadConfigRefusesShortExtension: the check runs where a worker reads its
// configuration at start, from the environment.
func TestLoadConfigRefusesShortExtension(t *testing.T) {
	t.Setenv("TIPOFF_LEASE_TTL", "20s")
	t.Setenv("TIPOFF_MAX_RUN_TIME", "15s")
	t.Setenv("TIPOFF_MAX_EXTENSION", "10s")
	if _, err := LoadConfig(); err == nil || !strings.Contains(err.Error(),
		"TIPOFF_MAX_EXTENSION=10s") {
		t.Errorf("LoadConfig = %v, want the short extension refused", err)
	}

	t.Setenv("TIPOFF_MAX_EXTENSION", "35s")
	c, err := LoadConfig()
	if err != nil {
		t.Fatalf("LoadConfig with a 35 s extension: %v", err)
	}
	if c.MaxExtension != 35*time.Second || c.WorstCaseHandling() != 35*time.Second {
		t.Errorf("extension %s, worst case %s; want 35s both", c.MaxExtension,
			c.WorstCaseHandling())
	}
}

// TestC02ValuesMatchCaseFile keeps the values above in step with the shared case file.
func TestC02ValuesMatchCaseFile(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "shared", "cases", "inputs", "C02.json")
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("field case C02 not found at %s; the restated values are not checked", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Variants struct {
			Pull struct {
				Client struct {
					MaxExtension string `json:"maxExtension"`
				} `json:"client"`
			} `json:"pull"`
		} `json:"variants"`
		Timeline []struct {
			Action string `json:"action"`
		} `json:"timeline"`
	}
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	ext, err := time.ParseDuration(c.Variants.Pull.Client.MaxExtension)
	if err != nil || ext != c02MaxExtension {
		t.Errorf("C02 maxExtension = %q (%v), tests use %s",
			c.Variants.Pull.Client.MaxExtension, err, c02MaxExtension)
	}
	if len(c.Timeline) == 0 || !strings.Contains(c.Timeline[0].Action, "takes 15 s") {
		t.Errorf("C02's first step no longer says the computation takes 15 s: %+v", c.Timeline)
	}
}
