"""Each command loads only its own module: `organizer list` does not import the packet or DICOM,
and `organizer import` leaves the PDF libraries to its reader processes."""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from organizer import cli
from organizer.cli.parser import build_parser

HEAVY = ("fpdf", "pydicom", "organizer.core.packet.build", "organizer.core.case.checklist",
         "organizer.core.imaging.importer", "PySide6", "pikepdf", "pypdfium2")


def _commands(registrations: list[cli.Registration]) -> list[str]:
    parser = build_parser(registrations)
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return list(sub.choices)


@pytest.mark.parametrize("module", cli.COMMAND_MODULES)
def test_each_listed_command_is_registered_by_its_module(module: str) -> None:
    registered = _commands([importlib.import_module(f"organizer.cli.{module}").register])
    assert sorted(registered) == sorted(n for n, m in cli.COMMANDS.items() if m == module)


def test_every_command_is_listed_so_it_loads_alone() -> None:
    assert sorted(_commands(cli.REGISTRATIONS)) == sorted(cli.COMMANDS), (
        "add new subcommands to organizer.cli.COMMANDS (they work without, but load everything)")


def test_help_and_unknown_commands_use_every_module() -> None:
    assert _commands(cli.registrations_for(["--help"])) == _commands(cli.REGISTRATIONS)
    assert _commands(cli.registrations_for(["no-such-command"])) == _commands(cli.REGISTRATIONS)


def _modules_after(argv: list[str]) -> tuple[int, set[str]]:
    code = ("import json, sys\nfrom organizer.cli import main\n"
            f"rc = main({argv!r})\nprint(json.dumps([rc, sorted(sys.modules)]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={"PATH": "/usr/bin:/bin", "ORGANIZER_PASSPHRASE": "x"})
    rc, modules = json.loads(done.stdout.splitlines()[-1])
    return rc, set(modules)


@pytest.mark.parametrize("argv", [["list"], ["import", "missing.pdf"]])
def test_a_command_does_not_import_what_only_other_commands_need(
    argv: list[str], tmp_path: Path
) -> None:
    rc, modules = _modules_after([argv[0], str(tmp_path / "no-vault"), *argv[1:]])
    assert rc == 1  # a plain error: there is no vault there
    assert f"organizer.cli.{cli.COMMANDS[argv[0]]}" in modules
    assert not modules & set(HEAVY)
