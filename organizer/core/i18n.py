"""Words the core shows people, in their language: gettext-style markers over a JSON catalogue.

`_("text")` translates now, `N_("text")` only marks text kept in a table and translated where it
is shown (`_(TABLE[key])`), `ngettext(one, other, n)` picks the plural form ("1 record",
"3 records"). English is the source language and needs no catalogue; other languages live in
`resources/translations/core_<code>.json` (plain text: no build step, reviewable in a diff).

The window picks the language from its Settings (`set_language`); the command line follows
LANGUAGE / LC_ALL / LC_MESSAGES / LANG like any gettext program. The packet PDF is printed in
English whatever the language (`in_english`), since the doctor who reads it is not the user.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import ParamSpec, TypeVar

from organizer.core.resources import resources_folder

ENGLISH = "en"
LANGUAGES = ("en", "es")
_chosen: list[str] = []  # the language set by the app; empty = follow the environment
_LANGUAGE_BEFORE = "ORGANIZER_LANGUAGE_BEFORE"  # LANGUAGE as it was before set_language
_forced: ContextVar[str] = ContextVar("organizer_forced_language", default="")

P = ParamSpec("P")
R = TypeVar("R")


def environment_language(environ: dict[str, str] | None = None) -> str:
    """The language a gettext program would use from the environment ("es" for es_MX.UTF-8)."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        for wanted in value.split(":"):
            code = wanted.split(".")[0].replace("-", "_").split("_")[0].lower()
            if code in LANGUAGES:
                return code
            if code in ("c", "posix"):
                return ENGLISH
        if value:
            return ENGLISH
    return ENGLISH


def set_language(code: str) -> None:
    """Show core texts in `code` from now on ("" = follow the environment again).

    Child processes (the file reader's sandbox) follow through LANGUAGE, as gettext does.
    """
    if not _chosen and _LANGUAGE_BEFORE not in os.environ:
        os.environ[_LANGUAGE_BEFORE] = os.environ.get("LANGUAGE", "")
    _chosen.clear()
    if code in LANGUAGES:
        _chosen.append(code)
        os.environ["LANGUAGE"] = code
    else:
        os.environ["LANGUAGE"] = os.environ.pop(_LANGUAGE_BEFORE, "")
        if not os.environ["LANGUAGE"]:
            del os.environ["LANGUAGE"]


def current_language() -> str:
    return _forced.get() or (_chosen[0] if _chosen else environment_language())


@contextlib.contextmanager
def english() -> Iterator[None]:
    """Within this block (on this thread only), core texts are English."""
    token = _forced.set(ENGLISH)
    try:
        yield
    finally:
        _forced.reset(token)


def in_english(function: Callable[P, R]) -> Callable[P, R]:
    """Run `function` with English core texts (for what is printed for the doctor)."""
    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with english():
            return function(*args, **kwargs)
    return wrapper


@functools.cache
def catalogue(code: str) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """The translations of one language: plain strings, and plural pairs keyed by the singular."""
    if code == ENGLISH:
        return {}, {}
    path = resources_folder() / "translations" / f"core_{code}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    plurals = {entry["one"]: (entry["es_one"], entry["es_other"]) for entry in data["plurals"]}
    return dict(data["strings"]), plurals


def _(text: str) -> str:
    """`text` in the current language (as is when it has no translation)."""
    code = current_language()
    if code == ENGLISH:
        return text
    return catalogue(code)[0].get(text) or text


def window_text(text: str) -> str:
    """`text` in the window's (or command line's) language even inside `in_english`: for what a
    packet build tells the person while it runs, not what it prints."""
    code = _chosen[0] if _chosen else environment_language()
    return text if code == ENGLISH else catalogue(code)[0].get(text) or text


def N_(text: str) -> str:
    """Mark `text` for translation where it is shown; returns it unchanged."""
    return text


def ngettext(one: str, other: str, count: int) -> str:
    """The form of a counted phrase for `count` ("1 record" / "3 records"), translated."""
    code = current_language()
    forms = catalogue(code)[1].get(one) if code != ENGLISH else None
    if forms is None:  # English, or two forms marked one by one with N_ (same rule in Spanish)
        return _(one) if count == 1 else _(other)
    return forms[0] if count == 1 else forms[1]
