"""What the Imaging page says after adding a disc or copying to a drive, in plain words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from organizer.core.imaging.export import ExportResult
from organizer.core.imaging.importer import NOT_DICOM, STOPPED, ImagingImportResult


def _tr(text: str) -> str:
    return QCoreApplication.translate("imaging", text)


def import_message(result: ImagingImportResult) -> str:
    studies = (_tr("1 study") if len(result.studies) == 1
               else _tr("{0} studies").format(len(result.studies)))
    lines = [_tr("Added {0} images from the disc \u201c{1}\u201d ({2}).").format(
        result.imported, result.disc, studies)]
    if result.duplicates and not result.imported:
        lines = [_tr("The images on the disc \u201c{0}\u201d were all in the vault already; "
                     "nothing was copied twice.").format(result.disc)]
    elif result.duplicates:
        lines.append(_tr("{0} images were already in the vault and were not copied again.")
                     .format(result.duplicates))
    lines += [f"⚠ {note}" for note in result.notes]
    damaged = [s for s in result.skipped if s.reason not in (NOT_DICOM, STOPPED)]
    other = sum(1 for s in result.skipped if s.reason == NOT_DICOM)
    lines += [_tr("Left out: {0} — {1}").format(s.file, s.reason) for s in damaged[:10]]
    if len(damaged) > 10:
        lines.append(_tr("…and {0} more files that could not be used.").format(len(damaged) - 10))
    if other:
        lines.append(_tr("{0} other files on the disc (such as a viewer program) are not images; "
                         "they were left out.").format(other))
    if result.cancelled:
        lines.append(_tr("Stopped. The images added so far are kept; add the disc again to "
                         "finish (nothing is copied twice)."))
    return "\n".join(lines)


def export_message(result: ExportResult) -> str:
    studies = (_tr("1 study") if len(result.studies) == 1
               else _tr("{0} studies").format(len(result.studies)))
    return _tr("Copied {0} ({1} images) to {2} and checked every file. The doctor can open the "
               "DICOMDIR file there in any DICOM viewer; README.txt says what is on it.").format(
        studies, result.images, result.folder)
