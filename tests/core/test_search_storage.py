"""The search index is kept only encrypted, reused on unlock, and rebuilt when missing or damaged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from organizer.core import catalog
from organizer.core.catalog import DOCUMENT
from organizer.core.errors import VaultError
from organizer.core.search import forget_document, index_document, search_records
from organizer.core.search.index import SearchIndex
from organizer.core.search.keeping import CACHE_NAME
from organizer.core.vault import Change, KdfParams, Vault
from organizer.core.vault.verify import verify
from tests.conftest import PASSPHRASE
from tests.core.search_support import add_records, new_text

INDEX_FILE = f"{CACHE_NAME}.scache"


@pytest.fixture
def folder(vault_folder: Path, fast_kdf: KdfParams) -> Path:
    """A vault with three searched records (so its index is saved), closed."""
    vault, _ = Vault.create(vault_folder, PASSPHRASE)
    with vault:
        person = catalog.add_person(vault, "Ana Pérez").id
        add_records(vault, person, [
            {"title": "Pathology", "pages": ["Ganglio linfático negativo.", "Xylophonist margin."]},
            {"title": "Discharge", "pages": ["Went home with a drain."]},
            {"title": "Plan", "pages": ["Four cycles of chemotherapy."]},
        ])
        assert len(search_records(vault, "linfatico").hits) == 1
    return vault_folder


@pytest.fixture
def puts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the records (re-)indexed from now on."""
    seen: list[str] = []
    original = SearchIndex.put

    def counted(self: SearchIndex, document: object, pages: object) -> None:
        seen.append(document.id)  # type: ignore[attr-defined]
        original(self, document, pages)  # type: ignore[arg-type]

    monkeypatch.setattr(SearchIndex, "put", counted)
    return seen


def found(folder: Path, text: str) -> list[str]:
    with Vault.unlock(folder, PASSPHRASE) as vault:
        return [hit.title for hit in search_records(vault, text).hits]


def test_the_index_is_saved_encrypted_and_reused_on_unlock(folder: Path, puts: list[str]) -> None:
    data = (folder / INDEX_FILE).read_bytes()
    assert data.startswith(b"SOODOC")
    for word in ("Xylophonist", "xylophonist", "linf", "chemotherapy", "SQLite format"):
        assert word.encode() not in data and word.encode("utf-16-le") not in data
    assert found(folder, "xylophonist") == ["Pathology"]
    assert puts == []  # nothing was indexed again: the saved index was used
    assert (folder / INDEX_FILE).read_bytes() == data  # and nothing changed, so not rewritten


@pytest.mark.parametrize("damage", ["missing", "flipped", "cut", "empty", "garbage"])
def test_a_missing_or_damaged_index_is_rebuilt_silently(
    folder: Path, puts: list[str], damage: str
) -> None:
    path = folder / INDEX_FILE
    data = bytearray(path.read_bytes())
    if damage == "missing":
        path.unlink()
    elif damage == "flipped":
        data[len(data) // 2] ^= 0x40
        path.write_bytes(bytes(data))
    elif damage == "cut":
        path.write_bytes(bytes(data[: len(data) - 100]))
    else:
        path.write_bytes(b"" if damage == "empty" else b"SQLite format 3\x00" + bytes(5000))
    assert found(folder, "xylophonist") == ["Pathology"]
    assert len(puts) == 3
    assert path.read_bytes().startswith(b"SOODOC")  # written again, whole
    puts.clear()
    assert found(folder, "drain") == ["Discharge"]
    assert puts == []
    with Vault.unlock(folder, PASSPHRASE) as vault:
        assert verify(vault).ok


def test_an_index_from_another_vault_is_not_used(
    folder: Path, tmp_path: Path, puts: list[str]
) -> None:
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE)
    with other:
        add_records(other, catalog.add_person(other, "Someone Else").id,
                    [{"title": "Other", "pages": ["xylophonist elsewhere"]}])
        search_records(other, "x")
    shutil.copy(tmp_path / "other" / INDEX_FILE, folder / INDEX_FILE)
    puts.clear()
    assert found(folder, "xylophonist") == ["Pathology"]
    assert len(puts) == 3


def test_a_stale_index_only_reindexes_what_changed(folder: Path, puts: list[str]) -> None:
    old = (folder / INDEX_FILE).read_bytes()
    with Vault.unlock(folder, PASSPHRASE) as vault:
        first = next(i for i, f in vault.state.all(DOCUMENT).items() if f["title"] == "Plan")
        vault.record([Change(DOCUMENT, first, {"title": "Treatment plan", "notes": "rutabaga"})])
    (folder / INDEX_FILE).write_bytes(old)  # e.g. a sync tool brought an older copy back
    assert found(folder, "rutabaga") == ["Treatment plan"]
    assert puts == [first]


def test_text_recognition_hook_updates_the_saved_index(folder: Path, puts: list[str]) -> None:
    with Vault.unlock(folder, PASSPHRASE) as vault:
        doc = next(i for i, f in vault.state.all(DOCUMENT).items() if f["title"] == "Discharge")
        new_text(vault, doc, ["Recognised: quetzalcoatl"])
        index_document(vault, doc)
        assert puts == [doc]
    puts.clear()
    assert found(folder, "quetzalcoatl") == ["Discharge"]
    assert puts == []


