"""The recognition engine (RapidOCR on ONNX Runtime), loaded once in the reader that recognises, offline.

The model files are the ones inside the rapidocr wheel, pinned by path, so nothing is ever fetched;
the line-direction classifier is off (it turns some skewed lines upside down: the page's
orientation is found in orientation.py instead). Every call names all its switches, because
RapidOCR keeps an option given to one call for the next.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from organizer.core.intake.ocr.alphabet import Alphabet, reduced_alphabet
from organizer.core.intake.ocr.memory import limit_arenas

DETECT_SIDE = 960
"""Longest side of the picture the text detector looks at. 800 read 200-dpi scans as well with
10 % less memory and 4 % less CPU, but classified one of 60 150-dpi scans wrongly (macro-F1 0.966
against 0.983): small print is what it misses first, and phone photos make print small."""
PAGE_SIDE = 1600
"""Longest side a page is read at (about 145 dpi for a letter page): the line crops come from a
page this size. Larger costs memory without fewer errors on printed reports."""
LINE_MARGIN = 0.05
"""Blank added above and below a line (a share of its height, edge pixels repeated) before it is
read. The recogniser scales every line to 48 px high and its time grows with the width that
gives: a margin of 5 % makes lines 9 % narrower there and reading 9 % cheaper, for 1-2 words in
1,300 missed (recall 0.999 instead of 1.000 on 10 bench pages at 150 and 200 dpi). 10 %: -14 %
CPU, 5 of 1,455 words missed; squeezing lines to 0.8 of their width: -17 %, 17 missed."""
MIN_SCORE = 0.5
"""Lines the recogniser is less sure of than this are left out (noise, stamps, smudges)."""
MODELS = ("PP-OCRv6_det_small.onnx", "PP-OCRv6_rec_small.onnx", "ch_ppocr_mobile_v2.0_cls_mobile.onnx")

_lock = threading.Lock()
_detecting = threading.Lock()
_engine: Any = None
_pool: ThreadPoolExecutor | None = None
_alphabet: Alphabet | None = None
_kept: list[Any] = []
_T = TypeVar("_T")
_R = TypeVar("_R")


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


def _settings() -> dict[str, Any]:
    det, rec, cls = (str(p) for p in model_paths())
    return {
        "Global.use_cls": False, "Global.log_level": "error", "Global.max_side_len": PAGE_SIDE,
        "Global.text_score": MIN_SCORE,
        "Det.model_path": det, "Rec.model_path": rec, "Cls.model_path": cls,
        "Det.limit_type": "max", "Det.limit_side_len": DETECT_SIDE,
        "Rec.rec_batch_num": 1,  # one line at a time: a third less memory, and no slower
    }


def threads_per_reader() -> int:
    """Threads that read lines at once in the one reader that recognises: one per core (two at
    most). Lines are read side by side, each on one thread, which keeps both cores busy with
    one copy of the engine in memory."""
    return max(1, min(2, os.cpu_count() or 1))


def _session(model: Path, threads: int, weights: dict[str, Any] | None = None) -> Any:
    """An ONNX Runtime session set up for a small, steady memory footprint.

    Its arena and memory patterns are off: working memory is freed after each run (the patterns
    kept up to 80 MB more while lines of ever-changing widths were read). Idle threads sleep
    instead of spinning: spinning doubled the CPU time on a busy machine. `weights` replace the
    model's initializers of the same names (see alphabet.py)."""
    from onnxruntime import ExecutionMode, InferenceSession, OrtValue, SessionOptions

    options = SessionOptions()
    options.log_severity_level = 3
    options.enable_cpu_mem_arena = False
    options.enable_mem_pattern = False
    options.execution_mode = ExecutionMode.ORT_SEQUENTIAL
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    for name, array in (weights or {}).items():
        value = OrtValue.ortvalue_from_numpy(array)
        _kept.append(value)  # ONNX Runtime uses it in place: it must outlive the session
        options.add_initializer(name, value)
    return InferenceSession(str(model), sess_options=options, providers=["CPUExecutionProvider"])


