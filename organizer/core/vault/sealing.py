"""Small authenticated-encryption helpers on top of `cryptography`: AES-256-GCM and HKDF."""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

NONCE_BYTES = 12
TAG_BYTES = 16


class SealBroken(Exception):
    """The sealed bytes do not authenticate: wrong key, or the bytes were changed."""


def subkey(master: bytes, purpose: bytes, salt: bytes | None = None) -> bytes:
    """A 256-bit key for one purpose, derived from the master key with HKDF-SHA256."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=purpose).derive(master)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """Encrypt and authenticate `plaintext`; `aad` is bound but not stored. Random nonce."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def unseal(key: bytes, sealed: bytes, aad: bytes) -> bytes:
    """Reverse of `seal`; raises SealBroken when anything does not match."""
    if len(sealed) < NONCE_BYTES + TAG_BYTES:
        raise SealBroken("too short")
    try:
        return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
    except InvalidTag:
        raise SealBroken("authentication failed") from None
