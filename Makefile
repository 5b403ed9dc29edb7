# hokushin — the two commands:
#   make run    install what is needed, build, and replay the built-in scenario
#   make test   install what is needed, build, and run every test
BUILD ?= build
JOBS ?= $(shell nproc)
HOKUSHIN = $(BUILD)/hokushin

.PHONY: all deps web build run test validate bench fuzz sanitize serve clean

all: build

deps:
	@bash scripts/install-deps.sh

web: deps
	@if [ -f web/package.json ]; then \
	  cd web && (npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error) && npm run build --silent; \
	fi

build: web
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@$(HOKUSHIN) replay
	@$(HOKUSHIN) replay --out out/report
	@echo "Open out/report/index.html in a browser; 'make serve' opens the web page on http://127.0.0.1:8080"

serve: build
	@$(HOKUSHIN) serve

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

validate: build
	@bash scripts/validate.sh

bench: build
	@bash bench/run.sh

# make fuzz FUZZ_SECONDS=600 runs each harness ten minutes, one at a time
# (fuzz/run.sh; FUZZ_RUNS=N instead stops each after N inputs)
FUZZ_SECONDS ?= 60
fuzz: deps
	@cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DHK_FUZZ=ON -DHK_SANITIZE=ON >/dev/null
	@cmake --build build-fuzz -j $(JOBS) --target fuzz_scenario fuzz_save fuzz_battle fuzz_api
	@bash fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

# The whole ctest suite, browser tests included, built with clang's
# AddressSanitizer and UndefinedBehaviorSanitizer (float-cast-overflow too);
# any finding stops the program and fails its test. scripts/sanitize.sh.
sanitize: web
	@bash scripts/sanitize.sh build-sanitize

clean:
	rm -rf $(BUILD) build-fuzz build-sanitize out
