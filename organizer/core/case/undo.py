"""Undo for case edits: each edit keeps the field values it replaced, so it can put them back."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from string import Formatter
from typing import Any

from organizer.core.case.entities import new_id
from organizer.core.catalog import now_iso
from organizer.core.i18n import _
from organizer.core.vault import Change, Vault

EDIT = "case_edit"


@dataclass(frozen=True)
class Changed:
    """What an operation changed, for screens to redraw only that: the edit's label (what the
    person is told, and what Undo takes back) and each entity touched as (kind, id)."""

    label: str = ""
    touched: frozenset[tuple[str, str]] = frozenset()

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds of entities touched (e.g. {"medication"}): which screens show something new."""
        return frozenset(kind for kind, _ in self.touched)

    @staticmethod
    def combined(changes: Sequence[Changed]) -> Changed:
        """Several changes as one: the last label, everything touched."""
        label = changes[-1].label if changes else ""
        return Changed(label, frozenset().union(*(c.touched for c in changes)))

    def ids(self, kind: str) -> frozenset[str]:
        """The ids of the touched entities of one kind (e.g. DOCUMENT)."""
        return frozenset(entity_id for touched_kind, entity_id in self.touched if touched_kind == kind)


_collecting: ContextVar[list[Changed] | None] = ContextVar("collecting_changes", default=None)


@contextmanager
def collected_changes() -> Iterator[list[Changed]]:
    """Every edit recorded inside the block, as `record_edit` returned it (in order): for callers
    running an operation that returns something else (a new entry's id, a summary)."""
    found: list[Changed] = []
    token = _collecting.set(found)
    try:
        yield found
    finally:
        _collecting.reset(token)


def _touched(changes: Sequence[Change]) -> frozenset[tuple[str, str]]:
    return frozenset((c.kind, c.id) for c in changes if c.kind != EDIT)


@dataclass(frozen=True)
class Edit:
    """One recorded case edit, with what to write to undo it."""

    id: str
    person_id: str
    label: str
    """What the edit did, in the language shown now."""
    at: str
    undo: tuple[Change, ...]

    @property
    def changed(self) -> Changed:
        """What undoing this edit changes."""
        return Changed(self.label, _touched(self.undo))


class OurWords(str):
    """A value put into an edit's label that is our own wording (a record type, a checklist
    item), not something the person typed: it is shown in the reader's language too."""


def shown_label(label: str, values: Mapping[str, str] | None = None,
                ours: Collection[str] = ()) -> str:
    """An edit's label in the language shown now. `label` is the N_() text it was recorded
    with and `values` what went into its {names}; `ours` names the values that are our own
    words. Edits saved before labels were translated hold finished English text and no values:
    they are shown as saved (never formatted again, so braces in a drug's name stay as typed)."""
    if not values:
        return _(label)
    return _(label).format(**{name: _(value) if name in ours else value
                              for name, value in values.items()})


def _before(vault: Vault, change: Change) -> dict[str, Any]:
    """The values the change is about to replace (an entity that did not exist gets deleted)."""
    entity = vault.state.fields.get(change.kind, {}).get(change.id)
    if entity is None:
        return {"deleted": True}
    return {name: entity[name][1] if name in entity else None for name in change.fields}


def record_edit(vault: Vault, person_id: str, label: str, changes: Sequence[Change],
                **values: str) -> Changed:
    """Save the changes and, in the same journal entry, how to undo them; returns what changed.

    `label` is an N_() text saying what the edit does, with {names} for `values` (a drug, a
    provider; OurWords for our own wording): it is saved untranslated, and shown in whatever
    language the person reads when they undo it."""
    wanted = {name for _text, name, _spec, _conversion in Formatter().parse(label) if name}
    if wanted != set(values):  # a mistake in our code, not in what the person typed
        raise ValueError(f"edit label {label!r} needs {sorted(wanted)}, got {sorted(values)}")
    undo: dict[tuple[str, str], dict[str, Any]] = {}
    for change in changes:
        kept = undo.setdefault((change.kind, change.id), {})
        for name, value in _before(vault, change).items():
            kept.setdefault(name, value)
    ours = sorted(name for name, value in values.items() if isinstance(value, OurWords))
    edit = Change(EDIT, new_id(), {
        "person": person_id, "label": label, "at": now_iso(), "undone": False,
        "undo": [[kind, entity_id, fields] for (kind, entity_id), fields in undo.items()],
        **({"label_values": {name: str(value) for name, value in values.items()},
            "label_ours": ours} if values else {}),
    })
    vault.record([*changes, edit])
    changed = Changed(shown_label(label, values, ours), _touched(changes))
    if (collecting := _collecting.get()) is not None:
        collecting.append(changed)
    return changed


def last_edit(vault: Vault, person_id: str | None = None) -> Edit | None:
    """The newest edit not undone yet (of one person, or of anyone)."""
    newest: tuple[Any, str] | None = None
    for edit_id, raw in vault.state.fields.get(EDIT, {}).items():
        stamp, _ = raw.get("label", ((0, 0, ""), None))
        undone = raw.get("undone", (None, False))[1]
        person = raw.get("person", (None, ""))[1]
        if undone or (person_id is not None and person != person_id):
            continue
        if newest is None or stamp > newest[0]:
            newest = (stamp, edit_id)
    if newest is None:
        return None
    fields = vault.state.get(EDIT, newest[1]) or {}
    undo = tuple(Change(str(k), str(i), dict(f)) for k, i, f in fields.get("undo", []))
    values = fields.get("label_values")
    label = shown_label(str(fields.get("label", "")),
                        {str(k): str(v) for k, v in values.items()} if isinstance(values, dict) else None,
                        [str(name) for name in fields.get("label_ours") or ()])
    return Edit(newest[1], str(fields.get("person", "")), label, str(fields.get("at", "")), undo)


def undo_last(vault: Vault, person_id: str | None = None) -> Edit | None:
    """Put back what the newest case edit replaced; returns that edit, or None if none is left."""
    edit = last_edit(vault, person_id)
    if edit is None:
        return None
    vault.record([*edit.undo, Change(EDIT, edit.id, {"undone": True})])
    return edit
