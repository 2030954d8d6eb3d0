"""Packet file names are valid on every common file system, whatever the person's name holds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pathvalidate import validate_filename

from organizer.core.file_names import safe_file_name


@pytest.mark.parametrize("typed", ["CON", "prn", "AUX", "NUL", "COM1", "lpt9", "con.txt"])
def test_windows_reserved_names_are_never_used_as_they_are(typed: str) -> None:
    made = safe_file_name(typed)
    assert made.split(".")[0].upper() != typed.split(".")[0].upper()
    validate_filename(made, platform="windows")


def test_forbidden_characters_and_trailing_dots_and_spaces_go() -> None:
    assert safe_file_name('Ana: "Silva"? <b>|x ') == "Ana Silva b x"
    assert safe_file_name("Robin Sample. . ") == "Robin Sample"
    assert safe_file_name("a/b\\c\x00d") == "a b c d"
    assert safe_file_name(" ?* ", "records") == "records"


def test_a_name_stays_readable() -> None:
    made = safe_file_name("Records for Zoë Nguyễn: Ana/Bo 2024-03-05.pdf")
    assert made == "Records for Zoë Nguyễn Ana Bo 2024-03-05.pdf"


@given(st.text(max_size=300))
def test_any_typed_name_gives_a_valid_windows_and_linux_name(typed: str) -> None:
    made = safe_file_name(typed)
    validate_filename(made, platform="windows")
    validate_filename(made, platform="linux")
    assert made == " ".join(made.split())
