"""Small building blocks shared by the case commands: unlock-and-find-person handlers, action groups."""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable

from organizer.cli.output import unlock
from organizer.cli.parser import AddCommand, Handler, shared
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
    """A handler that unlocks the vault, finds the person (--person), and runs one case action.
    Used as a decorator: the action keeps its own name, the handler it becomes runs it."""

    @functools.wraps(action)
    def handler(args: argparse.Namespace) -> int:
        with unlock(args) as vault:
            action(vault, catalog.find_person(vault, args.person), args)
        return 0

    return handler


def group(command: AddCommand, name: str, text: str) -> Callable[..., argparse.ArgumentParser]:
    """A command with actions (`organizer med add VAULT ...`); each action takes VAULT and --person."""
    parent = command(name, no_action, text, vault=False, secret=False)
    actions = parent.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(
        verb: str, handler: Handler, help_text: str, person: bool = True, listing: bool = False
    ) -> argparse.ArgumentParser:
        p = actions.add_parser(verb, help=help_text, description=help_text,
                               parents=shared(person=person))
        p.set_defaults(handler=handler)
        if listing:
            p.add_argument("--json", action="store_true", help="print JSON")
        return p

    return action


def no_action(args: argparse.Namespace) -> int:
    raise InvalidInput("Please say what to do (see --help).")
