"""Series previews: decoded in memory with what we bundle; other compressions simply get none."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from PIL import Image

from organizer.core import catalog
from organizer.core.imaging.importer import ImagingImportOptions, import_disc
from organizer.core.imaging.inventory import studies
from organizer.core.imaging.preview import can_preview, decode_first_frame, preview_png
from organizer.core.vault import Vault
from tests.core.imaging_discs import SAMPLES


def test_uncompressed_baseline_jpeg_and_jpeg2000_images_decode() -> None:
    for name, size in (("CT_small.dcm", (128, 128)), ("MR_small.dcm", (64, 64)),
                       ("SC_rgb_jpeg_dcmtk.dcm", (100, 100)), ("examples_jpeg2k.dcm", (640, 480))):
        picture = decode_first_frame((SAMPLES / name).read_bytes())
        assert picture is not None and picture.size == size, name


def test_a_preview_is_a_small_png_made_from_the_vault_in_memory(
    vault: Vault, tmp_path: Path
) -> None:
    person = catalog.add_person(vault, "Jane Doe")
    disc = tmp_path / "disc"
    disc.mkdir()
    shutil.copy(SAMPLES / "CT_small.dcm", disc / "ct.dcm")
    import_disc(vault, disc, ImagingImportOptions(person))
    [series] = studies(vault)[0].series
    before = set(tmp_path.rglob("*"))
    png = preview_png(vault, series.preview_file, series.preview_syntax, side=48)
    assert png is not None
    assert Image.open(io.BytesIO(png)).size == (48, 48)
    assert set(tmp_path.rglob("*")) == before  # nothing written anywhere


def test_compressions_we_do_not_bundle_get_no_preview(vault: Vault) -> None:
    assert not can_preview("1.2.840.10008.1.2.4.80")  # JPEG-LS
    assert not can_preview("1.2.840.10008.1.2.4.70")  # JPEG lossless
    assert preview_png(vault, "0" * 32, "1.2.840.10008.1.2.4.70") is None
    assert decode_first_frame((SAMPLES / "JPEG-lossy.dcm").read_bytes()) is None  # 12-bit JPEG
