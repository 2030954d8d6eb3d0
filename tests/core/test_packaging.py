"""Installers' recipe: the PyInstaller spec and its entry, the wheel's resources, licences, menu entry."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from organizer.core.third_party import packages, report, runtime_distributions

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
PACKAGING = ROOT / "packaging"
APP_ID = "org.secondopinion.Organizer"


def _shipped_resources() -> list[Path]:
    return sorted(p.relative_to(RESOURCES) for p in RESOURCES.rglob("*")
                  if p.is_file() and p.suffix != ".ts" and "__pycache__" not in p.parts)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout, offline (setuptools from the test extra)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "--wheel-dir", str(out), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    return next(out.glob("*.whl"))


def test_the_spec_freezes_the_cli_entry_with_every_resource_folder() -> None:
    spec = (PACKAGING / "organizer.spec").read_text(encoding="utf-8")
    compile(spec, "organizer.spec", "exec")
    assert '"organizer" / "__main__.py"' in spec
    assert 'collect_submodules("organizer")' in spec  # subcommands are imported by name
    for folder in {p.parts[0] for p in _shipped_resources()}:
        assert f'"resources" / "{folder}"' in spec or folder == "translations", folder
    assert '"resources" / "translations").glob("*.qm")' in spec


def test_the_frozen_entry_calls_freeze_support_before_importing_the_app() -> None:
    """A file-reading worker of a frozen build re-runs the entry: freeze_support must take it
    over before the app's imports run (and before the CLI would start a second app)."""
    tree = ast.parse((ROOT / "organizer" / "__main__.py").read_text(encoding="utf-8"))
    top_imports = [n for n in tree.body if isinstance(n, ast.ImportFrom) and n.module
                   and n.module.startswith("organizer")]
    assert top_imports == []
    guard = next(n for n in tree.body if isinstance(n, ast.If))
    first = guard.body[0]
    assert isinstance(first, ast.Expr) and isinstance(first.value, ast.Call)
    assert ast.unparse(first.value) == "multiprocessing.freeze_support()"


def test_the_wheel_carries_every_resource(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [str(p) for p in _shipped_resources()
               if f"organizer/resources/{p.as_posix()}" not in names]
    assert missing == []
    assert not any(name.endswith(".ts") for name in names)


def test_resources_resolve_from_an_installed_wheel_without_the_checkout(
        wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--target", str(target), str(wheel)], check=True, capture_output=True, timeout=300)
    check = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from importlib.resources import files\n"
        "import organizer\n"
        "from organizer.core.resources import font_path, resources_folder\n"
        "assert organizer.__file__.startswith(sys.argv[1]), organizer.__file__\n"
        "data = files('organizer') / 'resources'\n"
        "for part in sys.argv[2:]:\n"
        "    assert data.joinpath(*part.split('/')).is_file(), part\n"
        "assert str(resources_folder()) == str(data) and font_path().is_file()\n"
    )
    wanted = [p.as_posix() for p in _shipped_resources()]
    # -S: no site-packages, so neither this checkout's editable install nor the venv is seen.
    subprocess.run([sys.executable, "-S", "-c", check, str(target), *wanted],
                   check=True, cwd=tmp_path, timeout=60)


def test_pyproject_ships_the_launchers_and_keeps_build_tools_out_of_the_runtime() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["organizer"] == "organizer.cli:main"
    assert project["gui-scripts"]["second-opinion-organizer"] == "organizer.cli:main"
    runtime = " ".join(project["dependencies"]).lower()
    for tool in ("pyinstaller", "build", "twine"):
        assert any(r.lower().startswith(tool) for r in project["optional-dependencies"]["package"])
        assert tool not in runtime


def test_the_licence_report_has_every_runtime_library_and_its_text() -> None:
    found = packages()
    names = {p.name.lower().replace("_", "-") for p in found}
    for needed in ("pyside6-essentials", "pikepdf", "cryptography", "pypdfium2", "fpdf2"):
        assert needed in names
    assert not {"pytest", "hypothesis", "mypy", "pyinstaller"} & names  # test and build tools
    text = report(found, [("Extra licence", "The extra text.")])
    pikepdf = next(p for p in found if p.name == "pikepdf")
    assert pikepdf.texts and pikepdf.texts[0][1][:60] in text
    assert text.rstrip().endswith("The extra text.")
    assert len(runtime_distributions()) == len(found)


def test_the_menu_entry_and_software_centre_data_name_the_app_and_its_icon() -> None:
    desktop = (PACKAGING / "linux" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    metainfo = (PACKAGING / "linux" / f"{APP_ID}.metainfo.xml.in").read_text(encoding="utf-8")
    icon = "second-opinion-organizer"
    assert f"Icon={icon}\n" in desktop and f"<icon type=\"stock\">{icon}</icon>" in metainfo
    assert (RESOURCES / "icons" / f"{icon}.svg").is_file()
    assert f"<id>{APP_ID}</id>" in metainfo and f">{APP_ID}.desktop<" in metainfo
    assert f'DESKTOP_ID = "{APP_ID}"' in (ROOT / "organizer" / "app.py").read_text(encoding="utf-8")
    for shot in ("main-window", "start", "records", "packet-wizard"):
        assert f"docs/screenshots/{shot}.png" in metainfo
        assert (ROOT / "docs" / "screenshots" / f"{shot}.png").is_file()
