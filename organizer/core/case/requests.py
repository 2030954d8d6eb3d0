"""Records requests: what was asked of which provider, when, how it should arrive, and when to follow up."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from organizer.core.case.checklist_items import CheckItem, ItemState, RequestChannel
from organizer.core.case.entities import (
    RECORDS_REQUEST,
    find_item,
    items_of,
    new_item,
    next_position,
    parse_day,
    text_of,
    today,
)
from organizer.core.case.marking import mark_change
from organizer.core.case.undo import record_edit
from organizer.core.errors import InvalidInput
from organizer.core.i18n import N_, _
from organizer.core.records import Person, RecordType
from organizer.core.vault import Change, Vault

FOLLOW_UP_DAYS = 14  # a common wait before calling again; the person can choose another
OPEN, RECEIVED, CANCELLED = "open", "received", "cancelled"


class Delivery(StrEnum):
    """How the person would like the copies."""

    MAIL = "mail"
    EMAIL = "email"
    PATIENT_PORTAL = "patient_portal"
    PICKUP = "pickup"
    FAX = "fax"

    @property
    def label(self) -> str:
        return {"mail": "by mail to my address below", "email": "by secure email",
                "patient_portal": "through the patient portal", "pickup": "for pick-up in person",
                "fax": "by fax"}[self.value]


def delivery(text: str) -> Delivery:
    wanted = text.strip().lower().replace("-", "_")
    try:
        return Delivery({"portal": "patient_portal", "post": "mail"}.get(wanted, wanted))
    except ValueError:
        raise InvalidInput(_("{text!r}: choose mail, email, portal, pickup or fax.")
                           .format(text=text)) from None


def record_label(name: str) -> str:
    """Words for a requested record: a checklist item or record type name, or the text as written."""
    if name in CheckItem._value2member_map_:
        return CheckItem(name).label
    if name in RecordType._value2member_map_:
        return RecordType(name).label
    return name


@dataclass(frozen=True)
class RecordsRequest:
    provider: str  # the hospital or office asked
    records: tuple[str, ...]  # checklist items / record types / free words
    channel: RequestChannel = RequestChannel.RECORDS_DEPARTMENT
    address: str = ""  # the provider's postal address, fax or email, for the letter
    date_from: str = ""
    date_to: str = ""
    delivery: Delivery = Delivery.MAIL
    requested_on: str = ""
    follow_up_days: int = FOLLOW_UP_DAYS
    status: str = OPEN
    closed_on: str = ""
    notes: str = ""
    id: str = ""

    @property
    def follow_up_on(self) -> str:
        """The day to call if nothing has come (ISO)."""
        start = date.fromisoformat(self.requested_on) if self.requested_on else date.today()
        return (start + timedelta(days=self.follow_up_days)).isoformat()

    def follow_up_due(self, on: str = "") -> bool:
        """Still open and the follow-up day has come."""
        return self.status == OPEN and (on or today()) >= self.follow_up_on


def _checked(request: RecordsRequest) -> RecordsRequest:
    provider = " ".join(request.provider.split())
    records = tuple(r.strip().lower().replace("-", "_") if r.strip().lower().replace("-", "_")
                    in CheckItem._value2member_map_ else r.strip() for r in request.records if r.strip())
    if not provider or not records:
        raise InvalidInput(_("Please say whom you are asking and which records you need."))
    if request.follow_up_days < 1:
        raise InvalidInput(_("The reminder needs at least 1 day."))
    start, end = parse_day(request.date_from, _("start date")), parse_day(request.date_to, _("end date"))
    if start and end and end < start:
        raise InvalidInput(_("The end of the date range is before its start. Please check."))
    return replace(request, provider=provider, records=records, date_from=start, date_to=end,
                   requested_on=parse_day(request.requested_on, _("request date"), day_needed=True)
                   or today())


def add_request(vault: Vault, person: Person, request: RecordsRequest) -> RecordsRequest:
    """Track a request; the checklist items it covers are marked requested in the same step."""
    kept = _checked(request)
    change = new_item(RECORDS_REQUEST, person.id, _fields(kept),
                      next_position(vault, RECORDS_REQUEST, person.id))
    marks = [mark_change(person, CheckItem(r), ItemState.REQUESTED, from_whom=kept.provider,
                         how=kept.channel, on=kept.requested_on)
             for r in kept.records if r in CheckItem._value2member_map_]
    record_edit(vault, person.id, N_("Request records from {provider}"), [change, *marks],
                provider=kept.provider)
    return replace(kept, id=change.id)


def close_request(vault: Vault, person: Person, ref: str, status: str = RECEIVED,
                  on: str = "") -> None:
    """The records came (or the request was dropped): stop the reminder."""
    if status not in (RECEIVED, CANCELLED):
        raise InvalidInput(_("A request is closed as received or cancelled."))
    request_id = find_item(vault, RECORDS_REQUEST, person.id, ref, _("records request"))
    closed_on = parse_day(on, day_needed=True) or today()
    record_edit(vault, person.id, N_("Close a records request as received") if status == RECEIVED
                else N_("Close a records request as cancelled"), [Change(
        RECORDS_REQUEST, request_id, {"status": status, "closed_on": closed_on})])


def records_requests(vault: Vault, person: Person) -> list[RecordsRequest]:
    return [_request(rid, f) for rid, f in items_of(vault, RECORDS_REQUEST, person.id)]


def open_requests(vault: Vault, person: Person) -> list[RecordsRequest]:
    return [r for r in records_requests(vault, person) if r.status == OPEN]


def get_request(vault: Vault, person: Person, ref: str) -> RecordsRequest:
    request_id = find_item(vault, RECORDS_REQUEST, person.id, ref, _("records request"))
    return next(r for r in records_requests(vault, person) if r.id == request_id)


def _fields(r: RecordsRequest) -> dict[str, Any]:
    return {"provider": r.provider, "records": list(r.records), "channel": r.channel.value,
            "address": r.address.strip(), "date_from": r.date_from, "date_to": r.date_to,
            "delivery": r.delivery.value, "requested_on": r.requested_on,
            "follow_up_days": r.follow_up_days, "status": r.status, "closed_on": r.closed_on,
            "notes": r.notes.strip()}


def _request(rid: str, f: dict[str, Any]) -> RecordsRequest:
    channel, how = text_of(f, "channel"), text_of(f, "delivery")
    return RecordsRequest(
        provider=text_of(f, "provider"), records=tuple(str(r) for r in f.get("records") or ()),
        channel=RequestChannel(channel) if channel in RequestChannel._value2member_map_
        else RequestChannel.RECORDS_DEPARTMENT,
        address=text_of(f, "address"), date_from=text_of(f, "date_from"),
        date_to=text_of(f, "date_to"),
        delivery=Delivery(how) if how in Delivery._value2member_map_ else Delivery.MAIL,
        requested_on=text_of(f, "requested_on"),
        follow_up_days=int(f.get("follow_up_days") or FOLLOW_UP_DAYS),
        status=text_of(f, "status") or OPEN, closed_on=text_of(f, "closed_on"),
        notes=text_of(f, "notes"), id=rid)
