"""The recognition engine (RapidOCR on ONNX Runtime), loaded once per reader process, offline only.

The model files are the ones inside the rapidocr wheel, pinned by path, so nothing is ever fetched;
the line-direction classifier is off (it turns some skewed lines upside down: the page's
orientation is found in orientation.py instead). Every call names all its switches, because
RapidOCR keeps an option given to one call for the next.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DETECT_SIDE = 960
"""Longest side of the picture the text detector looks at. 800 read 200-dpi scans as well with
10 % less memory and 4 % less CPU, but classified one of 60 150-dpi scans wrongly (macro-F1 0.966
against 0.983): small print is what it misses first, and phone photos make print small."""
PAGE_SIDE = 1600
"""Longest side a page is read at (about 145 dpi for a letter page): the line crops come from a
page this size. Larger costs memory without fewer errors on printed reports."""
MIN_SCORE = 0.5
"""Lines the recogniser is less sure of than this are left out (noise, stamps, smudges)."""
MODELS = ("PP-OCRv6_det_small.onnx", "PP-OCRv6_rec_small.onnx", "ch_ppocr_mobile_v2.0_cls_mobile.onnx")

_lock = threading.Lock()
_engine: Any = None


def no_telemetry() -> None:
    """Turn off ONNX Runtime's telemetry (on Linux and macOS since 1.29: it would contact
    Microsoft and leave a device id under ~/.cache and a .ses file in the temp folder). It must
    be set before onnxruntime is loaded; it holds for the life of the process."""
    os.environ["ORT_DISABLE_TELEMETRY"] = "1"


class EngineMissing(Exception):
    """The recognition engine or its model files are not installed."""


@dataclass(frozen=True)
class Segment:
    """One run of text the detector found: its four corners (clockwise from top-left) and text."""

    corners: tuple[tuple[float, float], ...]
    text: str
    score: float


def model_paths() -> tuple[Path, ...]:
    """The model files inside the installed rapidocr package (raises EngineMissing)."""
    import importlib.util

    spec = importlib.util.find_spec("rapidocr")  # found without loading it (nor onnxruntime)
    if spec is None or spec.origin is None:
        raise EngineMissing("the rapidocr package is not installed")
    folder = Path(spec.origin).resolve().parent / "models"
    paths = tuple(folder / name for name in MODELS)
    missing = [p.name for p in paths if not p.is_file()]
    if missing:
        raise EngineMissing(f"model files missing from the rapidocr package: {missing}")
    return paths


def _settings(threads: int) -> dict[str, Any]:
    det, rec, cls = (str(p) for p in model_paths())
    return {
        "Global.use_cls": False, "Global.log_level": "error", "Global.max_side_len": PAGE_SIDE,
        "Global.text_score": MIN_SCORE,
        "Det.model_path": det, "Rec.model_path": rec, "Cls.model_path": cls,
        "Det.limit_type": "max", "Det.limit_side_len": DETECT_SIDE,
        "Rec.rec_batch_num": 1,  # one line at a time: a third less memory, and no slower
        "EngineConfig.onnxruntime.intra_op_num_threads": threads,
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    }


def threads_per_reader() -> int:
    """Threads for one reader: the readers run side by side, one per core, so each uses one."""
    return 1


def engine() -> Any:
    """The RapidOCR instance of this process, created on first use (never at app start)."""
    global _engine
    with _lock:
        if _engine is None:
            no_telemetry()
            import cv2

            cv2.setNumThreads(threads_per_reader())
            os.environ.setdefault("OMP_NUM_THREADS", str(threads_per_reader()))
            from rapidocr import RapidOCR

            _engine = RapidOCR(params=_settings(threads_per_reader()))
        return _engine


def detect(image: Any) -> list[tuple[tuple[float, float], ...]]:
    """The corners of every text run on a BGR picture (numpy array), in its pixels."""
    found = engine()(image, use_det=True, use_cls=False, use_rec=False)
    boxes = getattr(found, "boxes", None)
    if boxes is None:
        return []
    return [tuple((float(x), float(y)) for x, y in box) for box in boxes.tolist()]


def read_line(crop: Any) -> tuple[str, float]:
    """The text on one cropped, upright line picture and how sure the recogniser is (0..1)."""
    found = engine()(crop, use_det=False, use_cls=False, use_rec=True)
    texts = getattr(found, "txts", None) or ("",)
    scores = getattr(found, "scores", None) or (0.0,)
    return str(texts[0]).strip(), float(scores[0])
