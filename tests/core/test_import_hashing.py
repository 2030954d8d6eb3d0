"""Each file is hashed once, by the process that stores it: a reader process neither hashes the
file it was sent nor is taken on its word for it (issue 16, speed; security rules)."""

from __future__ import annotations

import hashlib
import io
from multiprocessing import Pipe
from pathlib import Path

import pytest

from organizer.core import catalog
from organizer.core.intake.importer import DUPLICATE, IMPORTED, ImportOptions, import_files
from organizer.core.intake.sandbox import FileReader
from organizer.core.intake.sandbox_worker import READ, _work
from organizer.core.vault import Vault
from organizer.core.vault.verify import verify
from tests.portal_samples import cda, xdm_zip
from tests.samples import text_pdf


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_reader_leaves_the_file_unhashed_and_hashes_only_documents_found_inside() -> None:
    parent, child = Pipe()
    single = cda()
    _, found = _work((0, single, "a.xml", None, READ), child, (None, None), False, False)
    assert found.sha256 == "" and found.original == b""
    documents = [cda(), cda(code="18842-5", title="Discharge Summary")]
    _, download = _work((1, xdm_zip(documents), "d.zip", None, READ), child, (None, None), False, False)
    assert download.sha256 == ""
    assert [part.sha256 for part in download.parts] == [_digest(d) for d in documents]
    parent.close()
    child.close()


def test_the_file_reader_gives_the_hash_of_what_it_sent() -> None:
    data = text_pdf([["Surgical pathology report", "Diagnosis: benign"]])
    with FileReader(workers=1, recognise=False) as reader:
        found = reader.read_one(data, "report.pdf")
    assert found.sha256 == _digest(data) and found.original == data


def test_imported_files_record_their_true_hashes_and_find_duplicates(
    vault: Vault, tmp_path: Path
) -> None:
    files = {"report.pdf": text_pdf([["Operative report", "Procedure: lumpectomy"]]),
             "summary.xml": cda(code="18842-5", title="Discharge Summary"),
             "download.zip": xdm_zip([cda(), cda(code="18748-4", title="CT Chest")])}
    paths = []
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    person = catalog.add_person(vault, "Ann Lee")
    with FileReader(recognise=False) as reader:
        first = import_files(vault, paths, ImportOptions(person), reader)
        assert [o.status for o in first.outcomes] == [IMPORTED] * 3
        again = import_files(vault, paths, ImportOptions(person), reader)
    assert [o.status for o in again.outcomes] == [DUPLICATE] * 3
    report = verify(vault)  # reads every stored file back and checks it against its hash
    assert report.ok and not report.problems
    for document in vault.state.all(catalog.DOCUMENT).values():
        original = vault.read_file(str(document["file"]))
        assert document["sha256"] == _digest(original)


def test_a_digest_given_to_the_store_is_used_only_for_a_whole_in_memory_source(vault: Vault) -> None:
    data = b"record " * 20_000
    given = vault.store_file(io.BytesIO(data), sha256=_digest(data))
    assert given.sha256 == _digest(data) and vault.read_file(given.id) == data
    source = io.BytesIO(data)
    source.seek(7)
    part = vault.store_file(source, sha256=_digest(data))  # not the digest of what is stored
    assert part.sha256 == _digest(data[7:])


@pytest.mark.parametrize("durable", [True, False])
def test_without_a_digest_the_store_hashes_as_before(vault: Vault, durable: bool) -> None:
    stored = vault.store_file(io.BytesIO(b"abc"), durable=durable)
    vault.make_durable([stored.id])
    assert stored.sha256 == _digest(b"abc")
