"""Small building blocks shared by the case commands: unlock-and-find-person handlers, action groups."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from organizer.cli.output import unlock
from organizer.cli.parser import AddCommand, Handler
from organizer.core import catalog
from organizer.core.errors import InvalidInput
from organizer.core.records import Person
from organizer.core.user_dates import from_stored
from organizer.core.vault import Vault

CaseAction = Callable[[Vault, Person, argparse.Namespace], None]
DATE_HELP = ("a date as you would write it: 3/12/2024, 23.04.1958, 7 March 2024, April 2024 or "
             "2024 (3/12/2024 follows your computer's date order)")


def dates_read(**stored: str) -> str:
    """' Read the start date as 12 March 2024.' for each stored date given, so misreadings show."""
    said = []
    for name, value in stored.items():
        found = from_stored(value)
        if found is not None:
            said.append(f" Read the {name.replace('_', ' ')} date as {found.words()}.")
    return "".join(said)


def case_handler(action: CaseAction) -> Handler:
    """A handler that unlocks the vault, finds the person, and runs one case action."""

    def handler(args: argparse.Namespace) -> int:
        with unlock(args) as vault:
            action(vault, catalog.find_person(vault, args.person), args)
        return 0

    return handler


def said(text: str) -> CaseAction:
    def action(vault: Vault, person: Person, args: argparse.Namespace) -> None:
        print(text.format(**{**vars(args), "person": person.name}))

    return action


def then(first: Callable[[Vault, Person, argparse.Namespace], Any], text: str) -> Handler:
    def action(vault: Vault, person: Person, args: argparse.Namespace) -> None:
        first(vault, person, args)
        said(text)(vault, person, args)

    return case_handler(action)


def then_print(first: CaseAction, text: str) -> CaseAction:
    def action(vault: Vault, person: Person, args: argparse.Namespace) -> None:
        first(vault, person, args)
        print(text)

    return action


def group(command: AddCommand, name: str, text: str) -> Callable[..., argparse.ArgumentParser]:
    """A command with actions (`organizer med add VAULT ...`); each action takes VAULT and --person."""
    parent = command(name, no_action, text, vault=False, secret=False)
    actions = parent.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(
        verb: str, handler: Handler, help_text: str, person: bool = True, listing: bool = False
    ) -> argparse.ArgumentParser:
        p = actions.add_parser(verb, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        vault_options(p, person)
        if listing:
            p.add_argument("--json", action="store_true", help="print JSON")
        return p

    return action


def no_action(args: argparse.Namespace) -> int:
    raise InvalidInput("Please say what to do (see --help).")


def vault_options(p: argparse.ArgumentParser, person: bool = True) -> None:
    p.add_argument("vault", metavar="VAULT", help="the vault folder")
    p.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="F",
        help="read the passphrase from the first line of F (else $ORGANIZER_PASSPHRASE)",
    )
    if person:
        p.add_argument("--person", metavar="P", help="whose case (name or id)")


def single(command: AddCommand, name: str, handler: Handler, text: str) -> argparse.ArgumentParser:
    p = command(name, handler, text)
    p.add_argument("--person", metavar="P", help="whose case (name or id)")
    return p
