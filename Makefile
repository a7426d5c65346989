# parkstat: the two commands a newcomer needs are `make demo` and `make test` (see README.md).
SWIFT   ?= swift
BIN     := .build/release/parkstat
SHARED  := ../shared
CORPUS  := $(SHARED)/corpus

.PHONY: deps build demo test test-swift test-corpus test-python fixtures bench fuzz sanitize test-asan test-tsan clean

deps:
	@sh scripts/ensure-deps.sh --python

build: deps
	$(SWIFT) build -c release

# The main job on the sample inbox: validate and store every month, write each period's outputs.
demo: build
	$(BIN) run fixtures/inbox --out out

# test-asan is part of CI: cold it adds about 4 minutes (a debug build with ASan, the suite again).
test: deps test-swift test-corpus test-python test-asan

test-swift:
	$(SWIFT) build -c release
	$(SWIFT) test

# Conformance with the shared corpus: 155 real workbooks plus 24 files that must be rejected.
test-corpus:
	@if [ -d "$(CORPUS)/visible" ]; then \
	  python3 $(CORPUS)/compare.py --quiet --dir $(CORPUS)/visible --dir $(CORPUS)/bad \
	    --cmd '$(BIN) dump --format jsonl {file}'; \
	else echo "未找到 $(CORPUS)，跳过语料一致性检查"; fi

test-python:
	@if [ -d fixtures/tests ]; then python3 -m pytest -q fixtures/tests; fi

fixtures:
	python3 fixtures/reader/make_reader_fixtures.py
	@if [ -f fixtures/gen/make_fixtures.py ]; then python3 fixtures/gen/make_fixtures.py; fi

bench: build
	sh bench/setup.sh
	python3 bench/read_bench.py

# libFuzzer + AddressSanitizer over the reader; FUZZ_SECONDS per corpus (zip packages, bare XML).
FUZZ_SECONDS ?= 300
fuzz: deps
	sh scripts/fuzz.sh $(FUZZ_SECONDS)

# The test suite under AddressSanitizer and ThreadSanitizer, each in its own scratch path (sanitized
# objects cannot share a build folder); CLI tests run the sanitized parkstat built beside the tests.
sanitize: deps test-asan test-tsan

# Leaks inside the toolchain's libraries (XCTest, Foundation) are suppressed: see scripts/lsan.supp.
test-asan:
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp $(SWIFT) test --sanitize=address --scratch-path .build-asan

# Synchronization.Mutex is invisible to TSan on Linux (false races): see scripts/tsan.supp.
test-tsan:
	TSAN_OPTIONS=suppressions=$(CURDIR)/scripts/tsan.supp $(SWIFT) test --sanitize=thread --scratch-path .build-tsan

clean:
	rm -rf .build out/*
