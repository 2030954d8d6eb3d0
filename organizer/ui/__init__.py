"""The Qt user interface: thin widgets over a Session that owns the unlocked vault."""

from organizer.ui import qt_refcount_guard

qt_refcount_guard.install()
