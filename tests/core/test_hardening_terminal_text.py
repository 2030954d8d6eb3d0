"""File names with line breaks, escape codes or direction overrides cannot steer the terminal."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from organizer.cli import main
from organizer.core.safe_text import TerminalSafeStream, printable, terminal_safe
from organizer.core.vault import KdfParams
from tests.conftest import PASSPHRASE
from tests.samples import PATHOLOGY_LINES, text_pdf

HOSTILE = "report\n[1-1] fake.pdf: Imported\x1b[2J\x1b]0;owned\x07\u202efdp.exe"


def _clean(out: str) -> None:
    for bad in ("\x1b", "\x07", "\u202e", "\r"):
        assert bad not in out


def test_printable_escapes_controls_breaks_and_overrides_but_keeps_other_scripts() -> None:
    assert printable("a\nb\x1b[0m\u202ec\u2066d") == "a\\nb\\u001b[0m\\u202ec\\u2066d"
    assert printable("Łukasz — מרים — 山田") == "Łukasz — מרים — 山田"
    assert terminal_safe("one\ntwo\tthree\x1b") == "one\ntwo\tthree\\u001b"
    assert json.loads(f'"{printable(HOSTILE)}"') == HOSTILE  # the escapes are valid JSON too


def test_the_stream_wrapper_escapes_everything_written() -> None:
    sink = io.StringIO()
    TerminalSafeStream(sink).write("ok\n\x1b[31mred\u202e\n")
    assert sink.getvalue() == "ok\n\\u001b[31mred\\u202e\n"


@pytest.mark.skipif(sys.platform == "win32", reason="such names are not allowed there")
def test_import_and_list_show_a_hostile_file_name_escaped(
    tmp_path: Path, fast_kdf: KdfParams, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ORGANIZER_PASSPHRASE", PASSPHRASE)
    folder = tmp_path / "vault"
    assert main(["init", str(folder), "--name", "Jane Doe", "--dob", "1962-03-14"]) == 0
    hostile = tmp_path / f"{HOSTILE}.pdf"
    hostile.write_bytes(text_pdf([PATHOLOGY_LINES]))
    capsys.readouterr()
    assert main(["import", str(folder), str(hostile)]) == 0
    assert main(["list", str(folder)]) == 0
    assert main(["classify", str(hostile)]) == 0
    out = capsys.readouterr().out
    _clean(out)
    assert out.count("\\u202efdp.exe") == 3 and "report\\n[1-1] fake.pdf" in out
    assert not any(line.startswith("[1-1] fake.pdf") for line in out.splitlines())
    assert main(["list", str(folder), "--json"]) == 0
    listed = capsys.readouterr().out
    _clean(listed)
    assert json.loads(listed)["documents"][0]["filename"] == hostile.name  # JSON keeps the name


def test_errors_on_stderr_are_escaped_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE)
    missing = tmp_path / "\x1b[2Jvault"
    assert main(["list", str(missing), "--passphrase-file", str(secret)]) == 1
    err = capsys.readouterr().err
    _clean(err)
    assert "\\u001b[2J" in err
