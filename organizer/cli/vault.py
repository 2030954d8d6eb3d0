"""Command-line handlers for the vault itself: gui, init, list, verify, passwd, recover, backup."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from organizer.cli.output import print_json, tell_notices, unlock
from organizer.cli.parser import AddCommand
from organizer.cli.passphrase import new_passphrase, read_secret_file
from organizer.core import catalog
from organizer.core.safe_text import printable
from organizer.core.vault import Vault
from organizer.core.vault.verify import verify


def _key_counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in counts.items()) or "none"


def cmd_gui(args: argparse.Namespace) -> int:
    from organizer.app import run_gui  # Qt is imported only for the GUI

    return run_gui(Path(args.vault) if args.vault else None, demo=args.demo)


def cmd_init(args: argparse.Namespace) -> int:
    dob = catalog.parse_date_of_birth(args.dob or "")
    passphrase = new_passphrase(args.passphrase_file, personal=(args.name, dob or ""))
    vault, recovery = Vault.create(Path(args.vault), passphrase)
    with vault:
        person = catalog.add_person(vault, args.name, dob)
    print(f"Created a vault in {vault.folder} for {person.name}.")
    print("Your recovery key opens the vault if you forget your passphrase. Write it down or")
    print("print it now and keep it somewhere safe: it is shown only this once.")
    print(f"Recovery key: {recovery.text}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with unlock(args) as vault:
        persons = catalog.people(vault)
        docs = catalog.documents(vault)
    names = {p.id: p.name for p in persons}
    if args.json:
        print_json({
            "people": [{"id": p.id, "name": p.name, "dob": p.date_of_birth} for p in persons],
            "documents": [
                {"id": d.id, "filename": d.filename, "type": d.type.value if d.type else None,
                 "pages": d.pages, "size": d.size, "added": d.added, "person": d.person_id}
                for d in docs
            ],
        })
        return 0
    for p in persons:
        print(printable(p.name) + (f" (born {p.date_of_birth})" if p.date_of_birth else ""))
    if not docs:
        print("No records yet.")
    for d in docs:
        kind = d.type.label if d.type else "Type not decided"
        pages = d.pages or "?"  # a portal record's pages are counted when first shown
        print(f"{d.id[:12]}  {kind:<20} {pages:>4} p.  {printable(d.filename)}  "
              f"({printable(names.get(d.person_id, ''))})")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with unlock(args) as vault:
        names = {d.id: d.filename for d in catalog.documents(vault)}
        report = verify(vault, names)
    if args.json:
        print_json({
            "ok": report.ok,
            "checked": {"files": report.checked_files, "changes": report.checked_changes,
                        "keys": report.checked_keys},
            "key_files": report.keys_by_kind,
            "problems": [asdict(p) for p in report.problems],
        })
    else:
        print(f"Checked {report.checked_files} files, {report.checked_changes} saved changes and "
              f"{report.checked_keys} key files.")
        print(f"Key files: {_key_counts(report.keys_by_kind)}.")
        for p in report.problems:
            print(f"{p.severity.upper()}: {p.what} ({p.path}): {p.reason}")
        print("Everything is intact." if report.ok else "Damage found: see the lines above.")
    return 0 if report.ok else 1


def cmd_passwd(args: argparse.Namespace) -> int:
    with unlock(args) as vault:
        personal = [d for p in catalog.people(vault) for d in (p.name, p.date_of_birth or "")]
        passphrase = new_passphrase(args.new_passphrase_file, allow_env=False, personal=personal)
        if not args.rekey:
            vault.change_passphrase(passphrase)
        else:
            recovery = vault.rekey(passphrase)
    if not args.rekey:
        print("The passphrase was changed. Your recovery key still works.")
        return 0
    print("The passphrase and the vault's keys were changed, and every file was encrypted again.")
    print("Old passphrases, old recovery keys and old key files no longer open this vault, and")
    print("this computer no longer remembers it. Your new recovery key is below. Write it down or")
    print("print it now and keep it somewhere safe: it is shown only this once.")
    print(f"Recovery key: {recovery.text}")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    key = read_secret_file(args.recovery_key_file, "recovery key")
    with tell_notices(Vault.recover(Path(args.vault), key)) as vault:
        personal = [d for p in catalog.people(vault) for d in (p.name, p.date_of_birth or "")]
        vault.change_passphrase(new_passphrase(args.new_passphrase_file, allow_env=False,
                                               personal=personal))
    print("The vault is open again with your new passphrase. Your recovery key still works.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """Copy the (still encrypted) vault into a dated folder inside -o DIR and check every file."""
    from organizer.core.vault.backup import back_up_vault
    from organizer.core.vault.lock import VaultLock

    folder = Path(args.vault)
    lock = VaultLock(folder)  # nobody writes to the vault while it is copied
    try:
        result = back_up_vault(folder, Path(args.output))
    finally:
        lock.release()
    print(f"Backed up {result.files} files ({result.bytes:,} bytes) to {result.folder}.")
    print("Every file was read back and matches. The backup opens with the same passphrase.")
    return 0


def register(command: AddCommand) -> None:
    gui = command("gui", cmd_gui, "open the app window", vault=False, secret=False)
    gui.add_argument("vault", metavar="VAULT", nargs="?", help="a vault folder to open")
    gui.add_argument("--demo", action="store_true",
                     help="open a fresh demo vault of made-up records, already unlocked")
    init = command("init", cmd_init, "create a new vault; prints the recovery key once")
    init.add_argument("--name", required=True, help="the person whose records it keeps")
    init.add_argument("--dob", metavar="DATE",
                      help="their date of birth, e.g. 04/23/1958 or 23 April 1958")
    lst = command("list", cmd_list, "list the people and documents in a vault")
    lst.add_argument("--json", action="store_true", help="print JSON")
    ver = command("verify", cmd_verify, "check every file of a vault; exit 1 if damage is found")
    ver.add_argument("--json", action="store_true", help="print JSON")
    pw = command("passwd", cmd_passwd, "change the passphrase")
    pw.add_argument("--new-passphrase-file", type=Path, metavar="F")
    pw.add_argument("--rekey", action="store_true",
                    help="also change the vault's keys and encrypt every file again, so old "
                         "passphrases, recovery keys and key files stop working (use if one "
                         "leaked); prints a new recovery key")
    rec = command("recover", cmd_recover, "open with the recovery key and set a new passphrase",
                  secret=False)
    rec.add_argument("--recovery-key-file", type=Path, metavar="F", required=True)
    rec.add_argument("--new-passphrase-file", type=Path, metavar="F")
    bak = command("backup", cmd_backup, "copy the vault (still encrypted) to a folder and check "
                  "the copy", secret=False)
    bak.add_argument("-o", "--output", required=True, metavar="DIR",
                     help="the folder (e.g. on a USB drive) to put the backup in")
