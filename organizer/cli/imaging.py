"""Command-line handlers for imaging discs: import a disc, list the studies, export a file-set."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from organizer.cli.case_support import group
from organizer.cli.output import print_json, unlock
from organizer.cli.parser import AddCommand
from organizer.core import catalog
from organizer.core.imaging.export import export_file_set
from organizer.core.imaging.importer import (
    NOT_DICOM,
    ImagingImportOptions,
    ImagingImportResult,
    ImportProgress,
    import_disc,
)
from organizer.core.imaging.inventory import StudySummary, studies


def cmd_import(args: argparse.Namespace) -> int:
    with unlock(args) as vault:
        person = catalog.find_person(vault, args.person)
        progress = None if args.json else _print_progress
        result = import_disc(vault, Path(args.path), ImagingImportOptions(person, progress))
    if args.json:
        print_json(result.as_json())
    else:
        print(_import_summary(result))
    return 0


def _print_progress(step: ImportProgress) -> None:
    if step.files_done % 100 == 0 or step.files_done == step.files_total:
        print(f"\r{step.files_done}/{step.files_total} files ({step.bytes_done >> 20} of "
              f"{step.bytes_total >> 20} MB)", end="", file=sys.stderr, flush=True)
        if step.files_done == step.files_total:
            print(file=sys.stderr)


def _import_summary(result: ImagingImportResult) -> str:
    lines = [f"{result.imported} image file{'s' * (result.imported != 1)} imported"
             + (f", {result.duplicates} already in the vault" if result.duplicates else "") + "."]
    lines += [f"Note: {note}" for note in result.notes]
    lines += [_study_line(s) for s in result.studies]
    other = [s for s in result.skipped if s.reason == NOT_DICOM]
    for skipped in (s for s in result.skipped if s.reason != NOT_DICOM):
        lines.append(f"Left out: {skipped.file}: {skipped.reason}")
    if other:
        lines.append(f"{len(other)} other file{'s' * (len(other) != 1)} on the disc (such as a "
                     "viewer program) are not images and were left out.")
    if result.cancelled:
        lines.append("The import was stopped. Import the disc again to add the rest; images "
                     "already in the vault are not copied twice.")
    return "\n".join(lines)


def _study_line(study: StudySummary) -> str:
    where = f" — {study.institution}" if study.institution else ""
    line = (f"{study.title}{where}: {len(study.series)} series, {study.images} images, "
            f"{_megabytes(study.bytes)} [{study.study_uid}]")
    return "\n".join([line, *(f"    Note: {w}" for w in study.warnings)])


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{max(1, round(size / 1e3))} KB"


def cmd_list(args: argparse.Namespace) -> int:
    with unlock(args) as vault:
        person = catalog.find_person(vault, args.person) if args.person else None
        found = studies(vault, person)
    if args.json:
        print_json([s.as_json() for s in found])
    elif not found:
        print("No imaging studies in this vault yet.")
    else:
        print("\n".join(_study_line(s) for s in found))
    return 0


def _print_copied(done: int, total: int) -> None:
    if done % 100 == 0 or done == total:
        print(f"\r{done}/{total} images copied", end="\n" if done == total else "",
              file=sys.stderr, flush=True)


def cmd_export(args: argparse.Namespace) -> int:
    with unlock(args) as vault:
        everyone = catalog.people(vault)
        person = catalog.find_person(vault, args.person) if args.person else (
            everyone[0] if len(everyone) == 1 else None)
        result = export_file_set(vault, Path(args.output), person, args.study or None,
                                 progress=_print_copied)
    print(f"Copied {len(result.studies)} stud{'y' if len(result.studies) == 1 else 'ies'} "
          f"({result.images} images, {_megabytes(result.bytes)}) to {result.folder} and checked "
          "every file against the vault. Open the DICOMDIR file there in a DICOM viewer.")
    return 0


def register(command: AddCommand) -> None:
    action = group(command, "imaging", "imaging discs (CT, MRI, PET scans): import, list, export")
    imp = action("import", cmd_import, "import a disc, a folder of images, or a zip of a disc",
                 listing=True)
    imp.add_argument("path", metavar="PATH", help="the disc's folder (or drive), or a zip")
    action("list", cmd_list, "list the imaging studies in the vault", listing=True)
    exp = action("export", cmd_export, "copy imaging as a DICOM file-set (DICOMDIR + files)")
    exp.add_argument("-o", "--output", required=True, metavar="DIR", help="an empty folder")
    exp.add_argument("--study", nargs="+", metavar="UID", help="only these studies")
