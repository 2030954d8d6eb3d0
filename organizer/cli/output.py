"""What every vault command shares: open the vault (with its notices on stderr) and print JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from organizer.cli.passphrase import current_passphrase
from organizer.core.vault import Vault


def print_json(data: object) -> None:
    """The one JSON style of the command line: indented, non-ASCII letters kept as they are."""
    print(json.dumps(data, indent=2, ensure_ascii=False))


def unlock(args: argparse.Namespace) -> Vault:
    """Open VAULT with the passphrase from --passphrase-file, $ORGANIZER_PASSPHRASE or a prompt."""
    return tell_notices(Vault.unlock(Path(args.vault), current_passphrase(args.passphrase_file)))


def tell_notices(vault: Vault) -> Vault:
    """One line on stderr per thing found on open (an older copy, missing changes, bad keys)."""
    for notice in vault.notices:
        print(f"organizer: warning: {notice.message}", file=sys.stderr)
    if vault.fresh_recovery_key is not None:
        print(f"New recovery key: {vault.fresh_recovery_key.text}")
    return vault
