"""Lets `python -m organizer` behave like the `organizer` command."""

import sys

from organizer.cli import main

sys.exit(main())
