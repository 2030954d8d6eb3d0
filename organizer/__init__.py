"""Second Opinion Organizer: an encrypted home for cancer records and a packet for a second opinion."""

__version__ = "0.1.0"