def _create() -> Any:
    """RapidOCR around our own sessions: the detector uses every thread (one page at a time),
    the line recogniser one (threads_per_reader() lines at a time), scoring only the characters
    of reduced_alphabet()."""
    from omegaconf import flag_override  # RapidOCR's settings; they hold sessions only so
    from rapidocr import RapidOCR

    global _alphabet
    made = RapidOCR(params=_settings())
    det, rec, _ = model_paths()
    _alphabet = _smaller_alphabet(rec)
    with flag_override(made.cfg, "allow_objects", True):
        made.cfg.Det.session = _session(det, threads_per_reader())
        made.cfg.Rec.session = _session(rec, 1, _alphabet.weights if _alphabet else None)
    return made


def _smaller_alphabet(model: Path) -> Alphabet | None:
    """reduced_alphabet(model), or None (the whole model is used) when it cannot be read so."""
    try:
        return reduced_alphabet(model)
    except Exception:  # an unreadable or unexpected model file: reading slower beats not reading
        return None


def engine() -> Any:
    """The RapidOCR instance of this process, created on first use (never at app start)."""
    global _engine
    with _lock:
        if _engine is None:
            no_telemetry()
            import cv2

            cv2.setNumThreads(1)
            os.environ.setdefault("OMP_NUM_THREADS", "1")
            _engine = _create()
        return _engine


def detect(image: Any) -> list[tuple[tuple[float, float], ...]]:
    """The corners of every text run on a BGR picture (numpy array), in its pixels.

    The detector looks only at the part of the page that holds something (region.py), at the
    scale it would look at the whole page (DETECT_SIDE on the page's longer side)."""
    from organizer.core.intake.ocr.region import content_region

    region = content_region(image)
    part = region.of(image)
    detector = engine()._load_det_model()  # what RapidOCR calls for its own detection step
    with _detecting:  # the scale is set on the shared detector for this call
        side = round(DETECT_SIDE * max(part.shape[:2]) / max(image.shape[:2]))
        detector.limit_side_len = max(32, side)
        found = detector(part)
    boxes = getattr(found, "boxes", None)
    if boxes is None:
        return []
    return [tuple((float(x) + region.left, float(y) + region.top) for x, y in box)
            for box in boxes.tolist()]


def read_line(crop: Any) -> tuple[str, float]:
    """The text on one cropped, upright line picture and how sure the recogniser is (0..1)."""
    recogniser = _line_reader()
    import cv2
    from rapidocr.ch_ppocr_rec import TextRecInput

    margin = round(crop.shape[0] * LINE_MARGIN)
    padded = cv2.copyMakeBorder(crop, margin, margin, 0, 0, cv2.BORDER_REPLICATE)
    found = recogniser(TextRecInput(img=[padded], return_word_box=False))
    texts = getattr(found, "txts", None) or ("",)
    scores = getattr(found, "scores", None) or (0.0,)
    return str(texts[0]).strip(), float(scores[0])


def side_by_side(work: Callable[[_T], _R], items: Iterable[_T]) -> list[_R]:
    """work(item) for every item, on threads_per_reader() threads at once, in order."""
    global _pool
    if threads_per_reader() == 1:
        return [work(item) for item in items]
    with _lock:
        if _pool is None:
            limit_arenas()
            _pool = ThreadPoolExecutor(threads_per_reader(), thread_name_prefix="ocr-line")
    return list(_pool.map(work, items))


def _line_reader() -> Any:
    """RapidOCR's line recogniser, called directly: it keeps no state between calls, so two
    threads can use it at once (the RapidOCR object around it cannot)."""
    import numpy

    found = engine()
    with _lock:
        if found.text_rec is None:
            found(numpy.full((48, 48, 3), 255, numpy.uint8), use_det=False, use_cls=False,
                  use_rec=True)  # loads the model
            _name_scored_characters(found.text_rec)
        return found.text_rec


def _name_scored_characters(recogniser: Any) -> None:
    """Give the line decoder the characters the model scores (see alphabet.py), in its order."""
    if _alphabet is not None:
        decoder = recogniser.postprocess_op
        decoder.character = list(_alphabet.characters)
        decoder.dict = {character: n for n, character in enumerate(decoder.character)}
