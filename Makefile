# Tipoff: event-driven NBA analytics workers. `make help` lists the targets.

SHELL := /bin/bash
MODULES := events services e2e bench
# Fault schedules `make faults` runs, and `make soak` (SOAK of them). TODO: run 200 of them
# in CI (within 15 min; at about 3 s a schedule they take 10). They stay out of `make test`
# until they have run clean over many more seeds: the stall they found (a lease renewal
# deadlocking with the run's finish on the emulator) is fixed, and a flaky CI would block
# every change.
SCHEDULES ?= 40
SOAK ?= 2000
DATA ?= ../shared/data/nba
BIN := $(CURDIR)/bin
REVISION := $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
LDFLAGS := -X github.com/tipoff-nba/tipoff/services/internal/buildinfo.Revision=$(REVISION)
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
COMMANDS := tipoff raw-loader team-offense team-defense player-game-summary

.PHONY: help build run test unit e2e faults lint fmt bench soak clean

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-8s %s\n", $$1, $$2}'

build: ## build the CLI and the four workers into bin/
	@mkdir -p $(BIN)
	cd services && go build -ldflags '$(LDFLAGS)' -o $(BIN)/ $(addprefix ./,$(COMMANDS))

run: build ## run the whole pipeline locally on DATA (default: the real box scores)
	$(BIN)/tipoff run --data $(DATA)

test: build ## unit tests, then the end-to-end tests on the emulators
	$(MAKE) unit
	$(MAKE) e2e

unit: ## unit tests of every module
	cd events && go test -count=1 ./...
	cd services && go test -count=1 ./...
	cd bench && go test -count=1 ./...

e2e: build ## end-to-end tests: workers as processes on the Firestore emulator and Pub/Sub fake
	cd e2e && TIPOFF_BIN=$(BIN) TIPOFF_NBA_DATA=$(abspath $(DATA)) \
		go test -count=1 -timeout 30m -skip TestFaultSchedules ./...

faults: build ## SCHEDULES seeded fault schedules (default 40), checked against the invariants
	cd e2e && TIPOFF_BIN=$(BIN) TIPOFF_NBA_DATA=$(abspath $(DATA)) \
		go test -count=1 -timeout 60m -run TestFaultSchedules ./... \
		-args -schedules=$(SCHEDULES) -seed=$(or $(SEED),1)

soak: build ## thousands of fault schedules (SOAK, default 2000); SEED=N starts elsewhere
	cd e2e && TIPOFF_BIN=$(BIN) TIPOFF_NBA_DATA=$(abspath $(DATA)) \
		go test -count=1 -timeout 0 -run TestFaultSchedules ./... \
		-args -schedules=$(SOAK) -seed=$(or $(SEED),1)

bench: build ## measure the product targets beside their baselines (~2 min; not part of test)
	cd bench && TIPOFF_BIN=$(BIN) TIPOFF_NBA_DATA=$(abspath $(DATA)) \
		go run ./cmd/tipoff-bench -out out/latest.json

lint: ## gofmt, go vet and staticcheck over every module
	@out=$$(gofmt -l $(MODULES)); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	for m in $(MODULES); do (cd $$m && go vet ./... && go run $(STATICCHECK) ./...) || exit 1; done

fmt: ## format every module
	gofmt -w $(MODULES)

clean: ## remove build output and local run state
	rm -rf $(BIN) .tipoff
