// Package buildinfo tells which build of Tipoff is running, so an operator can check that
// the fix they merged is the one deployed.
package buildinfo

import "runtime/debug"

// Revision is the version control revision the binary was built from. The Makefile sets it
// with -ldflags "-X .../buildinfo.Revision=$(git rev-parse HEAD)"; when it is not set, the
// revision Go stamps into the binary is used, and "unknown" when there is none.
var Revision = ""

// Current returns the running build's revision.
func Current() string {
	if Revision != "" {
		return Revision
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" {
				return s.Value
			}
		}
	}
	return "unknown"
}
