"""Turn a photo or scan (JPG or PNG, recognised by its content) into a one-page PDF, losslessly."""

from __future__ import annotations

import io
import warnings
from typing import Any, Literal

from organizer.core.errors import FileTooComplex, IntakeError, NotAPdf
from organizer.core.i18n import N_, _

ImageKind = Literal["jpeg", "png"]

MAX_PIXELS = 50_000_000
"""Larger pictures are refused. 50 megapixels covers the photos of today's phones in their usual
modes (12 to 50 MP) and a letter or A4 page scanned at 600 dpi (35 MP). A small file can claim
far more (a 'decompression bomb': 2.6 MB that decodes to 2.7 GB) and then costs minutes in
every preview and packet; a real record that large can be saved again at a lower size."""
MAX_DECODED_BYTES = 256 * 1024 * 1024
"""The memory all frames of a picture take once decoded (50 MP in colour with transparency is
200 MB)."""
TOO_LARGE = (
    N_("This picture is too large to add safely ({size}), and pictures that large make the app and "
    "the packet very slow. Please save a smaller copy (most phones and photo apps can share or "
    "export a photo at a lower size; for a scan, 300 dpi is plenty), then add that copy.")
)
PAGE_SIZE = (8.5 * 72.0, 11.0 * 72.0)
"""US letter; pictures are fitted into it (turned to landscape for wide pictures)."""

_OTHER_FORMATS: tuple[tuple[bytes, int, str], ...] = (
    (b"GIF87a", 0, "GIF"),
    (b"GIF89a", 0, "GIF"),
    (b"II*\x00", 0, "TIFF"),
    (b"MM\x00*", 0, "TIFF"),
    (b"BM", 0, "BMP"),
    (b"WEBP", 8, "WebP"),
    (b"ftypheic", 4, "HEIC"),
    (b"ftypheix", 4, "HEIC"),
    (b"ftypmif1", 4, "HEIC"),
    (b"ftyphevc", 4, "HEIC"),
    (b"ftypavif", 4, "AVIF"),
)


def image_kind(data: bytes) -> ImageKind | None:
    """'jpeg' or 'png' when the bytes start like one (the file name does not matter)."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    return None


def other_image_format(data: bytes) -> str | None:
    """The name of a picture format we recognise but do not accept (e.g. 'HEIC'), or None."""
    for magic, offset, name in _OTHER_FORMATS:
        if data[offset : offset + len(magic)] == magic:
            return name
    return None


def unsupported_image_error(name: str) -> NotAPdf:
    """The error for a picture in a format we do not read."""
    return NotAPdf(
        _("This picture is a {name} file, which we cannot read yet. Please save or export it "
        "as JPG or PNG (most phones and photo apps can do this), then add it again.").format(name=name)
    )


def _corrupt(exc: BaseException) -> IntakeError:
    return IntakeError(
        _("This picture is damaged or incomplete and cannot be opened. Please take the photo or "
        "scan again, or copy the file again."),
        details=repr(exc),
    )


def _too_large(width: int, height: int, decoded: int, frames: int) -> FileTooComplex:
    if width * height > MAX_PIXELS:
        size = _("{millions:.0f} million pixels; phone photos have 12 to 50 million").format(
            millions=width * height / 1e6)
    else:
        size = _("it would take {megabytes:,} MB of memory once opened").format(megabytes=decoded // 1024**2)
    return FileTooComplex(_(TOO_LARGE).format(size=size),
                          details=f"{width}x{height}, {decoded} bytes, {frames} frames")


def _decoded_size_check(image: Any) -> None:
    """Refuse before decoding when the pixels, or the memory they would take, exceed our caps."""
    from PIL import Image

    width, height = image.size
    per_pixel = len(Image.new(image.mode, (1, 1)).tobytes()) or 1
    frames = max(1, int(getattr(image, "n_frames", 1)))
    decoded = width * height * per_pixel * frames
    if width * height > MAX_PIXELS or decoded > MAX_DECODED_BYTES:
        raise _too_large(width, height, decoded, frames)


def _check_image(data: bytes) -> tuple[bool, int, int]:
    """Decode the picture fully (cheaply) to prove it is intact; returns (has alpha, w, h)."""
    from PIL import Image, UnidentifiedImageError  # pictures are rare: keep worker start fast

    # Pillow's own check at open: it refuses (DecompressionBombError) beyond twice this and only
    # warns above it; our _decoded_size_check then refuses with the exact size in plain words.
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                _decoded_size_check(image)
                alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
                if image.format == "JPEG":
                    image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                image.load()
        except Image.DecompressionBombError as exc:
            raise FileTooComplex(
                _(TOO_LARGE).format(size=_("far more than 50 million pixels")), details=repr(exc)
            ) from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
            raise _corrupt(exc) from None
    return alpha, width, height


def _flatten(data: bytes) -> bytes:
    """Put a transparent picture on white paper and store it as a (lossless) PNG."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        rgba = image.convert("RGBA")
    paper = Image.new("RGB", rgba.size, "white")
    paper.paste(rgba, mask=rgba.getchannel("A"))
    out = io.BytesIO()
    paper.save(out, format="PNG")
    return out.getvalue()


def _convert(data: bytes) -> bytes:
    import img2pdf

    layout = img2pdf.get_layout_fun(pagesize=PAGE_SIZE, fit=img2pdf.FitMode.into, auto_orient=True)
    result = img2pdf.convert(data, layout_fun=layout, rotation=img2pdf.Rotation.ifvalid)
    if not isinstance(result, bytes):
        raise TypeError("img2pdf returned no bytes")
    return result


def image_to_pdf(data: bytes) -> bytes:
    """A one-page PDF showing the picture upright (EXIF orientation), fitted to a letter page.

    JPEG data is embedded unchanged; PNG is kept lossless. Raises NotAPdf for other formats,
    IntakeError for a damaged picture and FileTooComplex for a huge one.
    """
    if image_kind(data) is None:
        name = other_image_format(data)
        raise unsupported_image_error(name) if name else NotAPdf(_("This file is not a picture."))
    import img2pdf

    alpha, _width, _height = _check_image(data)
    source = _flatten(data) if alpha else data
    try:
        return _convert(source)
    except img2pdf.AlphaChannelError:
        return _convert(_flatten(data))
    except (img2pdf.ImageOpenError, OSError, ValueError, TypeError) as exc:
        raise _corrupt(exc) from None
