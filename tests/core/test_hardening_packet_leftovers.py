"""A packet killed while it is written leaves no partial plaintext behind (or it is cleaned next run)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from organizer.core.packet import temp_parts
from organizer.core.packet.part_output import Output

posix_only = pytest.mark.skipif(os.name != "posix", reason="kill -9 and flock are POSIX")

_KILLED_WHILE_WRITING = """
import os, signal, sys
from pathlib import Path
from organizer.core.packet import temp_parts
from organizer.core.packet.part_output import Output
if sys.argv[2] == "named":
    temp_parts._unnamed = lambda folder: None
with Output(Path(sys.argv[1]) / "packet.pdf") as output:
    with output.part(1, 1) as (sink, finish):
        sink.write(b"%PDF-1.7 Jane Doe, pathology report")
        sink.flush()
        os.kill(os.getpid(), signal.SIGKILL)
"""


def _killed_while_writing(folder: Path, mode: str) -> None:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(_KILLED_WHILE_WRITING),
                           str(folder), mode], timeout=60, check=False)
    assert done.returncode == -9


def _files(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


@posix_only
def test_a_killed_packet_leaves_nothing_in_the_output_folder(tmp_path: Path) -> None:
    if temp_parts._unnamed(tmp_path) is None:
        pytest.skip("this file system has no unnamed files (O_TMPFILE)")
    _killed_while_writing(tmp_path, "unnamed")
    assert _files(tmp_path) == []


@posix_only
def test_a_named_leftover_is_removed_by_the_next_run(tmp_path: Path) -> None:
    _killed_while_writing(tmp_path, "named")
    [leftover] = _files(tmp_path)
    assert leftover.startswith(temp_parts.PREFIX)
    output = Output(tmp_path / "packet.pdf")
    assert output.leftovers_removed == 1 and _files(tmp_path) == []


@posix_only
def test_a_part_another_run_is_still_writing_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(temp_parts, "_unnamed", lambda folder: None)
    with Output(tmp_path / "packet.pdf") as first, first.part(1, 1) as (sink, finish):
        sink.write(b"%PDF-1.7")
        assert Output(tmp_path / "other.pdf").leftovers_removed == 0
        assert len(_files(tmp_path)) == 1
        finish(1)
        [written] = first.commit()
    assert _files(tmp_path) == ["packet.pdf"] and written.path == tmp_path / "packet.pdf"


def test_only_our_own_leftovers_are_removed(tmp_path: Path) -> None:
    hour_ago = time.time() - 2 * temp_parts.OLD_STYLE_AGE
    keep = {".tmp-notes.txt": b"%PDF-", ".tmp-abcd1234": b"not a pdf", "packet.pdf": b"%PDF-",
            ".organizer-packet-xyz.part": b"%PDF-", ".tmp-young123": b"%PDF-"}
    for name, data in keep.items():
        (tmp_path / name).write_bytes(data)
        if name != ".tmp-young123":
            os.utime(tmp_path / name, (hour_ago, hour_ago))
    old_style = tmp_path / ".tmp-old_1234"  # an earlier version's part, untouched for hours
    old_style.write_bytes(b"%PDF-1.7 partial")
    os.utime(old_style, (hour_ago, hour_ago))
    assert temp_parts.clean_leftovers(tmp_path) == 1
    assert _files(tmp_path) == sorted(keep)


def test_a_finished_packet_is_in_place_and_no_temporary_file_remains(tmp_path: Path) -> None:
    with Output(tmp_path / "packet.pdf") as output:
        for number in (1, 2):
            with output.part(number, 2) as (sink, finish):
                sink.write(b"%PDF-1.7 part")
                finish(1)
        written = output.commit()
    assert [p.path.name for p in written if p.path] == ["packet-part1-of-2.pdf",
                                                         "packet-part2-of-2.pdf"]
    assert _files(tmp_path) == ["packet-part1-of-2.pdf", "packet-part2-of-2.pdf"]
    assert (tmp_path / "packet-part1-of-2.pdf").read_bytes() == b"%PDF-1.7 part"


def test_when_the_system_refuses_to_name_an_unnamed_file_the_part_is_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(part: temp_parts.TempPart) -> Path:
        raise PermissionError("no linkat here")

    monkeypatch.setattr(temp_parts, "_link_unnamed", refuse)
    with Output(tmp_path / "packet.pdf") as output, output.part(1, 1) as (sink, finish):
        sink.write(b"%PDF-1.7 whole")
        finish(1)
    with Output(tmp_path / "packet.pdf") as output:
        with output.part(1, 1) as (sink, finish):
            sink.write(b"%PDF-1.7 whole")
            finish(1)
        output.commit()
    assert _files(tmp_path) == ["packet.pdf"]
    assert (tmp_path / "packet.pdf").read_bytes() == b"%PDF-1.7 whole"
