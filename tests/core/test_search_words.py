"""Full-text search finds records by their words: accents, case, prefixes, phrases, filters."""

from __future__ import annotations

import random

import pytest

from organizer.core import catalog
from organizer.core.catalog import DOCUMENT
from organizer.core.search import search_records
from organizer.core.vault import Change, Vault
from tests.core.search_support import add_records, new_text


@pytest.fixture
def people(vault: Vault) -> tuple[str, str]:
    return (catalog.add_person(vault, "Ana Pérez").id, catalog.add_person(vault, "Bo Lind").id)


@pytest.fixture
def records(vault: Vault, people: tuple[str, str]) -> list[str]:
    ana, bo = people
    return add_records(vault, ana, [
        {"title": "Informe de patología", "type": "pathology", "record_date": "2024-03-02",
         "pages": ["Muestra de ganglio linfático.", "Carcinoma ductal infiltrante, grado 2."]},
        {"title": "Discharge summary", "type": "discharge", "notes": "ask about the drain",
         "pages": ["Patient went home on day three. Ductal carcinoma was removed."]},
    ]) + add_records(vault, bo, [
        {"title": "Operative note", "type": "operative",
         "pages": ["Lumpectomy with sentinel LYMPH node biopsy."]},
    ])


def ids(vault: Vault, text: str, **kw: str) -> list[str]:
    return [hit.id for hit in search_records(vault, text, **kw).hits]  # type: ignore[arg-type]


def test_words_match_without_accents_or_case(vault: Vault, records: list[str]) -> None:
    assert ids(vault, "linfatico") == [records[0]]
    assert ids(vault, "LINFÁTICO") == [records[0]]
    assert ids(vault, "lymph") == [records[2]]
    assert ids(vault, "patologia") == [records[0]]


def test_words_match_as_prefixes_and_all_words_are_needed(vault: Vault, records: list[str]) -> None:
    assert ids(vault, "linf") == [records[0]]
    assert sorted(ids(vault, "carcin")) == sorted(records[:2])
    assert ids(vault, "carcinoma home") == [records[1]]  # both words, in one record
    assert ids(vault, "carcinoma zebra") == []


def test_a_quoted_phrase_matches_as_a_phrase(vault: Vault, records: list[str]) -> None:
    assert ids(vault, '"carcinoma ductal"') == [records[0]]
    assert ids(vault, '"ductal carcinoma"') == [records[1]]
    assert ids(vault, "“ductal carcinoma”") == [records[1]]  # typographic quotes too


def test_or_finds_either_word(vault: Vault, records: list[str]) -> None:
    assert sorted(ids(vault, "lumpectomy OR linfatico")) == sorted([records[0], records[2]])


def test_hits_say_the_page_and_show_a_snippet_with_the_words_marked(
    vault: Vault, records: list[str]
) -> None:
    (hit,) = search_records(vault, "infiltrante").hits
    assert (hit.id, hit.page, hit.type, hit.date) == (records[0], 2, "pathology", "2024-03-02")
    assert "Carcinoma ductal infiltrante" in hit.snippet
    (start, end), = hit.marks
    assert hit.snippet[start:end] == "infiltrante"
    assert set(hit.as_json()) == {"id", "title", "type", "date", "page", "snippet"}


def test_titles_notes_and_types_are_searched(vault: Vault, records: list[str]) -> None:
    assert ids(vault, "drain") == [records[1]]
    assert ids(vault, "operative") == [records[2]]
    assert ids(vault, "pathology report") == [records[0]]  # the type in words


def test_filters_by_person_and_type(vault: Vault, people: tuple[str, str],
                                     records: list[str]) -> None:
    ana, bo = people
    assert sorted(ids(vault, "carcinoma", person=ana)) == sorted(records[:2])
    assert ids(vault, "carcinoma", person=bo) == []
    assert ids(vault, "carcinoma", record_type="discharge") == [records[1]]
    assert ids(vault, "lymph", person=bo, record_type="operative") == [records[2]]


@pytest.mark.parametrize("typed", [
    '"', '""', '"carcinoma', 'carcinoma"', "AND", "OR", "NOT", "carcinoma AND", "OR carcinoma",
    "NEAR(carcinoma ductal)", "NEAR", "*", "carc*", "^carcinoma", "title:carcinoma",
    "body : x", "{title notes}: carcinoma", "(carcinoma", "carcinoma)", "-carcinoma", "+",
    "carcinoma OR OR", "'", "\\", "%", "_", "\x00", "a" * 5000, "ductal -\"x", "col:\"a b\"*",
])
def test_hostile_queries_never_raise(vault: Vault, records: list[str], typed: str) -> None:
    result = search_records(vault, typed)
    assert result.hits or result.message or result.hits == ()


def test_a_pasted_paragraph_is_looked_for_by_its_first_words(vault: Vault,
                                                             records: list[str]) -> None:
    pasted = "Carcinoma ductal infiltrante " + " ".join(f"w{n}" for n in range(500))
    assert len(search_records(vault, pasted).query.groups) == 40
    assert ids(vault, pasted) == []


def test_a_column_filter_is_read_as_words(vault: Vault, records: list[str]) -> None:
    assert ids(vault, "title:linfatico") == [records[0]]
    assert sorted(ids(vault, "carc*")) == sorted(records[:2])  # the * changes nothing
    assert search_records(vault, "***").message


def test_changes_to_records_are_found_at_the_next_search(vault: Vault, records: list[str]) -> None:
    assert ids(vault, "lumpectomy") == [records[2]]
    vault.record([Change(DOCUMENT, records[2], {"title": "Cirugía mamaria", "type": "pathology",
                                                "notes": "zanahoria"})])
    assert ids(vault, "cirugia") == [records[2]]
    assert ids(vault, "zanahoria", record_type="pathology") == [records[2]]
    assert ids(vault, "operative note") == []
    new_text(vault, records[2], ["Recognised text: mastectomía"])
    assert ids(vault, "mastectomia") == [records[2]]
    assert ids(vault, "lumpectomy") == []
    vault.record([Change(DOCUMENT, records[2], {"deleted": True})])
    assert ids(vault, "mastectomia") == []


def test_among_fifty_records_a_word_only_one_holds_finds_it_first(
    vault: Vault, people: tuple[str, str]
) -> None:
    chance = random.Random(15)
    common = ["patient", "tumour", "margin", "biopsy", "specimen", "report", "carcinoma", "lymph",
              "node", "grade", "stage", "follow", "up", "treatment", "dose", "cycle", "history",
              "clinical", "findings", "negative", "positive"]
    unique = [f"qx{n:02d}{chance.choice('aeiou')}lith" for n in range(50)]
    records = [{"title": f"Report {n}", "type": "pathology",
                "pages": [" ".join(chance.choices(common, k=300)) for _ in range(3)]}
               for n in range(50)]
    for n, record in enumerate(records):
        pages = record["pages"]
        assert isinstance(pages, list)
        pages[n % 3] += f" {unique[n]} " + " ".join(chance.choices(common, k=50))
    made = add_records(vault, people[0], records)
    for n, word in enumerate(unique):
        hits = search_records(vault, word).hits
        assert hits and hits[0].id == made[n]
        assert hits[0].page == n % 3 + 1
