"""Questions for the doctor: a starter list in plain words that the person can edit, add to and reorder."""

from __future__ import annotations

from dataclasses import dataclass

from organizer.core.case.entities import CASE, QUESTION, items_of, new_item, removal, text_of
from organizer.core.case.undo import record_edit
from organizer.core.errors import InvalidInput
from organizer.core.i18n import N_, _
from organizer.core.records import Person
from organizer.core.vault import Change, Vault

GENERAL, DIFFERENT, MINE = "general", "if the opinions differ", "mine"

STARTER_QUESTIONS: tuple[tuple[str, str], ...] = (
    (GENERAL, N_("What kind of cancer do I have, and how sure are you about that?")),
    (GENERAL, N_("What stage is it, and what does that mean for me?")),
    (GENERAL, N_("Did you look at my slides and scans yourself, or only at the reports?")),
    (GENERAL, N_("Do you agree with the plan I was given? Why or why not?")),
    (GENERAL, N_("What are all my choices, and what is the goal of each one?")),
    (GENERAL, N_("What side effects could each choice have, soon and years from now?")),
    (GENERAL, N_("Is there a clinical trial that could fit me?")),
    (GENERAL, N_("How soon do I need to decide or start?")),
    (GENERAL, N_("Who do I call if I have questions after today?")),
    (DIFFERENT, N_("How did you reach your plan? What did you look at most?")),
    (DIFFERENT, N_("How do you read my test results? Do you see anything differently?")),
    (DIFFERENT, N_("Which studies or guidelines did you use for your advice?")),
    (DIFFERENT, N_("What have you suggested to other people in the same situation?")),
    (DIFFERENT, N_("Could you and my other doctor look at my case together?")),
    (DIFFERENT, N_("Should I ask a third specialist? What kind of doctor would that be?")),
)


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    group: str = MINE


def _starter_id(person: Person, number: int) -> str:
    return f"{person.id}:s{number:02d}"


def _started(vault: Vault, person: Person) -> bool:
    return bool((vault.state.get(CASE, person.id) or {}).get("questions_started"))


def _starters(person: Person) -> list[Question]:
    return [Question(_starter_id(person, n), _(text), group)
            for n, (group, text) in enumerate(STARTER_QUESTIONS, start=1)]


def _seed(person: Person) -> list[Change]:
    """Changes that write the starter list (and remember that it was written)."""
    changes = [Change(QUESTION, q.id, {"person": person.id, "text": q.text, "group": q.group,
                                       "position": float(n), "added": "", "deleted": False})
               for n, q in enumerate(_starters(person), start=1)]
    return [*changes, Change(CASE, person.id, {"questions_started": True})]


def questions(vault: Vault, person: Person) -> list[Question]:
    """The person's questions in their order (the starter list until they change anything)."""
    if not _started(vault, person):
        return _starters(person)
    return [Question(qid, text_of(f, "text"), text_of(f, "group") or MINE)
            for qid, f in items_of(vault, QUESTION, person.id)]


def _edit(vault: Vault, person: Person, label: str, changes: list[Change]) -> None:
    # The whole starter list is written first; the edit's own changes come after and win.
    seeding = [] if _started(vault, person) else _seed(person)
    record_edit(vault, person.id, label, [*seeding, *changes])


def _find(vault: Vault, person: Person, ref: str) -> tuple[int, Question]:
    current = questions(vault, person)
    for number, question in enumerate(current, start=1):
        if ref in (question.id, str(number)) or (len(ref) >= 4 and question.id.startswith(ref)):
            return number, question
    raise InvalidInput(_("There is no question {ref!r}. List the questions to see their numbers.")
                       .format(ref=ref))


def _text(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise InvalidInput(_("Please write the question."))
    return cleaned


def add_question(vault: Vault, person: Person, text: str) -> Question:
    """Add a question at the end of the list."""
    position = float(len(questions(vault, person)) + 1)
    change = new_item(QUESTION, person.id, {"text": _text(text), "group": MINE}, position)
    _edit(vault, person, N_("Add a question"), [change])
    return Question(change.id, str(change.fields["text"]))


def edit_question(vault: Vault, person: Person, ref: str, text: str) -> None:
    """Change the words of a question (ref: its number in the list, or its id)."""
    _, question = _find(vault, person, ref)
    _edit(vault, person, N_("Change a question"), [Change(QUESTION, question.id, {"text": _text(text)})])


def remove_question(vault: Vault, person: Person, ref: str) -> None:
    _, question = _find(vault, person, ref)
    _edit(vault, person, N_("Remove a question"), [removal(QUESTION, question.id)])


def move_question(vault: Vault, person: Person, ref: str, to: int) -> None:
    """Move a question to place `to` (1 is the top) and number the list again."""
    _, question = _find(vault, person, ref)
    order = [q for q in questions(vault, person) if q.id != question.id]
    order.insert(max(0, min(to - 1, len(order))), question)
    changes = [Change(QUESTION, q.id, {"position": float(n)}) for n, q in enumerate(order, start=1)]
    _edit(vault, person, N_("Move a question"), changes)


def reset_questions(vault: Vault, person: Person) -> None:
    """Go back to the starter list (the person's own questions are removed; undo brings them back)."""
    starter_ids = {q.id for q in _starters(person)}
    gone = [removal(QUESTION, q.id) for q in questions(vault, person) if q.id not in starter_ids]
    record_edit(vault, person.id, N_("Go back to the starter questions"), [*gone, *_seed(person)])
