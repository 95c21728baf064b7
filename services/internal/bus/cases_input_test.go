package bus

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
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

// TestCaseInputsMatch keeps the values the C09 and C10 tests restate in step with the
// shared case files they come from.
func TestCaseInputsMatch(t *testing.T) {
	t.Run("C09", func(t *testing.T) {
		var c struct {
			Candidates []struct {
				Name  string `json:"name"`
				Valid bool   `json:"valid"`
			} `json:"candidates"`
			Messages []struct {
				Label      string            `json:"label"`
				Attributes map[string]string `json:"attributes"`
			} `json:"incomingMessages"`
		}
		readCase(t, "C09.json", &c)
		for _, cand := range c.Candidates {
			if !cand.Valid && len(cand.Name) <= 20 && !slices.Contains(c09BadNames, cand.Name) {
				t.Errorf("invalid candidate %q is not tested", cand.Name)
			}
		}
		for _, m := range c.Messages {
			for k, v := range m.Attributes {
				want := map[string]string{gameDateAttr: caseDay, "ce-game_date": caseDay,
					"ce-GameDate": c09OtherDay}[k]
				if want != "" && v != want {
					t.Errorf("%s: %s = %s, tests use %s", m.Label, k, v, want)
				}
			}
		}
	})
	t.Run("C10", func(t *testing.T) {
		var c struct {
			GameDate string `json:"gamedate"`
		}
		readCase(t, "C10.json", &c)
		if c.GameDate != caseDay {
			t.Errorf("C10 game date = %s, tests use %s", c.GameDate, caseDay)
		}
	})
}
