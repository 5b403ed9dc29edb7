# hokushin — the two commands:
#   make run    install what is needed, build, and replay the built-in scenario
#   make test   install what is needed, build, and run every test
BUILD ?= build
JOBS ?= $(shell nproc)
HOKUSHIN = $(BUILD)/hokushin

.PHONY: all deps web build run test validate bench fuzz fuzz-replay sanitize serve clean

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

# make fuzz runs every harness (fuzz/fuzz_*.c), one after the other, for
# FUZZ_SECONDS each (default 60), or until FUZZ_RUNS inputs each when that
# is given; FUZZ_TARGET=api (or scenario, save, battle; several separated by
# spaces) runs only those. The harnesses are built with AddressSanitizer and
# UBSan in build-fuzz; FUZZ_ASAN=0 builds them in build-fuzz-fast with
# LeakSanitizer and UBSan only (several times more inputs a second, for
# runs of millions); `make fuzz-replay` then runs every input that run kept
# once under AddressSanitizer. fuzz/run.sh tells the rest (docs/fuzzing.md).
#   make fuzz FUZZ_TARGET=api FUZZ_RUNS=10000000 FUZZ_ASAN=0
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?=
FUZZ_TARGET ?=
FUZZ_ASAN ?= 1
FUZZ_HARNESSES = fuzz_scenario fuzz_save fuzz_battle fuzz_api
ifeq ($(FUZZ_ASAN),0)
FUZZ_BUILD = build-fuzz-fast
FUZZ_CMAKE = -DHK_SANITIZERS=leak,undefined,float-cast-overflow \
	"-DCMAKE_C_FLAGS=-fsanitize-trap=undefined,float-cast-overflow"
else
FUZZ_BUILD = build-fuzz
FUZZ_CMAKE = -DHK_SANITIZERS=address,undefined,float-cast-overflow -DCMAKE_C_FLAGS=
endif
fuzz: deps
	@cmake -S . -B $(FUZZ_BUILD) -DCMAKE_C_COMPILER=clang -DHK_FUZZ=ON -DHK_SANITIZE=ON $(FUZZ_CMAKE) >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target $(FUZZ_HARNESSES)
	@FUZZ_RUNS=$(FUZZ_RUNS) bash fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGET)

# Every input the fast harnesses kept (build-fuzz-fast/fuzz-corpus), run
# once by the AddressSanitizer build.
fuzz-replay: deps
	@cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DHK_FUZZ=ON -DHK_SANITIZE=ON \
	  -DHK_SANITIZERS=address,undefined,float-cast-overflow -DCMAKE_C_FLAGS= >/dev/null
	@cmake --build build-fuzz -j $(JOBS) --target $(FUZZ_HARNESSES)
	@FUZZ_REPLAY=build-fuzz-fast/fuzz-corpus bash fuzz/run.sh build-fuzz 0 $(FUZZ_TARGET)

# The whole ctest suite, browser tests included, built with clang's
# AddressSanitizer and UndefinedBehaviorSanitizer (float-cast-overflow too);
# any finding stops the program and fails its test. scripts/sanitize.sh.
sanitize: web
	@bash scripts/sanitize.sh build-sanitize

clean:
	rm -rf $(BUILD) build-fuzz build-fuzz-fast build-sanitize out
