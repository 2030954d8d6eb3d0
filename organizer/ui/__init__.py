"""The Qt user interface: thin widgets over a Session that owns the unlocked vault."""
