"""Guessable passphrases and packet passwords are refused with a reason and a better suggestion."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from organizer.cli import main
from organizer.core.errors import InvalidInput
from organizer.core.packet import PacketOptions
from organizer.core.passphrase_strength import (
    MIN_GUESSES_LOG10,
    estimate,
    require_strong,
    suggest_passphrase,
    time_in_words,
)
from organizer.core.passphrase_words import WORDS
from organizer.core.session import Session
from organizer.core.vault import KdfParams
from tests.conftest import FAST_KDF, PASSPHRASE

WEAK = ["password", "12345678", " " * 8, "robert1958", "qwertyuiop", "Password123!"]
SUGGESTION = re.compile(r"for example: ([a-z]+ ){3}[a-z]+")


@pytest.mark.parametrize("weak", WEAK)
def test_guessable_passphrases_are_refused_with_a_reason_and_four_random_words(weak: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        require_strong(weak)
    message = raised.value.message
    assert "too easy to guess" in message and "could find it in" in message
    assert SUGGESTION.search(message)


def test_the_persons_own_details_count_as_guessable() -> None:
    verdict = estimate("jane doe 1962", ("Jane Doe", "1962-03-14"))
    assert not verdict.acceptable and "personal" in verdict.reasons


def test_good_passphrases_pass() -> None:
    for good in (PASSPHRASE, "bluebirds sing at dawn", "la casa de mi abuela"):
        assert estimate(good).acceptable, good


def test_suggestions_are_four_random_words_that_pass_the_rule() -> None:
    seen = {suggest_passphrase() for _ in range(20)}
    assert len(seen) == 20
    for suggestion in seen:
        words = suggestion.split()
        assert len(words) == 4 and all(word in WORDS for word in words)
        assert estimate(suggestion).guesses_log10 >= MIN_GUESSES_LOG10
    assert len(WORDS) > 7000 and "surgery" not in WORDS and "casket" not in WORDS


def test_time_in_words() -> None:
    assert time_in_words(0.2) == "less than a second"
    assert time_in_words(2 * 86400) == "about 2 days"
    assert time_in_words(1e12) == "more than a century"


@pytest.fixture
def cli_env(tmp_path: Path, fast_kdf: KdfParams, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("ORGANIZER_PASSPHRASE", raising=False)
    return tmp_path


def _secret(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("weak", ["password", "12345678", " " * 8])
def test_init_refuses_a_weak_passphrase_and_makes_no_vault(
    cli_env: Path, capsys: pytest.CaptureFixture[str], weak: str
) -> None:
    folder = cli_env / "vault"
    assert main(["init", str(folder), "--name", "Jane Doe",
                 "--passphrase-file", _secret(cli_env, "pw", weak)]) == 1
    err = capsys.readouterr().err
    assert "too easy to guess" in err and SUGGESTION.search(err)
    assert not (folder / "vault.json").exists()


def test_init_refuses_the_persons_name_and_birth_year(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(cli_env / "v"), "--name", "Jane Doe", "--dob", "1962-03-14",
                 "--passphrase-file", _secret(cli_env, "pw", "jane doe 1962")]) == 1
    assert "name or date of birth" in capsys.readouterr().err


def test_passwd_and_recover_refuse_weak_passphrases(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, good = cli_env / "vault", _secret(cli_env, "good", PASSPHRASE)
    assert main(["init", str(folder), "--name", "Jane Doe", "--passphrase-file", good]) == 0
    key = re.search(r"^Recovery key: (\S+)$", capsys.readouterr().out, re.M)
    assert key is not None
    weak = _secret(cli_env, "weak", "password1")
    assert main(["passwd", str(folder), "--passphrase-file", good,
                 "--new-passphrase-file", weak]) == 1
    assert "too easy to guess" in capsys.readouterr().err
    keyfile = _secret(cli_env, "key", key.group(1))
    assert main(["recover", str(folder), "--recovery-key-file", keyfile,
                 "--new-passphrase-file", _secret(cli_env, "weak2", "jane doe 1962")]) == 1
    assert "too easy to guess" in capsys.readouterr().err
    assert main(["list", str(folder), "--passphrase-file", good]) == 0  # still the old one


def test_the_window_session_uses_the_same_rule(tmp_path: Path) -> None:
    session = Session(kdf=FAST_KDF)
    with pytest.raises(InvalidInput, match="too easy to guess"):
        session.create_vault(tmp_path / "v", "12345678", "Jane Doe", "1962-03-14")
    assert not (tmp_path / "v").exists() or not any((tmp_path / "v").iterdir())


@pytest.mark.parametrize("password", ["x", "abc123", "password12", "1234567890"])
def test_short_or_common_packet_passwords_are_refused(password: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        PacketOptions(password=password)
    assert "phone" in raised.value.message


def test_a_reasonable_packet_password_is_accepted() -> None:
    assert PacketOptions(password="tulip-42-garden").password == "tulip-42-garden"


def test_the_packet_command_refuses_a_one_character_password_and_reminds_about_the_phone(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, good = cli_env / "vault", _secret(cli_env, "good", PASSPHRASE)
    assert main(["init", str(folder), "--name", "Jane Doe", "--passphrase-file", good]) == 0
    out = cli_env / "packet.pdf"
    assert main(["packet", str(folder), "-o", str(out), "--passphrase-file", good,
                 "--password-file", _secret(cli_env, "p1", "x")]) == 1
    assert "at least 10 characters" in capsys.readouterr().err and not out.exists()
    assert main(["packet", str(folder), "-o", str(out), "--passphrase-file", good,
                 "--password-file", _secret(cli_env, "p2", "tulip-42-garden")]) == 0
    assert "by phone, not in the same email" in capsys.readouterr().out
