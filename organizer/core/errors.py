"""One family of errors whose messages are written for the person using the app."""

from __future__ import annotations


class UserFacingError(Exception):
    """An error whose message can be shown to a user as it is: plain words, no jargon."""

    def __init__(self, message: str, *, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return self.message


class OrganizerError(UserFacingError):
    """Base of every error the organizer raises on purpose."""


# --- the vault -------------------------------------------------------------------------------


class VaultError(OrganizerError):
    """Something about the vault folder stops the operation."""


class VaultNotFound(VaultError):
    """The folder is not a vault (or does not exist)."""


class VaultAlreadyExists(VaultError):
    """Creating a vault where one already is."""


class WrongPassphrase(VaultError):
    """The passphrase (or recovery key) does not open this vault; the vault itself is fine."""


class VaultDamaged(VaultError):
    """A vault file is damaged; the message names which one."""


class VaultLocked(VaultError):
    """The vault is open in another window or program."""


class VaultTooNew(VaultError):
    """The vault was written by a newer version of the app."""


class UnsafeKeySettings(VaultError):
    """Key-derivation settings in a vault file are outside the range we accept."""


class KeyringUnavailable(VaultError):
    """The computer's password store cannot be used to remember the vault."""


class DocumentNotFound(VaultError):
    """No document with that id in this vault."""


class DocumentDamaged(VaultError):
    """One document's file is damaged or missing; other documents are not affected."""


# --- reading files ---------------------------------------------------------------------------


class IntakeError(OrganizerError):
    """A file could not be read as a record; the message says why in plain words."""


class EmptyFile(IntakeError):
    """The file has no content."""


class NotAPdf(IntakeError):
    """The file is neither a PDF nor a picture we can read."""


class DamagedPdf(IntakeError):
    """The PDF is broken beyond safe repair."""


class PasswordRequired(IntakeError):
    """The PDF needs a password to open."""


class WrongPdfPassword(IntakeError):
    """The password given does not open this PDF."""


class FileTooComplex(IntakeError):
    """The file is too large or too complex to read safely (time or memory limit reached)."""


# --- input from the user ---------------------------------------------------------------------


class InvalidInput(OrganizerError):
    """A value typed or passed by the user is not acceptable; the message says how to fix it."""


# --- the vault: keys that belong elsewhere ---------------------------------------------------


class ForeignKeyFile(VaultError):
    """A key file (or the key it holds) belongs to another vault, or to this one before a re-key."""
