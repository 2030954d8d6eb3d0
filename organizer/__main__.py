"""Lets `python -m organizer` behave like the `organizer` command (and is the frozen app's entry)."""

import multiprocessing
import os
import sys

if __name__ == "__main__":
    # First, before the app's imports: in a frozen (PyInstaller) build the file-reading workers
    # are this same program started again, and freeze_support() turns such a start into the
    # worker (organizer.core.intake.sandbox) instead of a second app.
    multiprocessing.freeze_support()
    # The windowed Windows/macOS program has no console: give prints and warnings somewhere to go.
    for stream in ("stdout", "stderr"):
        if getattr(sys, stream) is None:
            setattr(sys, stream, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    from organizer.cli import main

    sys.exit(main())
