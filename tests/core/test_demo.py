"""The demo vault: opens, verifies, and holds the documented fictional case, half done."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from organizer.core import catalog
from organizer.core.case.checklist import build_checklist
from organizer.core.case.checklist_items import CheckItem, ItemState
from organizer.core.case.demo import DEMO_PASSPHRASE, DemoVault, create_demo
from organizer.core.case.demo_records import FICTIONAL, sample_records
from organizer.core.case.medications import medications
from organizer.core.case.questions import STARTER_QUESTIONS, questions
from organizer.core.case.requests import open_requests
from organizer.core.case.treatment_plan import plan_summary
from organizer.core.intake.analysis import analyse
from organizer.core.vault import Vault, keyslots
from organizer.core.vault.verify import verify
from tests.conftest import FAST_KDF
from tests.core.test_case_requests import pdf_text


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoVault]:
    with pytest.MonkeyPatch.context() as patch:  # test-only fast key settings, like `fast_kdf`
        patch.setattr("organizer.core.vault.vault.calibrate", lambda *a, **k: FAST_KDF)
        yield create_demo(tmp_path_factory.mktemp("demo") / "vault")


@pytest.fixture
def opened(demo: DemoVault) -> Iterator[Vault]:
    with Vault.unlock(demo.folder, DEMO_PASSPHRASE) as vault:
        yield vault


def test_the_demo_vault_opens_with_the_documented_passphrase_and_verifies(opened: Vault) -> None:
    assert verify(opened).ok
    slots, _ = keyslots.read_all_slots(opened.folder / "keys")
    assert any(s.kind == keyslots.PASSPHRASE for s in slots)


def test_the_demo_records_were_classified_by_the_real_rules(opened: Vault, demo: DemoVault) -> None:
    docs = {d.filename: d for d in catalog.documents(opened)}
    assert {name: (d.type.value if d.type else None) for name, d in docs.items()} == {
        "01-pathology-preliminary.pdf": "pathology", "02-pathology-final.pdf": "pathology",
        "03-operative-report.pdf": "operative", "07-imaging-report.pdf": "imaging",
        "08-scanned-consult-note.pdf": None,
    }
    versions = {f.get("filename"): f.get("pathology_version")
                for f in opened.state.all(catalog.DOCUMENT).values()}
    assert versions["01-pathology-preliminary.pdf"] == "preliminary"
    assert versions["02-pathology-final.pdf"] == "final"
    # the scanned page has its text read by text recognition (issue 15), so it is no longer
    # waiting for it
    recognised = [f for f in opened.state.all(catalog.DOCUMENT).values() if f.get("ocr")]
    assert [f["filename"] for f in recognised] == ["08-scanned-consult-note.pdf"]
    assert not any(f.get("scanned") for f in opened.state.all(catalog.DOCUMENT).values())
    assert len(demo.imported.imported_ids) == 5


def test_the_records_arriving_later_are_classified_as_what_they_are(demo: DemoVault) -> None:
    kinds = {r.filename: analyse(r.pdf, r.filename).classification.type for r in demo.later}
    assert {k: v.value if v else None for k, v in kinds.items()} == {
        "04-discharge-summary.pdf": "discharge", "05-treatment-plan.pdf": "treatment_plan",
        "06-medication-list.pdf": "medications",
    }


def test_every_sample_record_says_it_is_fictional() -> None:
    records = sample_records()
    assert len(records) == 8
    for record in records:
        text = pdf_text(record.pdf)
        assert (FICTIONAL in text) is not record.scanned, record.filename


def test_the_demo_checklist_is_half_done_with_the_case_filled_in(opened: Vault) -> None:
    person = catalog.find_person(opened, None)
    checklist = build_checklist(opened, person)
    states = {i.item: i.state for i in checklist.required}
    assert states == {
        CheckItem.PATHOLOGY: ItemState.RECEIVED, CheckItem.OPERATIVE: ItemState.RECEIVED,
        CheckItem.DISCHARGE: ItemState.REQUESTED, CheckItem.TREATMENT_PLAN: ItemState.WRITTEN,
        CheckItem.MEDICATIONS: ItemState.WRITTEN,  # the demo person wrote both down herself
    }
    assert checklist.complete == 0.8
    assert checklist.profile.diagnosis and checklist.profile.own_contact is not None
    assert len(medications(opened, person)) == 3 and plan_summary(opened, person) is not None
    assert len(questions(opened, person)) == len(STARTER_QUESTIONS) + 1
    assert open_requests(opened, person)[0].follow_up_due()


def test_the_demo_refuses_a_folder_that_already_has_files(tmp_path: Path, fast_kdf: object) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(Exception, match="already has other files"):
        create_demo(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]
