# hazard_desktop — `make run` and `make test` set up everything on a fresh Debian machine with Python 3.11.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export LANG := C.UTF-8
export LC_ALL := C.UTF-8
# Bytecode and pytest's rewritten test modules are cached in __pycache__ (ignored by git): without the
# cache every test run compiles every module again (~5 s of a 30 s make test-fast).
unexport PYTHONDONTWRITEBYTECODE

# Debian packages: Qt offscreen (libEGL, libGL, fontconfig, xkbcommon, glib, dbus), PDF checks (poppler; zbar decodes the printed QR codes),
# PyInstaller (binutils). Installed with apt-get when running as root; otherwise listed for the user.
DEB_PACKAGES := libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 \
                libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 \
                libxcb-xkb1 libxkbcommon-x11-0 poppler-utils zbar-tools binutils

TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

.PHONY: run test test-fast system-deps venv translations demo lint typecheck lock dist dist-check bench bench-statistics clean

run: system-deps venv translations
	$(PY) -m hazard_desktop $(ARGS)

# Two worker processes (pytest-xdist), one test file at a time each, so a file's module fixtures are built once;
# each worker builds its own run-wide fixtures (template database); the shared demo is built once (tests/shared_build.py).
# Files go out in collection order (--no-loadscope-reorder; xdist would hand out the files with most tests first),
# which tests/conftest.py RUN_FIRST starts with the costliest. `make test TEST_JOBS=0`: one process.
TEST_JOBS ?= 2
# The tests' folders go on a RAM disk (tmpfs) when one with 4 GB free is there, so their commits do not wait for
# the disk to sync (a full run on the 2-core machine: 197 s → 161 s); otherwise the usual temporary folder. Each
# checkout gets a folder of its own, emptied before and removed after the run.
RAM_TMP := $(shell d=/dev/shm; free=$$(df -Pk $$d 2>/dev/null | awk 'NR==2 {print $$4}'); \
  if [ -d $$d ] && [ -w $$d ] && [ "$${free:-0}" -gt 4194304 ]; then \
  echo "$$d/hazard-desktop-tests-$$(id -u)-$$(printf '%s' '$(CURDIR)' | cksum | cut -d' ' -f1)"; fi)
PYTEST := $(if $(RAM_TMP),TMPDIR=$(RAM_TMP)/tmp )$(PY) -m pytest $(if $(RAM_TMP),--basetemp=$(RAM_TMP)/pytest)
RAM_TMP_MAKE := $(if $(RAM_TMP),rm -rf $(RAM_TMP) && mkdir -p $(RAM_TMP)/tmp,true)
RAM_TMP_DROP := $(if $(RAM_TMP),rm -rf $(RAM_TMP),true)

test: system-deps venv translations
	@$(RAM_TMP_MAKE)
	$(PYTEST) -n $(TEST_JOBS) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS); \
	  status=$$?; $(RAM_TMP_DROP); exit $$status

# The edit-run loop (≤ 30 s on an idle 2-core machine: ~50 s of CPU in two workers): domain, services on the
# fakes, the UI's quick tests; no storage tests, no processes, no UI module of 3 s or more (tests/conftest.py
# SLOW_UI). The two folders are not even imported: their collection alone costs seconds.
test-fast: system-deps venv translations
	@$(RAM_TMP_MAKE)
	$(PYTEST) -n $(TEST_JOBS) --dist loadfile --no-loadscope-reorder -m "not storage and not slow" --ignore=tests/integration \
	  --ignore=tests/e2e -q $(PYTEST_ARGS); status=$$?; $(RAM_TMP_DROP); exit $$status

system-deps: .stamp-system-deps
.stamp-system-deps: Makefile
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "Please install:$$missing (sudo apt-get install$$missing)"; exit 1; \
	  fi; \
	fi
	@touch $@

# Every package, direct or not, at the version in requirements.lock (`make lock` refreshes it).
venv: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q "pip==$(PIP_VERSION)"
	$(PY) -m pip install -q -c requirements.lock -e ".[test,build]"
	@touch $@

PIP_VERSION := $(shell sed -n 's/^\# pip==//p' requirements.lock)

# Resolve the pins of pyproject.toml afresh in a throw-away venv and write the whole tree to requirements.lock.
lock:
	rm -rf build/lock-venv
	$(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/python -m pip install -q --upgrade pip
	build/lock-venv/bin/python -m pip install -q -e ".[test,build]"
	{ echo "# The whole dependency tree of .[test,build], written by 'make lock' (do not edit by hand)."; \
	  echo "# Used as pip constraints by 'make venv' and CI. Python $$(build/lock-venv/bin/python -c 'import platform; print(platform.python_version())'), $$(uname -sm);"; \
	  echo "# packages only another platform needs (e.g. pefile for PyInstaller on Windows) are not constrained."; \
	  echo "# pip==$$(build/lock-venv/bin/python -m pip --version | cut -d' ' -f2)"; \
	  build/lock-venv/bin/python -m pip freeze --exclude-editable; } > requirements.lock
	rm -rf build/lock-venv
	@echo "requirements.lock: $$(grep -vc '^#' requirements.lock) packages"

translations: $(QM_FILES)
resources/translations/%.qm: resources/translations/%.ts | venv
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# Demo data goes into its own folder, never into the real register (the default data folder):
# `make run ARGS="--data-dir demo-data"` opens it. `demo` refuses a folder that already holds a register.
DEMO_DIR ?= demo-data
demo: venv translations
	$(PY) -m hazard_desktop demo --create --data-dir $(DEMO_DIR) $(ARGS)

lint: venv
	$(VENV)/bin/ruff check hazard_desktop tests benchmarks installer
	$(VENV)/bin/ruff format --check hazard_desktop tests benchmarks installer

# mypy on the layers without Qt and the tests' fakes (configured in pyproject.toml, [tool.mypy]).
typecheck: venv
	$(VENV)/bin/mypy

# Standalone one-folder build (dist/hazard_desktop: hazard_desktop + hazard-desktop-cli) and its headless check.
dist: system-deps venv translations
	@$(PY) -c "import PyInstaller" 2>/dev/null || $(PY) -m pip install -q -e ".[build]"
	$(PY) installer/gen_version_info.py
	@start=$$(date +%s%N); \
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
	  installer/hazard_desktop.spec && \
	echo "dist: built dist/hazard_desktop in $$(( ($$(date +%s%N) - start) / 1000000 )) ms, $$(du -sh dist/hazard_desktop | cut -f1)"

dist-check: venv
	@test -x dist/hazard_desktop/hazard-desktop-cli || { echo "no build: run 'make dist' first"; exit 1; }
	$(PY) installer/dist_check.py --dist dist/hazard_desktop $(ARGS)

bench: venv
	$(PY) benchmarks/register.py $(ARGS)

# The statistics window's refresh at 100,000 hazards against the same GROUP BY queries through sqlite3 (≤ 1.5×).
bench-statistics: venv
	$(PY) benchmarks/statistics_window.py $(ARGS)

clean:
	rm -rf build dist .stamp-* resources/translations/*.qm
