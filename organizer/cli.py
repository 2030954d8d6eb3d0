"""The `organizer` command: parse arguments, run one subcommand, turn errors into one plain line.

Exit codes: 0 done, 1 a user-facing error (one line on stderr), 2 usage error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from organizer import (
    commands_case,
    commands_case_lists,
    commands_imaging,
    commands_packet,
    commands_records,
    commands_vault,
)
from organizer.cli_parser import build_parser
from organizer.core.errors import UserFacingError
from organizer.core.process_guard import disable_core_dumps
from organizer.core.safe_text import TerminalSafeStream

REGISTRATIONS = [commands_vault.register, commands_records.register, commands_case.register,
                 commands_case_lists.register, commands_packet.register]
REGISTRATIONS.append(commands_imaging.register)


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
    parser = build_parser(REGISTRATIONS)
    args = parser.parse_args(argv)
    if getattr(args, "handler", None) is None:
        args = parser.parse_args(["gui", *(argv or [])])
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
