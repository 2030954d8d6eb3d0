"""Command-line handlers for records: import, classify, tag and export."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from organizer.cli.output import print_json, unlock
from organizer.cli.parser import AddCommand
from organizer.cli.passphrase import read_secret_file
from organizer.cli.portal import portal_medicines
from organizer.core import catalog
from organizer.core.document_edits import change_type
from organizer.core.errors import IntakeError, InvalidInput
from organizer.core.intake.analysis import Analysis
from organizer.core.intake.importer import (
    IMPORTED,
    ImportOptions,
    ImportResult,
    expand_sources,
    import_files,
)
from organizer.core.intake.sandbox import FileReader
from organizer.core.intake.source_file import read_source
from organizer.core.records import RecordType
from organizer.core.safe_text import printable


def record_type(text: str) -> RecordType:
    try:
        return RecordType(text.strip().lower())
    except ValueError:
        choices = ", ".join(t.value for t in RecordType)
        raise InvalidInput(f"{text!r} is not a record type. Choose one of: {choices}.") from None


def _passwords(path: Path | None) -> list[str]:
    if path is None:
        return []
    read_secret_file(path, "PDF password")  # one clear error when missing or empty
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line]


def cmd_import(args: argparse.Namespace) -> int:
    sources = expand_sources([Path(p) for p in args.files])
    forced = record_type(args.type) if args.type else None
    passwords = _passwords(args.pdf_password_file)
    with FileReader() as reader:
        reader.start()  # the readers load their libraries while the passphrase is checked
        with unlock(args) as vault:
            person = catalog.find_person(vault, args.person)
            progress = None if args.json else _print_progress
            options = ImportOptions(person, forced, passwords, progress,
                                    pages=None if args.json else _print_pages)
            result = import_files(vault, sources, options, reader)
            found = portal_medicines(vault, person, result, add=args.add_medicines)
    if args.json:
        print_json([{**o.as_json(), **found.for_outcome(o)} for o in result.outcomes])
    else:
        print(_summary(result))
        if found.message:
            print(found.message)
    return 0


def _print_progress(done: int, total: int, outcome: object) -> None:
    from organizer.core.intake.importer import FileOutcome

    assert isinstance(outcome, FileOutcome)
    print(f"[{done}/{total}] {printable(outcome.source)}: {printable(outcome.message)}")
    for warning in outcome.warnings:
        print(f"    Note: {printable(warning)}")


def _print_pages(source: str, done: int, total: int) -> None:
    if done:
        print(f"    Reading the text on the pictures of {printable(Path(source).name)}: "
              f"page {done} of {total}")


def _summary(result: ImportResult) -> str:
    parts = [f"{result.count(IMPORTED)} imported"]
    for status, words in (("duplicate", "already in the vault"), ("needs_password", "need a password"),
                          ("rejected", "could not be read"), ("cancelled", "not imported (stopped)")):
        if result.count(status):
            parts.append(f"{result.count(status)} {words}")
    return "Done: " + ", ".join(parts) + "."


def cmd_classify(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.files]
    problems: dict[int, str] = {}
    contents: list[tuple[int, bytes]] = []
    for index, path in enumerate(paths):
        try:
            contents.append((index, read_source(path)))
        except IntakeError as error:
            problems[index] = error.message
        except OSError as error:
            problems[index] = f"Could not read the file ({error.strerror})."
    with FileReader() as reader:
        items = [(data, paths[index].name, None) for index, data in contents]
        results = {contents[pos][0]: result for pos, result in reader.read_many(items)}
    answers = [_classify_answer(str(path), problems.get(i), results.get(i))
               for i, path in enumerate(paths)]
    if args.json:
        print_json(answers)
        return 0
    for a in answers:
        unsure = ", unsure" if a.get("unsure") else ""
        shown = a.get("error") or f"{a['type']} ({a['confidence']:.0%}{unsure})"
        print(f"{printable(a['file'])}: {printable(shown)}")
    return 0


def _classify_answer(file: str, problem: str | None, result: object) -> dict[str, object]:
    if problem or result is None:
        return {"file": file, "error": problem or "Could not read the file."}
    if isinstance(result, IntakeError):
        if result.details and os.environ.get("ORGANIZER_DEBUG"):  # for support: what went wrong
            print(f"organizer: {file}: {result.details}", file=sys.stderr)
        return {"file": file, "error": result.message}
    assert isinstance(result, Analysis)
    c = result.classification
    return {"file": file, "type": c.best.value, "confidence": round(c.confidence, 3),
            "evidence": list(c.evidence), "unsure": c.type is None,
            "pages": result.pages, "scanned": result.scanned, "ocr": result.ocr,
            "ocr_pages": [n for n, page in enumerate(result.ocr_pages, 1) if page is not None],
            "rotation": result.rotation, "page_rotations": list(result.page_rotations)}


def cmd_tag(args: argparse.Namespace) -> int:
    chosen = record_type(args.type)
    with unlock(args) as vault:
        change_type(vault, args.doc_id, chosen)  # a case edit: `organizer undo` takes it back
        document = catalog.get_document(vault, args.doc_id)
    print(f"{printable(document.filename)} is now filed as: {chosen.label}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.is_dir():
        raise InvalidInput(f"{out} is a folder. Please give a file name ending in .pdf.")
    with unlock(args) as vault:
        document = catalog.save_document_copy(vault, args.doc_id, out, readable=args.readable)
    print(f"Saved {printable(document.filename)} to {printable(out)}.", file=sys.stdout)
    return 0


def register(command: AddCommand) -> None:
    imp = command("import", cmd_import, "import records into a vault: PDFs, photos/scans, and "
                  "patient-portal downloads (C-CDA, FHIR, their zips)", person=True)
    imp.add_argument("files", nargs="+", metavar="FILE", help="files or folders to import")
    imp.add_argument("--type", metavar="T", help="file every record as this type")
    imp.add_argument("--pdf-password-file", type=Path, metavar="F",
                     help="passwords for protected PDFs, one per line")
    imp.add_argument("--json", action="store_true", help="print JSON")
    imp.add_argument("--add-medicines", action="store_true",
                     help="add medicines found in portal records to the medicine list")
    cls = command("classify", cmd_classify, "say what kind of record each file is (no vault needed)",
                  vault=False, secret=False)
    cls.add_argument("files", nargs="+", metavar="FILE")
    cls.add_argument("--json", action="store_true", help="print JSON")
    tag = command("tag", cmd_tag, "file a document as a record type (your choice always wins)")
    tag.add_argument("doc_id", metavar="DOC_ID")
    tag.add_argument("type", metavar="TYPE")
    exp = command("export", cmd_export, "save one document from the vault as the file it "
                  "came in (a portal record: --readable for its readable PDF)")
    exp.add_argument("doc_id", metavar="DOC_ID")
    exp.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    exp.add_argument("--readable", action="store_true",
                     help="for a portal record, our readable PDF instead of the original file")
