"""Building the `organizer` argument parser: each commands module registers its own subcommands.

The arguments many commands share (VAULT, --passphrase-file, --person) are declared once here,
as argparse parents, so they read the same in every command's --help.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from organizer import __version__

Handler = Callable[[argparse.Namespace], int]


VAULT = argparse.ArgumentParser(add_help=False)
VAULT.add_argument("vault", metavar="VAULT", help="the vault folder")
SECRET = argparse.ArgumentParser(add_help=False)
SECRET.add_argument("--passphrase-file", type=Path, metavar="F", help="read the passphrase from "
                    "the first line of F (else $ORGANIZER_PASSPHRASE, else ask)")
PERSON = argparse.ArgumentParser(add_help=False)
PERSON.add_argument("--person", metavar="P", help="whose records (name or id)")


def shared(vault: bool = True, secret: bool = True, person: bool = False) -> list[argparse.ArgumentParser]:
    """The parent parsers a command takes: VAULT, --passphrase-file and --person, in that order."""
    return [p for p, wanted in ((VAULT, vault), (SECRET, secret), (PERSON, person)) if wanted]


class AddCommand(Protocol):
    """Adds one subcommand; `vault` adds the VAULT argument, `secret` the --passphrase-file option,
    `person` the --person option."""

    def __call__(self, name: str, handler: Handler, text: str, vault: bool = True,
                 secret: bool = True, person: bool = False) -> argparse.ArgumentParser: ...


def build_parser(registrations: Sequence[Callable[[AddCommand], None]]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="organizer",
        description="Keep medical records in an encrypted vault and build one packet for a "
        "second-opinion doctor. Without a command, the app window opens.",
    )
    parser.add_argument("--version", action="version", version=f"organizer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: Handler, text: str, vault: bool = True,
                secret: bool = True, person: bool = False) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=text, description=text, parents=shared(vault, secret, person))
        p.set_defaults(handler=handler)
        return p

    for register in registrations:
        register(command)
    return parser
