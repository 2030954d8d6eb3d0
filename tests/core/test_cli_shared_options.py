"""VAULT, --passphrase-file and --person are declared once and mean the same in every command."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from organizer import cli
from organizer.cli import parser as cli_parser
from organizer.cli.parser import build_parser
from organizer.core import catalog
from organizer.core.vault import KdfParams, Vault
from tests.conftest import PASSPHRASE

NO_PASSPHRASE = {"recover": "opens with the recovery key", "backup": "copies the still-encrypted files"}


def leaves(parser: argparse.ArgumentParser, path: str = "") -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every command that runs something (`med add`, not `med`), with its words."""
    groups = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not groups:
        yield path, parser
    for group in groups:
        for name, sub in group.choices.items():
            yield from leaves(sub, f"{path} {name}".strip())


def shared_action(parent: argparse.ArgumentParser) -> argparse.Action:
    [action] = [a for a in parent._actions if not isinstance(a, argparse._HelpAction)]
    return action


def vault_commands() -> list[tuple[str, argparse.ArgumentParser]]:
    """Every command that takes a VAULT folder: always the one shared argument (`gui`'s is optional)."""
    found = []
    for name, parser in leaves(build_parser(cli.REGISTRATIONS)):
        vaults = [a for a in parser._actions if a.dest == "vault"]
        if vaults and name != "gui":
            assert vaults == [shared_action(cli_parser.VAULT)], name
            found.append((name, parser))
    assert len(found) > 30  # every command group is in the parser
    return found


def test_every_vault_command_takes_the_one_passphrase_file_option_and_its_help_says_so() -> None:
    secret = shared_action(cli_parser.SECRET)
    for name, parser in vault_commands():
        assert "VAULT" in parser.format_usage(), name
        if name in NO_PASSPHRASE:
            assert secret not in parser._actions, name
            continue
        assert parser._option_string_actions["--passphrase-file"] is secret, name
        shown = " ".join(parser.format_help().split())
        assert "--passphrase-file F read the passphrase" in shown, name
        assert "$ORGANIZER_PASSPHRASE, else ask" in shown, name


def test_every_person_option_is_the_shared_one() -> None:
    person = shared_action(cli_parser.PERSON)
    with_person = [name for name, p in leaves(build_parser(cli.REGISTRATIONS))
                   if "--person" in p._option_string_actions]
    assert {"import", "packet", "checklist", "med add", "imaging list", "question list"} <= set(with_person)
    for name, parser in leaves(build_parser(cli.REGISTRATIONS)):
        if name in with_person:
            assert parser._option_string_actions["--person"] is person, name
            assert "whose records (name or id)" in parser.format_help(), name


@pytest.fixture
def folder(tmp_path: Path, fast_kdf: KdfParams, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("ORGANIZER_PASSPHRASE", raising=False)
    vault, _ = Vault.create(tmp_path / "vault", PASSPHRASE, kdf=fast_kdf)
    with vault:
        catalog.add_person(vault, "Zoë Nguyễn", "1961-04-23")
    return vault.folder


@pytest.mark.parametrize("command", [
    ["list"], ["verify"], ["checklist"], ["requests"], ["person", "list"], ["med", "list"],
    ["question", "list"], ["imaging", "list"]])
def test_each_command_group_opens_the_vault_with_the_passphrase_file(
        command: list[str], folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    assert cli.main([*command, str(folder), "--passphrase-file", str(secret), "--json"]) == 0
    json.loads(capsys.readouterr().out)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n", encoding="utf-8")
    assert cli.main([*command, str(folder), "--passphrase-file", str(wrong), "--json"]) == 1
    assert capsys.readouterr().err.startswith("organizer: ")
