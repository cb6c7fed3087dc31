"""Ekspor Popolo (export a dataset to the Popolo open-government data specification).

:func:`to_popolo` turns a :class:`~adminnet.model.dataset.Dataset` into the five
Popolo collections, each object valid against the official draft-03 JSON Schemas of
the Popolo project (https://www.popoloproject.com/):

==================  ================  =================================================
Popolo collection   adminnet entity   notes
==================  ================  =================================================
``persons``         Person            name with gelar, NIP as an identifier
``organizations``   Agency            kind as classification, dated other names
``posts``           Position          title as label, role label as role
``memberships``     Tenure            acting capacity kept in label and ``capacity``
``events``          Event             chair, witnesses and attendees as attendees
==================  ================  =================================================

>>> from adminnet.examples import lan_mou_2017
>>> popolo = to_popolo(lan_mou_2017())
>>> sorted(popolo)
['events', 'memberships', 'organizations', 'persons', 'posts']
>>> [m["label"] for m in popolo["memberships"] if m["capacity"] != "definitif"]
['Pj. Wali Kota Ambon']

Mapping decisions (where the Popolo specification leaves a choice):

- **Unknown is omitted.** A property whose value is unknown (``None``) or an empty
  list is left out rather than written as ``null`` or ``[]``.
- **Dates.** Partial dates keep their precision (``"2015"``, ``"2016-08"``,
  ``"2016-08-04"``), which Popolo's date pattern accepts; an open end of a period is
  omitted. Event times are ISO 8601 with the event's own UTC offset
  (``"2017-03-16T09:00:00+07:00"``), to the second: Popolo's pattern has no fraction,
  so microseconds are truncated, and an offset with seconds (a historical local mean
  time) is written as the same instant in UTC. An event whose ``time_known`` is false
  gets its calendar day only (``"2017-03-16"``).
- **Persons.** ``name`` is the formal name with gelar (``"Ir. Frans J. Papilaya,
  M.Si."``); ``honorific_prefix`` joins the front titles with a space (``"Prof.
  Dr."``), ``honorific_suffix`` the back titles with ``", "`` (``"M.Si., Ph.D."``);
  ``given_name`` and ``sort_name`` are the name without titles. ``family_name`` is
  never written: many Indonesians have a single name or no family name, and the last
  word of a name is often a father's name or a second given name, so it cannot be
  guessed. ``gender`` is ``"male"``/``"female"`` and ``birth_date`` the recorded date;
  neither is derived from the NIP (the NIP itself is exported). The NIP goes to
  ``identifiers`` with scheme :data:`NIP_SCHEME` (18-digit PNS), :data:`PPPK_SCHEME`
  (NI PPPK) or :data:`LEGACY_NIP_SCHEME` (9-digit NIP before 2009).
- **Organizations.** ``classification`` is the :class:`~adminnet.model.agency.AgencyKind`
  *value* (``"pemerintah_kota"``, stable; its ``.label`` is the Indonesian term);
  ``founding_date``/``dissolution_date`` are the ends of ``valid``. ``other_names``
  lists each other name with its dates and legal basis (as ``note``), then the
  acronyms (``note: "acronym"``): the current one undated, each other name's with that
  name's dates. A local government gets its Kemendagri region code as an identifier
  (scheme :data:`REGION_CODE_SCHEME`); every agency with a region code gets it as
  ``area_id`` (no Area objects are exported: area ids are dotted region codes).
- **Posts.** ``label`` is the position's title and ``role`` the
  :class:`~adminnet.model.position.Role` label (``"Wali Kota"``); a role of ``other``
  writes no ``role`` (the label says what the post is).
- **Memberships.** ``label`` is :meth:`~adminnet.model.position.Tenure.label`
  (``"Pj. Wali Kota Ambon"``: the acting capacity is kept), ``role`` the Role label,
  ``organization_id`` the position's agency, and the extension property
  ``capacity`` the :class:`~adminnet.model.position.Capacity` value (``"penjabat"``;
  ``"definitif"`` too), since Popolo has no property for it.
- **Events.** ``classification`` is the :class:`~adminnet.model.event.EventKind` value,
  ``location`` the venue, ``organization_id`` the organizer. ``attendees`` lists the
  chair, the witnesses and the other attendees, in that order without repeats, as
  person stubs ``{"id", "name"}`` (``name`` when the person is in the dataset); since
  Popolo's attendees carry no role, the extension properties ``chair_id`` and
  ``witness_ids`` keep who chaired and who witnessed.
- **References that do not resolve** (a tenure whose position is not in the dataset)
  are exported as they are; what would need the missing entity (the membership's
  ``label``, ``role`` and ``organization_id``) is omitted.

Popolo's schemas allow additional properties, so the extension properties
(``capacity``, ``chair_id``, ``witness_ids``) keep every object valid.

Not exported, for want of a Popolo property (the adminnet JSON of
:mod:`adminnet.serialization` keeps everything): agreements, public services,
digitalization targets and measurements; an agency's ``basis`` and ``successor_ids``;
a tenure's ``basis`` (the decree); an event's ``region_code`` and ``agreement_ids``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any, Final

import pendulum

from adminnet.errors import InvalidComponent, InvalidFormat
from adminnet.ids import nip as _nip
from adminnet.model.agency import Agency
from adminnet.model.dataset import Dataset
from adminnet.model.event import Event
from adminnet.model.person import Person
from adminnet.model.position import Position, Role, Tenure
from adminnet.time import PartialDate

__all__ = [
    "LEGACY_NIP_SCHEME",
    "NIP_SCHEME",
    "PPPK_SCHEME",
    "REGION_CODE_SCHEME",
    "to_popolo",
]

NIP_SCHEME: Final = "NIP"
"""Skema identifier NIP (the 18-digit Nomor Induk Pegawai of a PNS)."""

PPPK_SCHEME: Final = "NI PPPK"
"""Skema identifier NI PPPK (the 18-digit Nomor Induk of a PPPK)."""

LEGACY_NIP_SCHEME: Final = "NIP lama"
"""Skema identifier NIP lama (the 9-digit NIP used before 2009)."""

REGION_CODE_SCHEME: Final = "Kode Wilayah Kemendagri"
"""Skema identifier kode wilayah (the Kemendagri region code, dotted: ``"81.71"``)."""

_NIP_SCHEMES: Final = {
    _nip.NipKind.PNS: NIP_SCHEME,
    _nip.NipKind.PPPK: PPPK_SCHEME,
    _nip.NipKind.LEGACY: LEGACY_NIP_SCHEME,
}

_Obj = dict[str, Any]


def to_popolo(dataset: Dataset) -> dict[str, list[dict[str, Any]]]:
    """Ekspor ke Popolo (a dataset as Popolo persons, organizations, posts, ...).

    Args:
        dataset: The dataset to export.

    Returns:
        A dict with the keys ``"persons"``, ``"organizations"``, ``"posts"``,
        ``"memberships"`` and ``"events"``, each a list of JSON-ready Popolo objects in
        the dataset's order. See the module documentation for the mapping.

    Raises:
        InvalidFormat: ``dataset`` is not a :class:`~adminnet.model.dataset.Dataset`
            (code ``popolo.invalid_type``).
    """
    obj: object = dataset
    if not isinstance(obj, Dataset):
        raise InvalidFormat(code="popolo.invalid_type", params={"type": type(obj).__name__})
    positions = {p.id: p for p in dataset.positions}
    names = {p.id: str(p.name) for p in dataset.persons}
    return {
        "persons": [_person(p) for p in dataset.persons],
        "organizations": [_organization(a) for a in dataset.agencies],
        "posts": [_post(p) for p in dataset.positions],
        "memberships": [_membership(t, positions.get(t.position_id)) for t in dataset.tenures],
        "events": [_event(e, names) for e in dataset.events],
    }


def _compact(obj: _Obj) -> _Obj:
    """Drop the unknown (``None``) values and empty lists."""
    return {k: v for k, v in obj.items() if v is not None and v != []}


def _partial(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def _person(person: Person) -> _Obj:
    name = person.name
    identifiers = []
    record = person.nip_record
    if record is not None:
        identifiers.append({"identifier": record.number, "scheme": _NIP_SCHEMES[record.kind]})
    return _compact(
        {
            "id": person.id,
            "name": str(name),
            "given_name": name.given,
            "sort_name": name.given,
            "honorific_prefix": " ".join(name.prefixes) or None,
            "honorific_suffix": ", ".join(name.suffixes) or None,
            "gender": None if person.gender is None else person.gender.value,
            "birth_date": None if person.birth_date is None else person.birth_date.isoformat(),
            "identifiers": identifiers,
        }
    )


def _organization(agency: Agency) -> _Obj:
    other_names = [
        _compact(
            {
                "name": other.name,
                "start_date": _partial(other.valid.start),
                "end_date": _partial(other.valid.end),
                "note": other.basis,
            }
        )
        for other in agency.other_names
    ]
    acronyms: list[_Obj] = []
    if agency.acronym is not None:
        acronyms.append({"name": agency.acronym, "note": "acronym"})
    for other in agency.other_names:
        if other.acronym is None:
            continue
        entry = _compact(
            {
                "name": other.acronym,
                "start_date": _partial(other.valid.start),
                "end_date": _partial(other.valid.end),
                "note": "acronym",
            }
        )
        if entry not in acronyms:
            acronyms.append(entry)
    identifiers = []
    if agency.is_local_government and agency.region_code is not None:
        identifiers.append({"identifier": agency.region_code, "scheme": REGION_CODE_SCHEME})
    return _compact(
        {
            "id": agency.id,
            "name": agency.name,
            "other_names": other_names + acronyms,
            "identifiers": identifiers,
            "classification": agency.kind.value,
            "parent_id": agency.parent_id,
            "area_id": agency.region_code,
            "founding_date": _partial(agency.valid.start),
            "dissolution_date": _partial(agency.valid.end),
        }
    )


def _role(role: Role) -> str | None:
    return None if role is Role.OTHER else role.label


def _post(position: Position) -> _Obj:
    return _compact(
        {
            "id": position.id,
            "label": position.title,
            "role": _role(position.role),
            "organization_id": position.agency_id,
        }
    )


def _membership(tenure: Tenure, position: Position | None) -> _Obj:
    return _compact(
        {
            "id": tenure.id,
            "label": None if position is None else tenure.label(position),
            "role": None if position is None else _role(position.role),
            "person_id": tenure.person_id,
            "organization_id": None if position is None else position.agency_id,
            "post_id": tenure.position_id,
            "start_date": _partial(tenure.period.start),
            "end_date": _partial(tenure.period.end),
            "capacity": tenure.capacity.value,
        }
    )


def _instant(value: pendulum.DateTime | None, *, time_known: bool) -> str | None:
    """Popolo date-time: seconds, the value's own offset (whole minutes) or UTC."""
    if value is None:
        return None
    if not time_known:
        return value.date().isoformat()
    offset = value.utcoffset()
    assert offset is not None  # the model refuses naive datetimes
    seconds = int(offset.total_seconds())
    if seconds % 60:
        try:
            value = value.astimezone(_dt.UTC)
        except OverflowError:
            raise InvalidComponent(
                code="popolo.unrepresentable_time", params={"value": value.isoformat()}
            ) from None
        seconds = 0
    sign = "-" if seconds < 0 else "+"
    hours, minutes = divmod(abs(seconds) // 60, 60)
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
        f"T{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
        f"{sign}{hours:02d}:{minutes:02d}"
    )


def _unique(ids: Iterable[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for i in ids:
        if i is not None:
            seen.setdefault(i, None)
    return list(seen)


def _event(event: Event, names: dict[str, str]) -> _Obj:
    attendees = [
        _compact({"id": i, "name": names.get(i)})
        for i in _unique((event.chair_id, *event.witness_ids, *event.attendee_ids))
    ]
    return _compact(
        {
            "id": event.id,
            "name": event.name,
            "classification": event.kind.value,
            "start_date": _instant(event.start, time_known=event.time_known),
            "end_date": _instant(event.end, time_known=event.time_known),
            "location": event.venue,
            "organization_id": event.organizer_id,
            "attendees": attendees,
            "chair_id": event.chair_id,
            "witness_ids": list(event.witness_ids),
        }
    )
