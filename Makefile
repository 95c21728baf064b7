# Tipoff: event-driven NBA analytics workers. `make help` lists the targets.

SHELL := /bin/bash
MODULES := events services e2e bench
# Fault schedules: `make faults` runs SCHEDULES of them from SEED, `make soak` SOAK of them,
# `make faults-ci` (part of `make test`) seeds 1-200 within 15 minutes. FAULTS_PARALLEL
# schedules run at once, each on its own Pub/Sub fake and Firestore project of the shared
# emulator. FAULTS_FLAGS adds go test flags (-v lists every schedule and its phase times);
# FAULTS_ARGS adds the suite's own (-fault-logs=DIR keeps every schedule's worker logs).
SCHEDULES ?= 40
SOAK ?= 2000
FAULTS_PARALLEL ?= 2
FAULTS_FLAGS ?=
FAULTS_ARGS ?=
FAULTS = cd e2e && TIPOFF_BIN=$(BIN) TIPOFF_NBA_DATA=$(abspath $(DATA)) go test -count=1 \
	-run TestFaultSchedules $(FAULTS_FLAGS)
DATA ?= ../shared/data/nba
BIN := $(CURDIR)/bin
REVISION := $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
LDFLAGS := -X github.com/tipoff-nba/tipoff/services/internal/buildinfo.Revision=$(REVISION)
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
COMMANDS := tipoff raw-loader team-offense team-defense player-game-summary

.PHONY: help build run test unit e2e faults faults-ci lint fmt bench soak clean

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

build: ## build the CLI and the four workers into bin/
	@mkdir -p $(BIN)
	cd services && go build -ldflags '$(LDFLAGS)' -o $(BIN)/ $(addprefix ./,$(COMMANDS))

run: build ## run the whole pipeline locally on DATA (default: the real box scores)
	$(BIN)/tipoff run --data $(DATA)

test: build ## unit tests, the end-to-end tests on the emulators, then 200 fault schedules
	$(MAKE) unit
	$(MAKE) e2e
	$(MAKE) faults-ci

unit: ## unit tests of every module
	cd events && go test -count=1 ./...
	cd services && TIPOFF_NBA_DATA=$(abspath $(DATA)) go test -count=1 ./...
	cd bench && TIPOFF_NBA_DATA=$(abspath $(DATA)) go test -count=1 ./...

e2e: build ## end-to-end tests: workers as processes on the Firestore emulator and Pub/Sub fake
	cd e2e && TIPOFF_BIN=$(BIN) TIPOFF_NBA_DATA=$(abspath $(DATA)) \
		go test -count=1 -timeout 30m -skip TestFaultSchedules ./...

faults: build ## SCHEDULES fault schedules (default 40) from SEED, checked against the invariants
	$(FAULTS) -timeout 60m . -args -schedules=$(SCHEDULES) -seed=$(or $(SEED),1) \
		-parallel=$(FAULTS_PARALLEL) $(FAULTS_ARGS)

faults-ci: build ## the fault schedules of seeds 1-200, failing past 15 minutes
	$(FAULTS) -timeout 15m . -args -schedules=200 -seed=1 -parallel=$(FAULTS_PARALLEL) \
		$(FAULTS_ARGS)

soak: build ## thousands of fault schedules (SOAK, default 2000); SEED=N starts elsewhere
	$(FAULTS) -timeout 0 . -args -schedules=$(SOAK) -seed=$(or $(SEED),1) \
		-parallel=$(FAULTS_PARALLEL) $(FAULTS_ARGS)

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
