"""The core's words in Spanish: every marked text has a translation, and no message escapes marking."""

from __future__ import annotations

import io
import json
import string
from collections.abc import Iterator

import pytest

from organizer.core import i18n
from organizer.core.case.checklist_items import CheckItem
from organizer.core.case.next_steps import untyped_step
from organizer.core.errors import InvalidInput
from organizer.core.i18n import (
    _,
    environment_language,
    in_english,
    ngettext,
    set_language,
    window_text,
)
from organizer.core.passphrase_strength import time_in_words
from organizer.core.records import RecordType
from organizer.core.resources import resources_folder
from organizer.core.user_dates import UserDate, read_date
from tests.core.core_strings import (
    guidance_texts,
    hidden_translators,
    marked_strings,
    unmarked_error_messages,
)

CATALOGUE = resources_folder() / "translations" / "core_es.json"


@pytest.fixture
def spanish() -> Iterator[None]:
    set_language("es")
    yield
    set_language("en")


def _fields(text: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def test_every_marked_text_has_spanish() -> None:
    singles, plurals, _misuses = marked_strings()
    strings, plural_forms = i18n.catalogue("es")
    missing = [str(s) for s in singles if not strings.get(s.text, "").strip()]
    missing += [str(p) for p in plurals if p.text not in plural_forms]
    missing += [text for text in guidance_texts() if not strings.get(text, "").strip()]
    assert not missing, "No Spanish for:\n" + "\n".join(missing)


def test_translations_keep_every_placeholder() -> None:
    strings, _plural_forms = i18n.catalogue("es")
    wrong = [english for english, spanish in strings.items() if _fields(english) != _fields(spanish)]
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    for entry in data["plurals"]:
        wanted = _fields(entry["other"])
        if _fields(entry["es_other"]) != wanted or not _fields(entry["es_one"]) <= wanted:
            wrong.append(entry["one"])
    assert not wrong, wrong


def test_catalogue_holds_no_texts_the_core_no_longer_uses() -> None:
    singles, plurals, _misuses = marked_strings()
    used = {s.text for s in singles} | {p.text for p in plurals} | set(guidance_texts())
    strings, plural_forms = i18n.catalogue("es")
    assert sorted(set(strings) - used) == [] and sorted(set(plural_forms) - used) == []


def test_markers_get_plain_literals_not_f_strings() -> None:
    """`_(f"...{x}")` can never be found in the catalogue: use `_("...{x}").format(x=x)`."""
    _singles, _plurals, misuses = marked_strings()
    assert not misuses, "\n".join(map(str, misuses))


def test_every_error_message_in_core_is_marked() -> None:
    """`raise InvalidInput("words")` would reach a Spanish window in English."""
    found = unmarked_error_messages()
    assert not found, "Wrap these in _():\n" + "\n".join(map(str, found))


def test_no_function_hides_the_translator_behind_a_throwaway_name() -> None:
    found = hidden_translators()
    assert not found, "`_` is bound as a variable where _() is called:\n" + "\n".join(map(str, found))


def test_the_checker_finds_an_unmarked_message() -> None:
    """The source checks above are not vacuous: they see marked and unmarked texts in core."""
    singles, _plurals, _misuses = marked_strings()
    assert len(singles) > 200
    import ast

    from tests.core import core_strings

    tree = ast.parse('raise InvalidInput(f"No {x} here.")\nraise InvalidInput(_("Marked."))')
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.args]
    bare = [core_strings._is_bare_text(c.args[0]) for c in calls
            if core_strings._name(c.func) == "InvalidInput"]
    assert bare == [True, False]


def test_spanish_words_from_the_core(spanish: None) -> None:
    assert CheckItem.MEDICATIONS.label == "Lista de medicamentos"
    assert RecordType.OPERATIVE.label == "Informe quirúrgico"
    assert UserDate(2024, 3, 12).words() == "12 de marzo de 2024"
    assert UserDate(2024, 4).words() == "abril de 2024"
    assert time_in_words(3 * 86400) == "alrededor de 3 días"
    with pytest.raises(InvalidInput, match="no es una fecha"):
        read_date("31/02/2024")


def test_plurals_in_both_languages(spanish: None) -> None:
    assert untyped_step(1).startswith("1 documento necesita su tipo")
    assert untyped_step(3).startswith("3 documentos necesitan su tipo")
    set_language("en")
    assert untyped_step(1).startswith("1 record needs its type")
    assert untyped_step(3).startswith("3 records need their type")
    assert "1 records" not in untyped_step(1)
    assert ngettext("about 1 day", "about {count} days", 2).format(count=2) == "about 2 days"


def test_the_packet_stays_english_inside_a_spanish_window(spanish: None) -> None:
    @in_english
    def printed() -> str:
        return CheckItem.MEDICATIONS.label

    assert printed() == "Medication list"
    assert CheckItem.MEDICATIONS.label == "Lista de medicamentos"

    @in_english
    def progress() -> str:  # what the build tells the person while it runs
        return window_text("Putting the packet together")

    assert progress() == "Armando el paquete"


def test_command_line_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert environment_language({"LANG": "es_MX.UTF-8"}) == "es"
    assert environment_language({"LANGUAGE": "es:en", "LANG": "C.UTF-8"}) == "es"
    assert environment_language({"LC_ALL": "C", "LANG": "es_ES.UTF-8"}) == "en"
    assert environment_language({"LANG": "de_DE.UTF-8"}) == "en"
    assert environment_language({}) == "en"
    set_language("")  # follow the environment, as the command line does
    monkeypatch.setenv("LANGUAGE", "es")
    try:
        assert _("Please type a date.") == "Escriba una fecha, por favor."
        monkeypatch.setenv("LANGUAGE", "en")
        assert _("Please type a date.") == "Please type a date."
    finally:
        set_language("en")


def test_the_guidance_speaks_spanish(spanish: None) -> None:
    from organizer.core.case.guidance import guidance_topics

    topics = guidance_topics()
    assert topics[0].title == "Encontrar un médico para una segunda opinión"
    assert all(link.url.startswith("https://") for topic in topics for link in topic.links)


def test_a_stopped_packet_build_says_so_in_the_window_language(spanish: None) -> None:
    """The packet prints English, but what its build tells the person follows the window."""
    import threading

    from organizer.core.packet import PacketOptions, build_packet
    from organizer.core.packet.content import PacketContent
    from organizer.core.packet.options import PacketCancelled

    stop = threading.Event()
    stop.set()
    content = PacketContent(person_name="Ana Silva", date_of_birth="1958-02-11")
    with pytest.raises(PacketCancelled, match="usted lo detuvo"):
        build_packet(content, io.BytesIO(), PacketOptions(cancel=stop))
