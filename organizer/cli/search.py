"""Command-line handler for `organizer search VAULT QUERY… [--person P] [--type T] [--json]`."""

from __future__ import annotations

import argparse

from organizer.cli.output import print_json, unlock
from organizer.cli.parser import AddCommand
from organizer.core import catalog
from organizer.core.errors import InvalidInput
from organizer.core.records import RecordType
from organizer.core.safe_text import printable


def _record_type(text: str) -> str:
    try:
        return RecordType(text.strip().lower()).value
    except ValueError:
        choices = ", ".join(t.value for t in RecordType)
        raise InvalidInput(f"{text!r} is not a record type. Choose one of: {choices}.") from None


def cmd_search(args: argparse.Namespace) -> int:
    from organizer.core.search import search_records

    wanted_type = _record_type(args.type) if args.type else None
    text = " ".join(args.query)
    with unlock(args) as vault:
        person = catalog.find_person(vault, args.person).id if args.person else None
        result = search_records(vault, text, person=person, record_type=wanted_type)
    if result.message:
        raise InvalidInput(result.message)
    if args.json:
        print_json([hit.as_json() for hit in result.hits])
        return 0
    for hit in result.hits:
        kind = RecordType(hit.type).label if hit.type in RecordType._value2member_map_ else "Not sure"
        when = f" · {hit.date}" if hit.date else ""
        print(printable(f"{hit.id}  {hit.title or 'Untitled'} ({kind}{when}) · page {hit.page}"
                        f": {hit.snippet}"))
    if not result.hits:
        print("No records hold all of these words.")
    return 0


def register(command: AddCommand) -> None:
    found = command("search", cmd_search, "find records by the words in them, best first",
                    person=True)
    found.add_argument("query", nargs="+", metavar="QUERY",
                       help='words to find (prefixes work; "a phrase" in quotes; OR for either)')
    found.add_argument("--type", metavar="T", help="only records of this type")
    found.add_argument("--json", action="store_true", help="print JSON")
