"""The `organizer` command: parse arguments, run one subcommand, turn errors into one plain line.

Exit codes: 0 done, 1 a user-facing error (one line on stderr), 2 usage error.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from organizer.cli.parser import AddCommand, build_parser
from organizer.core.errors import UserFacingError
from organizer.core.process_guard import disable_core_dumps
from organizer.core.safe_text import TerminalSafeStream

Registration = Callable[[AddCommand], None]

COMMAND_MODULES = ("vault", "records", "case", "people", "case_lists", "questions", "packet",
                   "imaging", "search")
"""The modules under organizer/cli/ whose register() adds subcommands (all of them for --help)."""
COMMANDS: dict[str, str] = {
    **dict.fromkeys(("gui", "init", "list", "verify", "passwd", "recover", "backup"), "vault"),
    **dict.fromkeys(("import", "classify", "tag", "export"), "records"),
    **dict.fromkeys(("checklist", "request", "requests", "request-done", "letter", "received",
                     "not-applicable", "missing", "undo", "leave-out", "guidance", "demo"), "case"),
    **dict.fromkeys(("person", "contact"), "people"),
    **dict.fromkeys(("med", "plan", "insurance", "appointment", "recipient"), "case_lists"),
    "question": "questions",
    "packet": "packet",
    "imaging": "imaging",
    "search": "search",
}
"""Which module registers each subcommand: a command imports only its own module (and what
that needs), not every library of every other command. A name missing here still works: the
parser is then built from every module."""


def _register(module: str) -> Registration:
    found: Registration = importlib.import_module(f"organizer.cli.{module}").register
    return found


def __getattr__(name: str) -> Any:
    """REGISTRATIONS: every module's register(), imported on first use (help, tests)."""
    if name == "REGISTRATIONS":
        registrations = [_register(module) for module in COMMAND_MODULES]
        globals()["REGISTRATIONS"] = registrations
        return registrations
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def registrations_for(argv: Sequence[str]) -> list[Registration]:
    """The register() functions needed to parse `argv`: the command's own module when the first
    argument names a known command, else all of them (help, version, typos)."""
    if "REGISTRATIONS" not in globals():
        if not argv:  # no command: the window opens (`gui`)
            return [_register(COMMANDS["gui"])]
        if argv[0] in COMMANDS:
            return [_register(COMMANDS[argv[0]])]
    registrations: list[Registration] = __getattr__("REGISTRATIONS")
    return registrations


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Everything it prints goes through TerminalSafeStream (file names and
    record text can hold terminal escape codes); the streams are given back afterwards."""
    disable_core_dumps()  # before any vault is opened: a dump would hold keys and names
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalSafeStream(sys.stdout), TerminalSafeStream(sys.stderr)
    try:
        return _run(argv)
    finally:
        sys.stdout, sys.stderr = streams


def _run(argv: Sequence[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(registrations_for(argv))
    args = parser.parse_args(argv)
    if getattr(args, "handler", None) is None:
        args = parser.parse_args(["gui", *argv])
    try:
        return int(args.handler(args))
    except UserFacingError as error:
        print(f"organizer: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("organizer: stopped.", file=sys.stderr)
        return 1
    except Exception as error:
        if os.environ.get("ORGANIZER_DEBUG"):
            raise
        print(f"organizer: something unexpected went wrong ({type(error).__name__}). "
              "Nothing else was changed.", file=sys.stderr)
        return 1
