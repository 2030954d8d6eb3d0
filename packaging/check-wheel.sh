#!/usr/bin/env bash
# The wheel and sdist: `python -m build` makes both, `twine check` passes, and the wheel
# installed (not editable) into a clean venv carries every resource and runs from an empty folder.
# Usage: check-wheel.sh [PYTHON]   (a Python with the [package] extra: build, twine)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PY=${1:-.venv/bin/python}
OUT=dist/python
rm -rf "$OUT" build/wheel-venv
"$PY" -m build --outdir "$OUT" . > build/python-build.log 2>&1 || { tail -30 build/python-build.log; exit 1; }
"$PY" -m twine check --strict "$OUT"/*
python3 -m venv build/wheel-venv
build/wheel-venv/bin/python -m pip install --quiet "$OUT"/*.whl
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
"$ROOT/build/wheel-venv/bin/python" - "$ROOT/resources" <<'PY'
import sys
from importlib.resources import files
from pathlib import Path

import organizer
from organizer.core.resources import font_path, resources_folder

source = Path(sys.argv[1])
assert "wheel-venv" in organizer.__file__, organizer.__file__
packaged = files("organizer") / "resources"
expected = [p.relative_to(source) for p in source.rglob("*") if p.is_file() and p.suffix != ".ts"]
missing = [str(p) for p in expected if not packaged.joinpath(*p.parts).is_file()]
assert not missing, f"not in the wheel: {missing}"
assert resources_folder() == Path(str(packaged)), resources_folder()
assert font_path().is_file()
print(f"check-wheel: all {len(expected)} resource files in the installed wheel, found by the app")
PY
"$ROOT/build/wheel-venv/bin/organizer" --version
"$ROOT/build/wheel-venv/bin/organizer" demo "$WORK/demo" > /dev/null
echo "check-wheel: $(ls "$ROOT/$OUT" | tr '\n' ' ')pass twine check; the installed wheel made a demo vault"
