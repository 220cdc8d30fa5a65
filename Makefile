# Alliance — the two commands a newcomer types. CMake does the real work.
#   make run    install what is missing, build, load the demo once, serve on :8080
#   make test   install what the tests need, build with sanitizers, run every test
.POSIX:
.PHONY: all run test build bench format clean

DATA ?= alliance-data
LISTEN ?= 127.0.0.1:8080
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

all: build

build:
	tools/install-deps build
	cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build build -j $(JOBS)

run: build
	build/alliance demo --data $(DATA)
	@echo
	@echo "Alliance is starting on http://$(LISTEN) (Ctrl-C stops it)."
	@echo "The demo: the Ghana WASH Learning Alliance at http://$(LISTEN)/alliances/ghana-wash"
	@echo
	build/alliance serve --data $(DATA) --listen $(LISTEN)

test:
	tools/install-deps test
	tools/check-banned
	tools/check-format
	cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DALLIANCE_SANITIZE=ON >/dev/null
	cmake --build build-test -j $(JOBS)
	cd build-test && ctest --output-on-failure -j $(JOBS)

bench:
	tools/install-deps bench
	bench/run

format:
	clang-format -i src/*/*.c src/*/*.h tests/unit/*.c

clean:
	rm -rf build build-test
