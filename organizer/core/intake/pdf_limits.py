"""Limits that keep a small but hostile PDF from costing minutes and gigabytes later on.

A PDF of one megabyte can list the same page 200,000 times, or carry a picture that takes
gigabytes once decoded. Both are cheap to spot before anything reads the pages.
"""

from __future__ import annotations

import pikepdf

from organizer.core.errors import FileTooComplex
from organizer.core.i18n import N_, _

MAX_PAGES = 5_000
"""More pages than any one record we expect. A complete hospital chart for years of care
printed to PDF runs to one or two thousand pages; 5,000 leaves room for that and stops files
that only pretend to be that long (previews, thumbnails and packets all grow with the pages)."""
MAX_IMAGE_BYTES = 512 * 1024 * 1024
"""Memory one picture inside a PDF takes once decoded, from its size, colours and bits. A letter
page scanned in colour at 600 dpi takes 100 MB, a black-and-white page at 2400 dpi 70 MB; a
picture beyond this (a 'decompression bomb': a few megabytes that decode to gigabytes) would
make every preview and packet slow or fail."""
_COMPONENTS = {"/DeviceGray": 1, "/CalGray": 1, "/Indexed": 1, "/DeviceRGB": 3, "/CalRGB": 3,
               "/Lab": 3, "/DeviceCMYK": 4}
MAX_IMAGES_CHECKED = 20_000

TOO_MANY_PAGES = N_(
    "This PDF says it has more than {pages:,} pages, far more than a medical record has, "
    "so it was not added: showing it or putting it in a packet would take a very long time. If "
    "it really is one record, save it again in smaller parts (for example one part per year) "
    "and add each part."
)
HUGE_PICTURE = (
    N_("This PDF contains a picture so large that showing it would need gigabytes of memory, so it "
    "was not added. Please save or scan the record again at a normal size (300 dpi is plenty), "
    "then add that copy.")
)


def check_limits(pdf: pikepdf.Pdf) -> None:
    """Raise FileTooComplex for too many pages or an oversized picture (reads no page content)."""
    for page in _pages_within_limit(pdf):
        _check_pictures(page)


def _pages_within_limit(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """The distinct page objects, walking the page tree ourselves and stopping at the limit.

    qpdf's own page list would first make a copy of every repeated page (200,000 of them).
    """
    root = pdf.Root.get("/Pages")
    pending: list[pikepdf.Object] = [root] if root is not None else []
    seen: set[tuple[int, int]] = set()
    leaves, distinct = 0, []
    while pending:
        node = pending.pop()
        if not isinstance(node, pikepdf.Dictionary):
            continue
        key = node.objgen
        if key != (0, 0) and key in seen and "/Kids" in node:
            continue  # a loop in the page tree
        kids = node.get("/Kids")
        if isinstance(kids, pikepdf.Array) and node.get("/Type") != "/Page":
            if len(kids) > MAX_PAGES:
                raise FileTooComplex(_(TOO_MANY_PAGES).format(pages=MAX_PAGES),
                                     details=f"{len(kids)} kids in one node")
            pending.extend(reversed(list(kids)))
        else:
            leaves += 1
            if leaves > MAX_PAGES:
                raise FileTooComplex(_(TOO_MANY_PAGES).format(pages=MAX_PAGES),
                                     details=f"over {MAX_PAGES} pages")
            if key == (0, 0) or key not in seen:
                distinct.append(node)
        seen.add(key)
    return distinct


def _check_pictures(page: pikepdf.Dictionary) -> None:
    resources = page.get("/Resources")
    objects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    if not isinstance(objects, pikepdf.Dictionary):
        return
    for name in list(objects.keys())[:MAX_IMAGES_CHECKED]:
        image = objects.get(name)
        if not isinstance(image, pikepdf.Stream) or image.get("/Subtype") != "/Image":
            continue
        size = decoded_bytes(image)
        if size > MAX_IMAGE_BYTES:
            raise FileTooComplex(_(HUGE_PICTURE), details=f"image of {size} bytes decoded")


def decoded_bytes(image: pikepdf.Stream) -> int:
    """The memory an image XObject needs once decoded (unknown colour spaces count as 4)."""
    width, height = _number(image.get("/Width")), _number(image.get("/Height"))
    if bool(image.get("/ImageMask", False)):
        return width * height // 8
    bits = _number(image.get("/BitsPerComponent")) or 8
    return width * height * min(bits, 16) * _components(image.get("/ColorSpace")) // 8


def _components(space: object) -> int:
    if isinstance(space, pikepdf.Array) and len(space) > 0:
        if space[0] == "/ICCBased" and isinstance(space[1], pikepdf.Stream):
            return min(max(_number(space[1].get("/N")), 1), 4)
        space = space[0]
    return _COMPONENTS.get(str(space), 4)


def _number(value: object) -> int:
    try:
        return max(0, int(str(value)))
    except ValueError:  # a missing, negative-looking or non-integer size
        return 0