def test_forget_document_takes_a_removed_record_out(folder: Path, puts: list[str]) -> None:
    with Vault.unlock(folder, PASSPHRASE) as vault:
        doc = next(i for i, f in vault.state.all(DOCUMENT).items() if f["title"] == "Discharge")
        vault.record([Change(DOCUMENT, doc, {"deleted": True})])
        forget_document(vault, doc)
    data = (folder / INDEX_FILE).read_bytes()
    assert found(folder, "drain") == []
    assert puts == [] and (folder / INDEX_FILE).read_bytes() == data


def test_a_removed_records_words_leave_the_index(vault: Vault) -> None:
    person = catalog.add_person(vault, "Ana").id
    kept, gone = add_records(vault, person, [{"title": "Kept", "pages": ["ordinary words"]},
                                             {"title": "Gone", "pages": ["Wombatissimo here"]}])
    assert [h.id for h in search_records(vault, "ordinary").hits] == [kept]
    assert len(search_records(vault, "wombatissimo").hits) == 1
    vault.record([Change(DOCUMENT, gone, {"deleted": True})])
    assert search_records(vault, "wombatissimo").hits == ()
    index = vault.attachments["search-index"]
    assert isinstance(index, SearchIndex)
    assert b"ombatissimo" not in index.to_bytes()  # not left behind in free pages either


def test_an_index_that_cannot_be_saved_still_searches(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / INDEX_FILE).unlink()

    def full_disk(self: Vault, name: str, data: bytes) -> None:
        raise VaultError("The vault could not be saved to the disk.")

    saving = Vault.save_cache_file
    monkeypatch.setattr(Vault, "save_cache_file", full_disk)
    with Vault.unlock(folder, PASSPHRASE) as vault:
        assert [h.title for h in search_records(vault, "drain").hits] == ["Discharge"]
        assert not (folder / INDEX_FILE).exists()
        monkeypatch.setattr(Vault, "save_cache_file", saving)  # room on the disk again
        assert [h.title for h in search_records(vault, "drain").hits] == ["Discharge"]
        assert (folder / INDEX_FILE).exists()  # saved at the next search, nothing else changed


def test_a_write_that_fails_half_way_leaves_the_old_index(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = (folder / INDEX_FILE).read_bytes()

    def broken(source: object, out: object, **kw: object) -> None:
        out.write(b"SOODOC partial")  # type: ignore[attr-defined]
        raise OSError(28, "No space left on device")

    with Vault.unlock(folder, PASSPHRASE) as vault:
        add_records(vault, next(iter(vault.state.all("person"))), [{"title": "New", "pages": ["x"]}])
        monkeypatch.setattr("organizer.core.vault.vault_files.encrypt_stream", broken)
        assert [h.title for h in search_records(vault, "new").hits] == ["New"]
    assert (folder / INDEX_FILE).read_bytes() == old
    assert sorted(p.name for p in folder.iterdir() if p.is_file()) == [
        ".lock", INDEX_FILE, "vault.json"]


def test_a_sync_tools_conflict_copy_is_cleared_on_the_next_save(folder: Path) -> None:
    copy = folder / f"{CACHE_NAME}.sync-conflict-20240101-101010-ABCDEFG.scache"
    copy.write_bytes((folder / INDEX_FILE).read_bytes())
    with Vault.unlock(folder, PASSPHRASE) as vault:
        add_records(vault, next(iter(vault.state.all("person"))), [{"title": "New", "pages": ["x"]}])
        assert [h.title for h in search_records(vault, "new").hits] == ["New"]
    assert not copy.exists()
    assert (folder / INDEX_FILE).exists()


def test_re_keying_leaves_no_index_in_the_old_key(folder: Path, fast_kdf: KdfParams,
                                                 puts: list[str]) -> None:
    with Vault.unlock(folder, PASSPHRASE) as vault:
        assert search_records(vault, "drain").hits
        vault.rekey("a brand new passphrase for this vault", kdf=fast_kdf)
        assert not (folder / INDEX_FILE).exists()
        assert [h.title for h in search_records(vault, "drain").hits] == ["Discharge"]
    assert puts == []  # the index in memory was kept
    with Vault.unlock(folder, "a brand new passphrase for this vault") as vault:
        assert [h.title for h in search_records(vault, "drain").hits] == ["Discharge"]


def test_lock_drops_the_index_from_memory(folder: Path) -> None:
    vault = Vault.unlock(folder, PASSPHRASE)
    search_records(vault, "drain")
    assert vault.attachments
    vault.close()
    assert vault.attachments == {}
    with pytest.raises(VaultError):
        search_records(vault, "drain")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.text(alphabet=st.sampled_from(list('"*^:()+-{}ORANDNEARxyé _\'\\.,')), max_size=40)
       | st.text(max_size=30))
def test_nothing_typed_makes_search_fail(vault: Vault, typed: str) -> None:
    if not vault.state.all(DOCUMENT):
        add_records(vault, catalog.add_person(vault, "Ana").id,
                    [{"title": "Or near", "pages": ["and xy not é"]}])
    result = search_records(vault, typed)
    assert isinstance(result.hits, tuple)
    assert result.hits or result.message or not result.query.empty
