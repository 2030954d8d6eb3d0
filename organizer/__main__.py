"""Lets `python -m organizer` behave like the `organizer` command."""

import multiprocessing
import sys

from organizer.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # file-reading workers in a frozen (PyInstaller) build
    sys.exit(main())
