package procmem

import (
	"os"
	"path/filepath"
	"testing"
)

func TestReadFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "status")
	body := "Name:\tworker\nVmPeak:\t  900000 kB\nVmHWM:\t   30720 kB\nVmRSS:\t   20480 kB\n"
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	u, err := ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if u.RSSKiB != 20480 || u.HWMKiB != 30720 || u.RSSMiB() != 20 || u.HWMMiB() != 30 {
		t.Fatalf("ReadFile = %+v", u)
	}
}

func TestReadSelf(t *testing.T) {
	u, err := Read(os.Getpid())
	if err != nil {
		t.Skipf("no /proc here: %v", err)
	}
	if u.RSSKiB <= 0 || u.HWMKiB < u.RSSKiB {
		t.Fatalf("Read(self) = %+v", u)
	}
}
