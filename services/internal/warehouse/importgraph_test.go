package warehouse

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// storageImports are the packages that give direct access to a SQLite file. Only this
// package may import them: then Save is the only way any code can write a table.
var storageImports = []string{"database/sql", "modernc.org/sqlite"}

// listedPackage is the part of `go list -json` output this test reads.
type listedPackage struct {
	ImportPath string
	Imports    []string
	Module     *struct {
		Path string
		Main bool
	}
}

// TestOnlyWarehouseImportsStorage asks the go tool for the real import graph of every
// package of the services module, test variants included, and fails if a package
// other than this one imports database/sql or modernc.org/sqlite (or a subpackage).
func TestOnlyWarehouseImportsStorage(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go tool is not on PATH, so the import graph cannot be listed")
	}
	root := moduleRoot(t)

	cmd := exec.Command(goTool, "list", "-e", "-deps", "-test", "-json", "./...")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list in %s: %v\n%s", root, err, stderr.String())
	}
	packages := decodePackages(t, out)

	self := warehousePath(t, packages)
	for _, p := range packages {
		if p.Module == nil || !p.Module.Main || allowed(p, self) {
			continue
		}
		for _, imp := range p.Imports {
			if isStorage(imp) {
				t.Errorf("%s imports %s; only %s may touch the warehouse file (use Save and "+
					"the read methods)", p.ImportPath, imp, self)
			}
		}
	}
}

// moduleRoot walks up from the test's directory to the directory holding go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

func decodePackages(t *testing.T, out []byte) []listedPackage {
	t.Helper()
	var packages []listedPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		err := dec.Decode(&p)
		if errors.Is(err, io.EOF) {
			return packages
		}
		if err != nil {
			t.Fatalf("decode go list output: %v", err)
		}
		packages = append(packages, p)
	}
}

// warehousePath finds this package in the listing and checks that the listing sees its
// database/sql import: a listing that missed it would make the test pass vacuously.
func warehousePath(t *testing.T, packages []listedPackage) string {
	t.Helper()
	for _, p := range packages {
		if strings.HasSuffix(p.ImportPath, "/internal/warehouse") {
			for _, imp := range p.Imports {
				if imp == "database/sql" {
					return p.ImportPath
				}
			}
			t.Fatalf("go list shows %s without its database/sql import", p.ImportPath)
		}
	}
	t.Fatal("go list did not list the warehouse package")
	return ""
}

// allowed reports whether p is the warehouse package or one of its test builds:
// "w", "w [w.test]", "w_test [w.test]" and the generated "w.test".
func allowed(p listedPackage, self string) bool {
	path, _, _ := strings.Cut(p.ImportPath, " ")
	return path == self || path == self+"_test" || path == self+".test"
}

func isStorage(imp string) bool {
	for _, s := range storageImports {
		if imp == s || strings.HasPrefix(imp, s+"/") {
			return true
		}
	}
	return false
}
