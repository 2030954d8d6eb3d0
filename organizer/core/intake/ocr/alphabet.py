"""The line recogniser's alphabet: every character its model knows except Chinese, Japanese and Korean.

The line model (PP-OCRv6 small) ends in one layer that scores each of its 18,710 characters at every
step along a line, and that layer was 11-16 % of the time spent reading a line. 16,258 of those
characters are Chinese, Japanese and Korean ones, which the records of the app's users (English
and Spanish) do not use. So the model is loaded with that last layer's weights replaced by the
columns of the other characters (letters with their accents, Greek, digits, punctuation, symbols
and arrows: about 2,450): for text in those characters the best-scoring character at each step
is the same, and reading a line costs about an eighth less. The model file is not changed; ONNX
Runtime takes the smaller weights in place of the file's (`SessionOptions.add_initializer`).

The weights are found by reading the model file with protobuf (ONNX files are protobuf messages;
only the three fields needed are declared here). When the model does not have the expected shape
(another rapidocr release), `reduced_alphabet` returns None and the whole model is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

BLANK = "blank"
"""The name RapidOCR's decoder gives the CTC blank, always first in its list of characters."""
FLOAT = 1
"""TensorProto.FLOAT in onnx.proto."""


@dataclass(frozen=True)
class Alphabet:
    """The characters kept, as the decoder indexes them (blank first, space last), and the
    model's last-layer weights and bias cut down to those columns (by initializer name)."""

    characters: tuple[str, ...]
    weights: dict[str, Any]


def east_asian(character: str) -> bool:
    """True for Chinese, Japanese and Korean characters (and their full-width forms)."""
    point = ord(character[0]) if character else 0
    return any(low <= point <= high for low, high in _EAST_ASIAN)


_EAST_ASIAN = (
    (0x1100, 0x11FF),  # Hangul jamo
    (0x2E80, 0x9FFF),  # radicals, CJK symbols, kana, bopomofo, Hangul compatibility, ideographs
    (0xA000, 0xA4CF),  # Yi
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xE000, 0xF8FF),  # private use (the model's dictionary has a few, all East Asian glyphs)
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # full-width and half-width forms
    (0x20000, 0x3FFFF),  # ideographs beyond the basic plane
)


def reduced_alphabet(model: Path) -> Alphabet | None:
    """The alphabet without East Asian characters for the line model at `model`, or None when
    its last layer is not the expected one (then the whole model is used)."""
    import numpy

    parts = _read_model(model)
    known = parts.metadata.get("character", "").splitlines()
    full = [BLANK, *known, " "]  # as RapidOCR's CTC decoder lists them
    tensors = {tuple(t.dims): t for t in parts.graph.initializer if t.data_type == FLOAT}
    weight, bias = tensors.get(_weight_dims(tensors, len(full))), tensors.get((len(full),))
    if not known or weight is None or bias is None:
        return None
    keep = [n for n, character in enumerate(full)
            if n in (0, len(full) - 1) or not east_asian(character)]
    columns = numpy.asarray(keep)
    cut_weight = numpy.ascontiguousarray(_array(weight)[:, columns])
    cut_bias = numpy.ascontiguousarray(_array(bias)[columns])
    return Alphabet(tuple(full[n] for n in keep), {weight.name: cut_weight, bias.name: cut_bias})


def _weight_dims(tensors: dict[tuple[int, ...], Any], outputs: int) -> tuple[int, ...]:
    """The dims of the (hidden x characters) matrix of the last layer, or () if there is none."""
    return next((dims for dims in tensors if len(dims) == 2 and dims[1] == outputs), ())


def _array(tensor: Any) -> Any:
    import numpy

    if tensor.raw_data:
        return numpy.frombuffer(tensor.raw_data, numpy.float32).reshape(tuple(tensor.dims))
    return numpy.asarray(tensor.float_data, numpy.float32).reshape(tuple(tensor.dims))


@dataclass(frozen=True)
class _Parts:
    graph: Any
    metadata: dict[str, str]


def _read_model(model: Path) -> _Parts:
    """The initializers and metadata of an ONNX file (everything else in it is skipped)."""
    found = _model_message()()
    found.ParseFromString(model.read_bytes())
    return _Parts(found.graph, {entry.key: entry.value for entry in found.metadata_props})


@cache
def _model_message() -> Any:
    """A protobuf class for the part of onnx.proto read here (field numbers as in onnx.proto)."""
    from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

    file = descriptor_pb2.FileDescriptorProto(name="organizer_onnx_part.proto",
                                              package="organizer_onnx_part")
    _message(file, "TensorProto", [("dims", 1, "int64", True), ("data_type", 2, "int32", False),
                                   ("float_data", 4, "float", True), ("name", 8, "string", False),
                                   ("raw_data", 9, "bytes", False)])
    _message(file, "GraphProto", [("initializer", 5, ".organizer_onnx_part.TensorProto", True)])
    _message(file, "StringStringEntryProto", [("key", 1, "string", False),
                                              ("value", 2, "string", False)])
    _message(file, "ModelProto", [
        ("graph", 7, ".organizer_onnx_part.GraphProto", False),
        ("metadata_props", 14, ".organizer_onnx_part.StringStringEntryProto", True)])
    pool = descriptor_pool.DescriptorPool()
    pool.Add(file)
    return message_factory.GetMessageClass(
        pool.FindMessageTypeByName("organizer_onnx_part.ModelProto"))


def _message(file: Any, name: str, fields: list[tuple[str, int, str, bool]]) -> None:
    from google.protobuf.descriptor_pb2 import FieldDescriptorProto as Field

    message = file.message_type.add(name=name)
    for field_name, number, kind, repeated in fields:
        field = message.field.add(name=field_name, number=number, label=(
            Field.LABEL_REPEATED if repeated else Field.LABEL_OPTIONAL))
        if kind.startswith("."):
            field.type, field.type_name = Field.TYPE_MESSAGE, kind
        else:
            field.type = getattr(Field, f"TYPE_{kind.upper()}")
