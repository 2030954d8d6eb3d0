"""Dates in the packet: whole on one line in the medication table, partial dates in words."""

from __future__ import annotations

from pathlib import Path

from organizer.core.case.medications import Medication, add_medication, medications
from organizer.core.case.packet_facts import packet_content
from organizer.core.case.people import add_person
from organizer.core.case.treatment_plan import plan_summary, set_plan_summary
from organizer.core.packet import PacketOptions, build_packet
from organizer.core.packet.content import PlanSummary
from organizer.core.vault import Vault
from tests.core.test_packet_support import content, pdfium_texts

MEDICINES = (
    Medication("Tamoxifen", "20 mg", "by mouth", "once a day", "2024-04-15", "2024-11-30"),
    Medication("Letrozole", "2.5 mg", "by mouth", "once a day", "2024-09", ""),
    Medication("Ondansetron", "8 mg", "by mouth", "when needed", "2023", "2024-01-02"),
)


def test_medication_dates_never_wrap_and_partial_dates_read_as_words(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(medications=tuple(m.as_row() for m in MEDICINES),
                         plan=PlanSummary("Surgery first.", "Dr. Lee", "2024-04")), out, PacketOptions())
    pages = pdfium_texts(out)
    table = next(text for text in pages if "Tamoxifen" in text)
    lines = [" ".join(line.replace("\u00a0", " ").split()) for line in table.splitlines()]
    for whole in ("2024-04-15", "2024-11-30", "2024-01-02", "still taking", "Sep 2024",
                  "2023"):
        assert any(whole in line for line in lines), f"{whole} is broken across lines: {lines}"


def test_partial_dates_are_stored_with_their_precision_and_printed_in_words(vault: Vault) -> None:
    person = add_person(vault, "Ana Ruiz", "1958-04-23")
    add_medication(vault, person, Medication("Letrozole", start="abril 2024", stop="2025"))
    set_plan_summary(vault, person, PlanSummary("Surgery first.", date="April 2024"))
    assert [(m.start, m.stop) for m in medications(vault, person)] == [("2024-04", "2025")]
    assert plan_summary(vault, person) == PlanSummary("Surgery first.", date="2024-04")
    packet = packet_content(vault, person)
    assert packet.plan is not None and packet.plan.date == "April 2024"
    assert (packet.medications[0].start, packet.medications[0].stop) == ("Apr 2024", "2025")
