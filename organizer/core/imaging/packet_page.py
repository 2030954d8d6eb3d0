"""Writing the packet's "Imaging studies" page: what was scanned, when, where, and how it travels."""

from __future__ import annotations

from collections.abc import Sequence

from organizer.core.imaging.packet_rows import ImagingRow
from organizer.core.packet.page_writer import PageWriter

TITLE = "Imaging studies"
COLUMNS = ("Date", "Type", "Description", "Images", "Facility", "The images")
WIDTHS = (0.12, 0.08, 0.27, 0.08, 0.22, 0.23)


def imaging_page(writer: PageWriter, rows: Sequence[ImagingRow]) -> None:
    """A table of the studies; the images themselves never go into the PDF."""
    writer.title(TITLE)
    writer.text("The scan images themselves are not in this document. Images said to be on a "
                "drive come separately, as a standard DICOM disc copy (open its DICOMDIR file in "
                "a DICOM viewer).", size=10)
    table = [(r.date, r.modality, r.description, str(r.images), r.facility, r.on_drive)
             for r in rows]
    writer.table(COLUMNS, table, WIDTHS, size=8)
