"""Turning a passphrase into a key with Argon2id: settings, safe bounds, and calibration."""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from organizer.core.errors import UnsafeKeySettings
from organizer.core.i18n import _

KEY_BYTES = 32

# Bounds checked before any derivation runs: a damaged or hostile vault file must not be able
# to make us allocate gigabytes or spin for minutes, nor trick us into a trivially weak setting.
# The upper bounds are what `calibrate` below can produce on real machines, with headroom:
# - memory: calibration starts at 256 MiB and only ever halves it, so 1 GiB leaves 4x room;
# - passes: calibration adds passes until about 0.7 s. Argon2id fills memory at roughly
#   0.3-1.5 GiB/s per pass on today's laptops and desktops, so 256 MiB reaches 0.7 s within
#   2-5 passes even on the fastest; 16 passes leaves room for a slow-memory setting (64 MiB);
# - work (memory x passes): at most 2 GiB-passes (256 MiB x 8), twice what the fastest
#   machine calibrates to. The worst slot we accept costs a slow laptop a few seconds, not the
#   minutes that 4 GiB x 64 passes (128x more) did.
# The lower bounds stay where they were: they only guard against absurd values (the tests'
# fast settings, 8 MiB x 1 pass, are the floor; production code never writes them).
MIN_MEMORY_KIB = 8 * 1024
MAX_MEMORY_KIB = 1024 * 1024
MIN_ITERATIONS = 1
MAX_ITERATIONS = 16
MAX_WORK_KIB = 2 * 1024 * 1024  # memory (KiB) x passes: 2 GiB-passes, e.g. 256 MiB x 8
MIN_LANES = 1
MAX_LANES = 16
MIN_SALT = 16
MAX_SALT = 64

# Calibration: memory-hard first (256 MiB), then enough passes to take about 0.5-1 s here.
CALIBRATION_MEMORY_KIB = 256 * 1024
CALIBRATION_FLOOR_MEMORY_KIB = 64 * 1024
CALIBRATION_LANES = 4
TARGET_SECONDS = 0.7


@dataclass(frozen=True)
class KdfParams:
    """Argon2id settings, stored with each passphrase key slot."""

    memory_kib: int
    iterations: int
    lanes: int

    def check_bounds(self) -> None:
        """Refuse settings outside the accepted range, before any work is done with them."""
        checks = (
            (MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB, "memory"),
            (MIN_ITERATIONS <= self.iterations <= MAX_ITERATIONS, "passes"),
            (MIN_LANES <= self.lanes <= MAX_LANES, "lanes"),
            (self.memory_kib >= 8 * self.lanes, "memory per lane"),
            (self.memory_kib * self.iterations <= MAX_WORK_KIB, "memory x passes"),
        )
        for ok, what in checks:
            if not ok:
                raise UnsafeKeySettings(
                    _("This vault's key settings are outside the safe range, so it was not "
                    "opened. The key file may be damaged or was not made by this app."),
                    details=f"Argon2id {what} out of range: {self}",
                )


def normalise_passphrase(passphrase: str) -> bytes:
    """The same passphrase typed on any computer gives the same bytes (Unicode NFC, UTF-8)."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """Argon2id(passphrase) after the bounds check; 32 bytes."""
    params.check_bounds()
    if not MIN_SALT <= len(salt) <= MAX_SALT:
        raise UnsafeKeySettings(
            _("This vault's key settings are damaged, so it was not opened."),
            details=f"salt length {len(salt)}",
        )
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(normalise_passphrase(passphrase))


def _time_once(params: KdfParams) -> float:
    start = time.perf_counter()
    derive_key("calibration", b"\0" * MIN_SALT, params)
    return time.perf_counter() - start


def calibrate(target_seconds: float = TARGET_SECONDS) -> KdfParams:
    """Pick settings that take about `target_seconds` on this computer (never below the floor).

    Memory is chosen first because it is what makes guessing on graphics cards expensive; passes
    are then added until the target time is reached.
    """
    memory = CALIBRATION_MEMORY_KIB
    probe = KdfParams(memory, 1, CALIBRATION_LANES)
    _time_once(probe)  # first run pays for page faults; do not let it skew the measurement
    per_pass = _time_once(probe)
    while per_pass > target_seconds and memory > CALIBRATION_FLOOR_MEMORY_KIB:
        memory //= 2
        per_pass /= 2
    most = min(MAX_ITERATIONS, MAX_WORK_KIB // memory)
    iterations = max(2, min(most, round(target_seconds / max(per_pass, 1e-6))))
    return KdfParams(memory, iterations, CALIBRATION_LANES)
