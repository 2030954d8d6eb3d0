"""Misbehaviours on purpose, for the sandbox's own tests: enabled only by FileReader(test_hooks=True)."""

from __future__ import annotations

import contextlib
import os
import sys
import time

from organizer.core.errors import IntakeError


def misbehave(data: bytes) -> None:
    """Misbehave on purpose for the sandbox's own tests (only when enabled)."""
    if data == b"#sandbox:hang":
        time.sleep(3600)
    elif data == b"#sandbox:slow":  # takes a second, then reads as any other odd file
        time.sleep(1.0)
    elif data == b"#sandbox:crash":
        os._exit(70)
    elif data == b"#sandbox:memory":
        bytearray(64 * 1024**3)
    elif data == b"#sandbox:bug":
        raise RuntimeError("test hook")
    elif data == b"#sandbox:environ":  # what a hostile PDF could find in this process
        start = _initial_environment()
        raise IntakeError("environ", details="\n".join(sorted({*os.environ, *start})))
    elif data == b"#sandbox:engine":  # has this worker loaded the text recognition engine?
        raise IntakeError("engine", details=str("onnxruntime" in sys.modules))
    elif data == b"#sandbox:pdf-libraries":  # has this worker loaded the PDF libraries yet?
        raise IntakeError("libraries", details=str("pikepdf" in sys.modules))
    elif data == b"#sandbox:dumps":  # can this worker leave a core dump behind?
        import resource

        from organizer.core.process_guard import is_dumpable

        limit = resource.getrlimit(resource.RLIMIT_CORE)
        raise IntakeError("dumps", details=f"{limit[0]} {limit[1]} {is_dumpable()}")


def _initial_environment() -> set[str]:
    with contextlib.suppress(OSError), open("/proc/self/environ", "rb") as found:
        return {item.split(b"=")[0].decode(errors="replace")
                for item in found.read().split(b"\0") if item}
    return set()
