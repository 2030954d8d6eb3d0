"""The encrypted vault: key slots, write-once documents, the metadata journal, lock and verify."""

from organizer.core.vault.journal import Change, MetadataState
from organizer.core.vault.kdf import KdfParams
from organizer.core.vault.recovery import RecoveryKey
from organizer.core.vault.vault import StoredFile, Vault

__all__ = ["Change", "KdfParams", "MetadataState", "RecoveryKey", "StoredFile", "Vault"]
