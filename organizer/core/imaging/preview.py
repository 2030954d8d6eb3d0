"""A small preview picture of one image, made in memory (PNG bytes), never written to disk.

Decoded with what we bundle: uncompressed images by hand into Pillow, baseline JPEG and JPEG
2000 by Pillow (its wheels carry libjpeg-turbo and OpenJPEG). JPEG lossless, JPEG-LS and RLE
images get no preview (their decoders are not bundled; pylibjpeg-libjpeg is GPL-3 and must not
be); they are still kept and exported unchanged.
"""

from __future__ import annotations

import io
import warnings
from typing import TYPE_CHECKING, cast

from PIL import Image, ImageOps

from organizer.core.vault import Vault

if TYPE_CHECKING:  # pydicom loads when a picture is decoded, not when the window starts
    from pydicom.dataset import Dataset

NATIVE = {"1.2.840.10008.1.2": "<", "1.2.840.10008.1.2.1": "<", "1.2.840.10008.1.2.2": ">"}
PILLOW = {"1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51",  # JPEG baseline / extended 8-bit
          "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"}  # JPEG 2000
MAX_PREVIEW_SOURCE = 64 << 20
MAX_PIXELS = 8192 * 8192


def can_preview(syntax: str) -> bool:
    return syntax in NATIVE or syntax in PILLOW


def preview_png(vault: Vault, file_id: str, syntax: str, side: int = 128) -> bytes | None:
    """A preview of the stored image `file_id` at most `side` pixels wide and high, or None."""
    if not can_preview(syntax):
        return None
    try:
        with vault.open_file(file_id) as reader:
            if reader.size > MAX_PREVIEW_SOURCE:
                return None
            data = b"".join(reader.chunks())
        picture = decode_first_frame(data)
    except Exception:  # a preview is a nicety: any trouble just means no picture
        return None
    if picture is None:
        return None
    picture.thumbnail((side, side))
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()


def decode_first_frame(data: bytes) -> Image.Image | None:
    """The first frame of a DICOM image as an 8-bit Pillow image (None when we cannot)."""
    from pydicom import dcmread
    from pydicom.encaps import generate_frames

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds = dcmread(io.BytesIO(data))
    syntax = str(ds.file_meta.get("TransferSyntaxUID", "1.2.840.10008.1.2"))
    rows, columns = int(ds.get("Rows") or 0), int(ds.get("Columns") or 0)
    if "PixelData" not in ds or not rows or not columns or rows * columns > MAX_PIXELS:
        return None
    if syntax in PILLOW:
        frame = next(generate_frames(ds.PixelData, number_of_frames=int(ds.get("NumberOfFrames") or 1)))
        try:
            picture = Image.open(io.BytesIO(frame))
            picture.load()
        except (OSError, ValueError):  # e.g. 12-bit JPEG, which Pillow cannot decode
            return None
        return _eight_bit(picture, ds)
    if syntax in NATIVE:
        return _native(ds, rows, columns, NATIVE[syntax])
    return None


def _native(ds: Dataset, rows: int, columns: int, order: str) -> Image.Image | None:
    bits, samples = int(ds.get("BitsAllocated") or 0), int(ds.get("SamplesPerPixel") or 1)
    pixels: bytes = ds.PixelData
    if samples == 3 and bits == 8 and str(ds.get("PlanarConfiguration", 0)) == "0":
        return Image.frombytes("RGB", (columns, rows), pixels[: rows * columns * 3])
    if samples != 1 or bits not in (8, 16):
        return None
    if bits == 8:
        picture = Image.frombytes("L", (columns, rows), pixels[: rows * columns])
    else:
        signed = int(ds.get("PixelRepresentation") or 0) == 1
        mode = "I;16" + ("B" if order == ">" else "") + ("S" if signed else "")
        if mode == "I;16BS":
            return None
        picture = Image.frombytes("I", (columns, rows), pixels[: rows * columns * 2], "raw", mode)
    return _eight_bit(picture, ds)


def _eight_bit(picture: Image.Image, ds: Dataset) -> Image.Image:
    """Stretch the image's own range to black..white; MONOCHROME1 is shown inverted."""
    if picture.mode not in ("L", "I", "I;16"):
        return picture.convert("RGB")
    picture = picture.convert("I")
    low, high = (int(v) for v in cast(tuple[int, int], picture.getextrema()))
    span = max(1, high - low)
    scaled = picture.point(lambda value: (value - low) * 255 / span).convert("L")
    if str(ds.get("PhotometricInterpretation", "")) == "MONOCHROME1":
        scaled = ImageOps.invert(scaled)
    return scaled
