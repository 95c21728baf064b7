package choreo

import (
	"strings"
	"testing"
	"time"
)

func TestAckExtensionFromEnvironment(t *testing.T) {
	t.Setenv("TIPOFF_ACK_EXTENSION", "2s")
	c, err := LoadConfig()
	if err != nil || c.AckExtension != 2*time.Second {
		t.Fatalf("AckExtension %s, err %v; want 2s", c.AckExtension, err)
	}
}

func TestAckExtensionDefaultsToTheClients(t *testing.T) {
	t.Setenv("TIPOFF_ACK_EXTENSION", "")
	c, err := LoadConfig()
	if err != nil || c.AckExtension != 0 {
		t.Fatalf("AckExtension %s, err %v; want 0", c.AckExtension, err)
	}
}

// The client counts the stream's deadline in whole seconds: under one it would send none.
func TestAckExtensionUnderASecondRefused(t *testing.T) {
	for _, v := range []string{"500ms", "-1s", "soon"} {
		t.Setenv("TIPOFF_ACK_EXTENSION", v)
		if _, err := LoadConfig(); err == nil || !strings.Contains(err.Error(),
			"TIPOFF_ACK_EXTENSION") {
			t.Errorf("TIPOFF_ACK_EXTENSION=%s: err %v, want one naming the variable", v, err)
		}
	}
}
