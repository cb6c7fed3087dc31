"""Acara (events: signings, inaugurations, meetings), with timezone-aware starts."""

from __future__ import annotations

import datetime as _dt
from typing import Any, overload

import attrs
import pendulum

from adminnet._enum import LabeledEnum, labels
from adminnet._validators import disagrees, raise_for_field
from adminnet.errors import InvalidComponent, InvalidFormat
from adminnet.ids import _region_table
from adminnet.model._common import (
    check_id,
    check_ids,
    check_region_code_form,
    check_text,
    clean_text,
    enum_converter,
    ids_tuple,
    instance_of,
    optional_id_field,
    optional_region_code_field,
    optional_text_field,
)
from adminnet.model._display import entity_html

__all__ = ["Event", "EventKind"]


@labels(
    {
        "penandatanganan": "Penandatanganan",
        "pelantikan": "Pelantikan",
        "rapat": "Rapat",
        "peluncuran": "Peluncuran",
        "other": "Lainnya",
    }
)
class EventKind(LabeledEnum):
    """Jenis acara (kind of event: signing, inauguration, meeting, launch)."""

    PENANDATANGANAN = "penandatanganan"
    PELANTIKAN = "pelantikan"
    RAPAT = "rapat"
    PELUNCURAN = "peluncuran"
    OTHER = "other"


@overload
def _datetime_converter(value: None) -> None: ...
@overload
def _datetime_converter(value: _dt.datetime) -> pendulum.DateTime: ...
def _datetime_converter(value: _dt.datetime | None) -> pendulum.DateTime | None:
    """An aware stdlib datetime becomes a pendulum DateTime in the same zone.

    A naive one passes through for the validator to refuse.
    """
    if isinstance(value, pendulum.DateTime) or not isinstance(value, _dt.datetime):
        return value
    if value.tzinfo is None or value.utcoffset() is None:
        return value  # type: ignore[return-value]  # the validator refuses naive ones
    return pendulum.instance(value)


def _to_datetime(value: _dt.datetime) -> pendulum.DateTime:
    """Converter of a required datetime: :func:`_datetime_converter` without ``None``."""
    return _datetime_converter(value)


def _check_aware(instance: Event, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and attribute.name == "end":
        return
    if isinstance(value, _dt.datetime) and (value.tzinfo is None or value.utcoffset() is None):
        raise_for_field(_naive(attribute.name, value), instance, attribute)
    instance_of(pendulum.DateTime)(instance, attribute, value)
    assert isinstance(value, pendulum.DateTime)
    if value.tzinfo is None or value.utcoffset() is None:
        raise_for_field(_naive(attribute.name, value), instance, attribute)
    if attribute.name == "end" and value < instance.start:
        start = instance.start.isoformat()
        exc = disagrees("event.end_before_start", value.isoformat(), start=start)
        raise_for_field(exc, instance, attribute)


def _naive(field: str, value: _dt.datetime) -> InvalidFormat:
    return InvalidFormat(
        code="event.naive_datetime", params={"field": field, "value": value.isoformat()}
    )


def _check_region(instance: Event, attribute: attrs.Attribute[Any], value: object) -> None:
    code = check_region_code_form(instance, attribute, value, "event")
    if code is None:
        return
    day = instance.start.date()
    if not _region_table.exists(code, day):  # the registry's table (module docstring)
        raise_for_field(
            InvalidComponent(code="region.unknown", params={"value": code, "at": str(day)}),
            instance,
            attribute,
        )


def _to_event_kind(value: str | EventKind) -> EventKind:
    """Converter: the value string of a EventKind becomes the member."""
    return enum_converter(EventKind)(value)


@attrs.frozen(kw_only=True)
class Event:
    """Acara (an event, e.g. the MoU signing of 16 March 2017 at Gedung LAN Veteran).

    ``start`` must be a timezone-aware :class:`pendulum.DateTime` (an aware stdlib
    ``datetime`` is converted); naive datetimes are refused, never taken as UTC.

    Attributes:
        id: Slug id.
        kind: What kind of event.
        name: Its name as written.
        start: When it began, timezone-aware.
        end: When it ended, timezone-aware, if known.
        venue: Where, as written (``"Gedung LAN Veteran, Jakarta"``).
        region_code: Kemendagri code of the region of the venue, if known.
        organizer_id: Agency that organised it.
        time_known: False when only the day is known: ``start`` is then midnight in
            the event's timezone and only its date is meaningful.
        chair_id: Person who chaired it (``dipimpin oleh``).
        attendee_ids: Persons reported present (``hadir``), other than chair and witnesses.
        witness_ids: Persons who witnessed it (``disaksikan oleh``).
        agreement_ids: Agreements signed at it.
    """

    id: str = attrs.field(validator=check_id)
    kind: EventKind = attrs.field(converter=_to_event_kind, validator=instance_of(EventKind))
    name: str = attrs.field(converter=clean_text, validator=check_text)
    start: pendulum.DateTime = attrs.field(converter=_to_datetime, validator=_check_aware)
    end: pendulum.DateTime | None = attrs.field(
        default=None, converter=_datetime_converter, validator=_check_aware
    )
    time_known: bool = attrs.field(default=True, validator=instance_of(bool))
    venue: str | None = optional_text_field()
    region_code: str | None = optional_region_code_field(_check_region)
    organizer_id: str | None = optional_id_field()
    chair_id: str | None = optional_id_field()
    attendee_ids: tuple[str, ...] = attrs.field(
        default=(), converter=ids_tuple, validator=check_ids
    )
    witness_ids: tuple[str, ...] = attrs.field(default=(), converter=ids_tuple, validator=check_ids)
    agreement_ids: tuple[str, ...] = attrs.field(
        default=(), converter=ids_tuple, validator=check_ids
    )

    def __str__(self) -> str:
        """The name and the day: ``"Penandatanganan MoU (2017-03-16)"``."""
        return f"{self.name} ({self.start.date().isoformat()})"

    _repr_html_ = entity_html

    @property
    def date(self) -> pendulum.Date:
        """The calendar day of the start, in the start's own timezone."""
        return self.start.date()
