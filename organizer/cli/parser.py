"""Building the `organizer` argument parser: each commands module registers its own subcommands."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from organizer import __version__

Handler = Callable[[argparse.Namespace], int]


class AddCommand(Protocol):
    """Adds one subcommand; `vault` adds the VAULT argument, `secret` the --passphrase-file option."""

    def __call__(self, name: str, handler: Handler, text: str, vault: bool = True,
                 secret: bool = True) -> argparse.ArgumentParser: ...


def build_parser(registrations: Sequence[Callable[[AddCommand], None]]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="organizer",
        description="Keep medical records in an encrypted vault and build one packet for a "
        "second-opinion doctor. Without a command, the app window opens.",
    )
    parser.add_argument("--version", action="version", version=f"organizer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: Handler, text: str, vault: bool = True,
                secret: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=text, description=text)
        p.set_defaults(handler=handler)
        if vault:
            p.add_argument("vault", metavar="VAULT", help="the vault folder")
        if secret:
            p.add_argument("--passphrase-file", type=Path, metavar="F",
                           help="read the passphrase from the first line of F "
                                "(else $ORGANIZER_PASSPHRASE, else ask)")
        return p

    for register in registrations:
        register(command)
    return parser
