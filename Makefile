# Second Opinion Organizer — `make run` and `make test` set everything up on Debian/Ubuntu.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test check bench stress system-deps clean translations package

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

system-deps:
	@bash packaging/linux/system-deps.sh

run: $(STAMP) system-deps
	$(VENV)/bin/organizer gui

# pytest exits 5 when it collects nothing: that means the suite went missing, so fail loudly.
test: $(STAMP) system-deps
	@QT_QPA_PLATFORM=offscreen $(PY) -m pytest -p no:cacheprovider; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: no tests were collected - the suite is missing"; exit 1; fi; \
	exit $$rc

check: $(STAMP)
	$(VENV)/bin/ruff check organizer tests
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

bench: $(STAMP) system-deps
	@for script in tests/bench/bench_*.py; do \
		echo "== $$script"; QT_QPA_PLATFORM=offscreen $(PY) $$script || exit 1; done

stress: $(STAMP)
	ORGANIZER_CRASH_KILLS=200 $(PY) -m pytest -p no:cacheprovider -q -s tests/core/test_vault_crash.py
	$(PY) tests/bench/bench_vault.py --rollback-only
	ORGANIZER_REKEY_KILLS=40 $(PY) -m pytest -p no:cacheprovider -q -s tests/core/test_vault_rekey.py
	$(PY) tests/bench/stress_hostile_import.py

# Update the Spanish strings after changing UI text (translate the new ones in the .ts, e.g. with
# pyside6-linguist), then compile them: the app loads the .qm.
TS := resources/translations/organizer_es.ts
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -extensions py -locations none -no-obsolete -target-language es \
		organizer/ui organizer/app.py -ts $(TS)
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis

# Installers: the frozen app (PyInstaller), the .deb and the .tar.gz in dist/, checked with
# desktop-file-validate, appstreamcli and lintian, then packaging/smoke-test.sh. About 2 to 5
# minutes; not part of `make test` (CI runs the fast tests/core/test_packaging.py instead).
PACKAGE_STAMP := $(VENV)/.package-stamp
$(PACKAGE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,package]'
	touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP) system-deps
	bash packaging/build-linux.sh $(PY)
	bash packaging/check-wheel.sh $(PY)
