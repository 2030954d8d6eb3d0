"""No core dump can carry the passphrase, keys or names: the app and its workers switch dumps off."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from organizer.core.errors import IntakeError
from organizer.core.intake.sandbox import FileReader

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="Windows writes no core files")

_CHECK = """
import os, resource, sys, tempfile
from pathlib import Path
from organizer.cli import main
from organizer.core.process_guard import is_dumpable
main(["classify", sys.argv[1]])
print("limit", resource.getrlimit(resource.RLIMIT_CORE))
print("dumpable", is_dumpable())
print("status", bool(open("/proc/self/status").read()) if os.path.exists("/proc") else None)
from organizer.core.packet.part_output import Output
folder = Path(tempfile.mkdtemp())
with Output(folder / "packet.pdf") as output:
    with output.part(1, 1) as (sink, finish):
        sink.write(b"%PDF-1.7")
        finish(1)
    output.commit()
print("packet", sorted(os.listdir(folder)))
"""


@posix_only
@pytest.mark.timeout(120)
def test_the_command_switches_core_dumps_off_and_proc_still_works(tmp_path: Path) -> None:
    sample = tmp_path / "x.pdf"
    sample.write_bytes(b"not a pdf")
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(_CHECK), str(sample)],
                          capture_output=True, text=True, timeout=100, check=True)
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert lines["limit"] == "(0, 0)"
    assert lines["packet"] == "['packet.pdf']"  # /proc/self/fd still usable by the process
    if sys.platform.startswith("linux"):
        assert lines["dumpable"] == "False" and lines["status"] == "True"


@posix_only
@pytest.mark.timeout(60)
def test_the_reader_workers_cannot_dump_either() -> None:
    with FileReader(workers=1, timeout=20, test_hooks=True) as reader, \
            pytest.raises(IntakeError) as raised:
        reader.read_one(b"#sandbox:dumps", "x.pdf")
    soft, hard, dumpable = raised.value.details.split()
    assert (soft, hard) == ("0", "0")
    assert dumpable == ("False" if sys.platform.startswith("linux") else "None")
