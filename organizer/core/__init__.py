"""The organizer's logic, usable without a display: no Qt is imported anywhere under here."""
