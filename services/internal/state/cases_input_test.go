package state

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// casesDir holds the shared field cases, next to the repository.
var casesDir = filepath.Join("..", "..", "..", "..", "shared", "cases", "inputs")

// readCase decodes one shared field case into v, skipping when the shared directory is
// not there: the case tests restate their values, so only this drift check needs it.
func readCase(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(casesDir, name))
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("field case %s not found in %s; the restated values are not checked", name,
			casesDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// TestCaseInputsMatch keeps the values the C01, C05 and C06 tests restate in step with
// the shared case files they come from.
func TestCaseInputsMatch(t *testing.T) {
	t.Run("C01", func(t *testing.T) {
		var c struct {
			GameDate string `json:"gamedate"`
		}
		readCase(t, "C01.json", &c)
		if c.GameDate != c01Day {
			t.Errorf("C01 game date = %s, tests use %s", c.GameDate, c01Day)
		}
	})
	t.Run("C05", func(t *testing.T) {
		var c struct {
			GameDate string   `json:"gamedate"`
			Order    []string `json:"deliveryOrderToPlayerWorker"`
			Times    struct {
				OffV1 time.Time `json:"ce_time_off_v1"`
				OffV2 time.Time `json:"ce_time_off_v2"`
			} `json:"timestampsNotToTrust"`
		}
		readCase(t, "C05.json", &c)
		if c.GameDate != c05Day || len(c.Order) != len(c05Deliveries) {
			t.Fatalf("C05 = %s with %d deliveries, tests use %s with %d", c.GameDate,
				len(c.Order), c05Day, len(c05Deliveries))
		}
		times := map[string]time.Time{"off-20240118-v1": c.Times.OffV1,
			"off-20240118-v2": c.Times.OffV2}
		for i, d := range c05Deliveries {
			if d.Label != c.Order[i] {
				t.Errorf("delivery %d = %s, case file has %s", i, d.Label, c.Order[i])
			}
			if at, ok := times[d.Label]; ok && !at.Equal(d.At) {
				t.Errorf("%s time = %s, case file has %s", d.Label, d.At, at)
			}
		}
	})
	t.Run("C06", func(t *testing.T) {
		var c struct {
			GameDate string `json:"gamedate"`
			Stress   struct {
				Repetitions int `json:"repetitions"`
				Instances   int `json:"instances"`
			} `json:"stress"`
		}
		readCase(t, "C06.json", &c)
		if c.GameDate != c06Day || c.Stress.Repetitions != c06Repetitions ||
			c.Stress.Instances != len(c06Instances) {
			t.Errorf("C06 = %+v; TestC06FanInRandom uses %s, %d repetitions, %d instances",
				c, c06Day, c06Repetitions, len(c06Instances))
		}
	})
}
