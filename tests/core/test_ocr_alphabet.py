"""The line recogniser scores only the characters the app's records use (no Chinese, Japanese or
Korean ones), and still reads Latin text with its accents and symbols."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
from PIL import Image, ImageDraw, ImageFont

from organizer.core.intake import ocr
from organizer.core.intake.ocr import alphabet
from organizer.core.intake.ocr.alphabet import BLANK, east_asian, reduced_alphabet

FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "DejaVuSans.ttf"
needs_engine = pytest.mark.skipif(not ocr.available(), reason="the text recognition engine is not installed")


@pytest.mark.parametrize("character", ["中", "あ", "カ", "한", "Ａ", "，", "\U00020000"])
def test_east_asian_characters_are_recognised_as_such(character: str) -> None:
    assert east_asian(character)


@pytest.mark.parametrize("character", list("aZñáü¿µ°±→α€•7 "))
def test_letters_digits_and_symbols_of_our_records_are_kept(character: str) -> None:
    assert not east_asian(character)


@needs_engine
def test_the_installed_model_keeps_latin_letters_symbols_and_the_blank_only() -> None:
    from organizer.core.intake.ocr.engine import model_paths

    found = reduced_alphabet(model_paths()[1])
    assert found is not None
    assert found.characters[0] == BLANK and found.characters[-1] == " "
    assert not any(east_asian(c) for c in found.characters[1:-1])
    assert {"ñ", "á", "é", "í", "ó", "ú", "ü", "¿", "µ", "°", "%", "/"} <= set(found.characters)
    assert 1_000 < len(found.characters) < 5_000  # a small share of the model's 18,710
    weight, bias = sorted(found.weights.values(), key=lambda array: array.ndim, reverse=True)
    assert weight.shape[1] == bias.shape[0] == len(found.characters)
    assert weight.dtype == bias.dtype == numpy.float32 and weight.flags.c_contiguous


def _model_file(tmp_path: Path, dims: list[int], metadata: dict[str, str]) -> Path:
    """A protobuf file with the fields alphabet.py reads (as an ONNX file carries them)."""
    message = alphabet._model_message()()
    tensor = message.graph.initializer.add(name="w", data_type=alphabet.FLOAT)
    tensor.dims.extend(dims)
    tensor.raw_data = numpy.ones(dims, numpy.float32).tobytes()
    for key, value in metadata.items():
        message.metadata_props.add(key=key, value=value)
    path = tmp_path / "model.onnx"
    path.write_bytes(message.SerializeToString())
    return path


def test_a_model_without_the_expected_last_layer_is_used_whole(tmp_path: Path) -> None:
    assert reduced_alphabet(_model_file(tmp_path, [4, 3], {})) is None  # no character list
    assert reduced_alphabet(_model_file(tmp_path, [4, 9], {"character": "a\nb\n中"})) is None


def test_a_model_with_a_character_layer_is_cut_to_the_kept_columns(tmp_path: Path) -> None:
    message = alphabet._model_message()()
    weight = numpy.arange(2 * 5, dtype=numpy.float32).reshape(2, 5)  # blank, a, 中, b, space
    for name, array in (("w", weight), ("b", numpy.arange(5, dtype=numpy.float32))):
        tensor = message.graph.initializer.add(name=name, data_type=alphabet.FLOAT)
        tensor.dims.extend(array.shape)
        tensor.raw_data = array.tobytes()
    message.metadata_props.add(key="character", value="a\n中\nb")
    path = tmp_path / "model.onnx"
    path.write_bytes(message.SerializeToString())
    found = reduced_alphabet(path)
    assert found is not None
    assert found.characters == (BLANK, "a", "b", " ")
    assert found.weights["w"].tolist() == weight[:, [0, 1, 3, 4]].tolist()
    assert found.weights["b"].tolist() == [0.0, 1.0, 3.0, 4.0]


def _line(text: str) -> numpy.ndarray:
    font = ImageFont.truetype(str(FONT), 28)
    _left, top, right, bottom = font.getbbox(text)
    picture = Image.new("RGB", (right + 24, bottom - top + 16), "white")
    ImageDraw.Draw(picture).text((12, 8 - top), text, font=font, fill="black")
    return numpy.asarray(picture)[:, :, ::-1].copy()


@needs_engine
@pytest.mark.timeout(120)
def test_a_line_with_accents_and_symbols_reads_right_with_the_smaller_alphabet() -> None:
    from organizer.core.intake.ocr.engine import read_line

    text, score = read_line(_line("Ganglio linfático 2/14 (+) Ki-67 15% 3,5 cm"))
    assert text == "Ganglio linfático 2/14 (+) Ki-67 15% 3,5 cm"
    assert score > 0.9


@needs_engine
@pytest.mark.timeout(120)
def test_a_model_that_cannot_be_cut_is_used_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    from organizer.core.intake.ocr import engine

    def broken(_model: Path) -> None:
        raise ValueError("not a protobuf message")

    monkeypatch.setattr(engine, "reduced_alphabet", broken)
    monkeypatch.setattr(engine, "_alphabet", engine._alphabet)  # restored after the test
    made = engine._create()
    assert engine._alphabet is None
    found = made(_line("Ganglio linfático 2/14"), use_det=False, use_cls=False, use_rec=True)
    assert found.txts[0] == "Ganglio linfático 2/14"  # the whole model, with its full decoder
