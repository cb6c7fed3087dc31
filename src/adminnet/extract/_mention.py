"""The mention record and the kinds of mentions (shared by the scanner and the builder)."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from adminnet._enum import LabeledEnum, labels
from adminnet.errors import AdminnetError
from adminnet.model.position import Capacity, Role

__all__ = ["Mention", "MentionKind", "PositionReading"]


@labels(
    {
        "person": "Orang",
        "position": "Jabatan",
        "agency": "Instansi",
        "region": "Wilayah",
        "date": "Tanggal",
        "time": "Waktu",
        "venue": "Tempat",
        "agreement": "Jenis naskah kerja sama",
        "area": "Bidang kerja sama",
        "figure": "Angka",
        "event": "Jenis acara",
    }
)
class MentionKind(LabeledEnum):
    """Jenis sebutan (what a mention names: a person, a position, an agency, ...)."""

    PERSON = "person"
    POSITION = "position"
    AGENCY = "agency"
    REGION = "region"
    DATE = "date"
    TIME = "time"
    VENUE = "venue"
    AGREEMENT = "agreement"
    AREA = "area"
    FIGURE = "figure"
    EVENT = "event"


@attrs.frozen(kw_only=True)
class PositionReading:
    """Bacaan frasa jabatan (a position phrase as read: role, capacity, agency, place).

    The attribute names are those of ``adminnet.positions.ParsedPosition``.

    Attributes:
        role: The role (``Role.OTHER`` for a role outside the model's list).
        capacity: Definitif, or the acting capacity printed before the role.
        agency_id: The agency of the position, when the phrase names one.
        region_code: The region of a regional head's position.
        unit: The unit inside the agency, when named.
        title: The title, e.g. ``"Wali Kota Ambon"`` (the capacity left out).
    """

    role: Role
    capacity: Capacity
    agency_id: str | None
    region_code: str | None
    unit: str | None
    title: str


@attrs.frozen(kw_only=True)
class Mention:
    """Sebutan (one thing found in the text, with its exact character span).

    ``text[start:end] == mention.text`` always holds for the text it was found in.

    Attributes:
        kind: What it names.
        start: Offset of its first character.
        end: Offset after its last character.
        text: The text as printed.
        value: The parsed value: a PersonName, a :class:`PositionReading`, an Agency,
            a Region, a pendulum Date or a PartialDate, a (hour, minute, zone) time, the
            venue string, an AgreementKind (None for plain "kerja sama"), a
            CooperationArea, a number (Decimal or int; None when malformed) or an
            EventKind.
        confidence: How sure the rule is, 0..1.
        rule: The name of the rule that found it (``position.name-after``, ...).
        error: The adminnet error the printed value raised (a malformed figure, a
            date whose year is unknown), else None. Not part of equality.
    """

    kind: MentionKind
    start: int
    end: int
    text: str
    value: Any = None
    confidence: float = 1.0
    rule: str = ""
    error: AdminnetError | None = attrs.field(default=None, eq=False)

    @property
    def span(self) -> tuple[int, int]:
        """(start, end)."""
        return (self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        """Sebutan sebagai JSON (the mention as plain JSON data; the value as text or ids).

        >>> from adminnet.extract import extract
        >>> extract("Kepala BKN hadir.").mentions[0].to_dict()["value"]["agency_id"]
        'bkn'
        """
        out: dict[str, Any] = {
            "kind": self.kind.value,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": _json_value(self.value),
            "confidence": self.confidence,
            "rule": self.rule,
        }
        if self.error is not None:
            out["error"] = {"code": self.error.code, "message": self.error.message}
        return out


def _json_value(value: Any) -> Any:
    """A mention's value as JSON data: ids for entities, strings for dates and names."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, PositionReading):
        return {
            "role": value.role.value,
            "capacity": value.capacity.value,
            "agency_id": value.agency_id,
            "region_code": value.region_code,
            "unit": value.unit,
            "title": value.title,
        }
    if isinstance(value, tuple):  # a clock time: (hour, minute, zone)
        hour, minute, zone = value
        return {"time": f"{hour:02d}:{minute:02d}", "zone": zone}
    for attr in ("code", "id"):  # a Region, an Agency
        if isinstance(getattr(value, attr, None), str) and hasattr(value, "name"):
            return {attr: getattr(value, attr), "name": value.name}
    if hasattr(value, "unit") and hasattr(value, "value"):  # a figure
        return {"value": str(value.value), "unit": value.unit}
    return str(value)  # a PersonName, a Date, a PartialDate
