package report

import (
	"bufio"
	"os"
	"runtime"
	"strings"
)

// Machine describes where the run was measured.
type Machine struct {
	CPUs      int    `json:"cpus"`
	CPUModel  string `json:"cpu_model"`
	GoVersion string `json:"go_version"`
	OS        string `json:"os"`
	// Build is the revision the workers report (their "build" log field).
	Build string `json:"build"`
}

// ThisMachine describes the machine the benchmark runs on; build is the workers' revision.
func ThisMachine(build string) Machine {
	return Machine{CPUs: runtime.NumCPU(), CPUModel: cpuModel(),
		GoVersion: runtime.Version(), OS: runtime.GOOS + "/" + runtime.GOARCH, Build: build}
}

// cpuModel reads the first "model name" of /proc/cpuinfo, or "".
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
