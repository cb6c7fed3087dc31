"""Himpunan data (an immutable dataset of entities, with indexes and time queries)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, Final, TypeVar

import attrs

from adminnet._validators import raise_for_field, short
from adminnet.errors import InconsistentData, UnknownEntity
from adminnet.model._common import tuple_of
from adminnet.model.agency import Agency
from adminnet.model.agreement import Agreement
from adminnet.model.digital import DigitalizationTarget, Measurement, PublicService
from adminnet.model.event import Event
from adminnet.model.person import Person
from adminnet.model.position import Position, Tenure
from adminnet.time import DateLike, as_date

__all__ = ["COLLECTIONS", "COLLECTION_OF", "KINDS", "Collection", "Dataset"]

T = TypeVar("T")


@attrs.frozen
class Collection:
    """Kumpulan entitas (one collection of a Dataset: its key, class and singular noun).

    Attributes:
        name: The Dataset field and document key, ``"persons"``.
        cls: The entity class of its items, :class:`~adminnet.model.person.Person`.
        singular: ``"person"``, for messages and error codes.
        has_ids: Whether its entities have ids (measurements have none).
    """

    name: str
    cls: type
    singular: str
    has_ids: bool = True


COLLECTIONS: Final[tuple[Collection, ...]] = (
    Collection("agencies", Agency, "agency"),
    Collection("persons", Person, "person"),
    Collection("positions", Position, "position"),
    Collection("tenures", Tenure, "tenure"),
    Collection("agreements", Agreement, "agreement"),
    Collection("events", Event, "event"),
    Collection("services", PublicService, "service"),
    Collection("targets", DigitalizationTarget, "target"),
    Collection("measurements", Measurement, "measurement", has_ids=False),
)
"""The one table of entity collections, in Dataset field order.

Rules, the command line, serialization and the tests derive their lists from it
(``tests/model/test_dataset_collections.py`` checks it against the Dataset's fields).
"""

KINDS: Final = tuple(c.name for c in COLLECTIONS if c.has_ids)
"""The collections of a Dataset whose entities have ids (measurements have none)."""

COLLECTION_OF: Final[Mapping[type, str]] = {c.cls: c.name for c in COLLECTIONS}
"""The collection that holds each entity class: ``COLLECTION_OF[Person] == "persons"``."""

_SINGULAR: Final = {c.name: c.singular for c in COLLECTIONS}
_UNKNOWN: Final = {
    "agencies": "dataset.unknown_agency",
    "persons": "dataset.unknown_person",
    "positions": "dataset.unknown_position",
    "tenures": "dataset.unknown_tenure",
    "agreements": "dataset.unknown_agreement",
    "events": "dataset.unknown_event",
    "services": "dataset.unknown_service",
    "targets": "dataset.unknown_target",
    "measurements": "dataset.unknown_measurement",
}
"""The code of "no such id" per collection (literal, so the catalogue test finds them)."""


def _tuple(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def _field(tp: type) -> Any:
    return attrs.field(default=(), converter=_tuple, validator=tuple_of(tp))


def _check_unique(instance: Dataset, attribute: attrs.Attribute[Any], value: object) -> None:
    """Runs on the last field: every id is unique within its kind; one error lists all."""
    problems: list[str] = []
    for kind in KINDS:
        counts: dict[str, int] = defaultdict(int)
        for entity in getattr(instance, kind):
            counts[entity.id] += 1
        dupes = sorted(i for i, n in counts.items() if n > 1)
        if dupes:
            problems.append(f"{kind}: {', '.join(dupes)}")
    if problems:
        raise_for_field(
            InconsistentData(code="dataset.duplicate_id", params={"value": "; ".join(problems)}),
            instance,
            attribute,
        )


@attrs.frozen(kw_only=True)
class Dataset:
    """Himpunan data (a dataset: agencies, people, positions, tenures, agreements, ...).

    Immutable. Ids are unique per kind (one error lists every duplicate); references
    between entities are checked by :func:`adminnet.rules.check`, not here, so an
    incomplete dataset can still be built and reported on. Indexes are built once, on
    first use.

    Attributes:
        agencies: Instansi.
        persons: Orang.
        positions: Jabatan.
        tenures: Masa jabatan.
        agreements: Naskah kerja sama.
        events: Acara.
        services: Pelayanan publik.
        targets: Target digitalisasi.
        measurements: Pengukuran.
    """

    agencies: tuple[Agency, ...] = _field(Agency)
    persons: tuple[Person, ...] = _field(Person)
    positions: tuple[Position, ...] = _field(Position)
    tenures: tuple[Tenure, ...] = _field(Tenure)
    agreements: tuple[Agreement, ...] = _field(Agreement)
    events: tuple[Event, ...] = _field(Event)
    services: tuple[PublicService, ...] = _field(PublicService)
    targets: tuple[DigitalizationTarget, ...] = _field(DigitalizationTarget)
    measurements: tuple[Measurement, ...] = attrs.field(
        default=(), converter=_tuple, validator=[tuple_of(Measurement), _check_unique]
    )
    _index: dict[str, dict[str, Any]] = attrs.field(
        init=False, factory=dict, eq=False, repr=False, hash=False
    )

    # --- indexes ---------------------------------------------------------------------

    def _by_id(self, kind: str) -> Mapping[str, Any]:
        cache = self._index
        table = cache.get(kind)
        if table is None:
            table = {e.id: e for e in getattr(self, kind)}
            cache[kind] = table
        return table

    def _get(self, kind: str, id: str) -> Any:
        try:
            return self._by_id(kind)[id]
        except KeyError:
            raise UnknownEntity(code=_UNKNOWN[kind], params={"value": id}) from None
        except TypeError:
            raise UnknownEntity(
                code="dataset.invalid_id",
                params={"kind": _SINGULAR[kind], "type": type(id).__name__},
            ) from None

    def _grouped(self, name: str, kind: str, key: str) -> Mapping[str, tuple[Any, ...]]:
        table = self._index.get(name)
        if table is None:
            groups: dict[str, list[Any]] = defaultdict(list)
            for e in getattr(self, kind):
                groups[getattr(e, key)].append(e)
            table = {k: tuple(v) for k, v in groups.items()}
            self._index[name] = table
        return table

    def _agreements_by_agency(self) -> Mapping[str, tuple[Agreement, ...]]:
        table = self._index.get("agreements_by_agency")
        if table is None:
            groups: dict[str, list[Agreement]] = defaultdict(list)
            for a in self.agreements:
                for agency_id in a.agency_ids:
                    groups[agency_id].append(a)
            table = {k: tuple(v) for k, v in groups.items()}
            self._index["agreements_by_agency"] = table
        return table

    # --- accessors -------------------------------------------------------------------

    def agency(self, id: str) -> Agency:
        """The agency with this id (raises UnknownEntity)."""
        result: Agency = self._get("agencies", id)
        return result

    def person(self, id: str) -> Person:
        """The person with this id (raises UnknownEntity)."""
        result: Person = self._get("persons", id)
        return result

    def position(self, id: str) -> Position:
        """The position with this id (raises UnknownEntity)."""
        result: Position = self._get("positions", id)
        return result

    def tenure(self, id: str) -> Tenure:
        """The tenure with this id (raises UnknownEntity)."""
        result: Tenure = self._get("tenures", id)
        return result

    def agreement(self, id: str) -> Agreement:
        """The agreement with this id (raises UnknownEntity)."""
        result: Agreement = self._get("agreements", id)
        return result

    def event(self, id: str) -> Event:
        """The event with this id (raises UnknownEntity)."""
        result: Event = self._get("events", id)
        return result

    def service(self, id: str) -> PublicService:
        """The public service with this id (raises UnknownEntity)."""
        result: PublicService = self._get("services", id)
        return result

    def target(self, id: str) -> DigitalizationTarget:
        """The digitalization target with this id (raises UnknownEntity)."""
        result: DigitalizationTarget = self._get("targets", id)
        return result

    def contains(self, kind: str, id: str) -> bool:
        """True if an entity of ``kind`` (``"persons"``, ...) has this id."""
        if kind not in _SINGULAR:
            raise UnknownEntity(
                code="dataset.unknown_kind",
                params={"value": short(kind), "kinds": ", ".join(KINDS)},
            )
        return isinstance(id, str) and id in self._by_id(kind)

    # --- time queries ----------------------------------------------------------------

    def holders(
        self, position_id: str, at: DateLike | None = None, *, surely: bool = False
    ) -> tuple[Tenure, ...]:
        """Tenures of a position in force on a day (default today).

        With ``surely=False`` (the default) a tenure counts when its period *possibly*
        contains the day; with ``surely=True`` only when it surely does. Sorted by
        start.
        """
        self.position(position_id)
        d = as_date(at, what="at")
        tenures = self._grouped("tenures_by_position", "tenures", "position_id").get(
            position_id, ()
        )
        if surely:
            return _by_start([t for t in tenures if t.period.surely_contains(d)])
        return _by_start([t for t in tenures if t.period.possibly_contains(d)])

    def tenures_of(self, person_id: str, at: DateLike | None = None) -> tuple[Tenure, ...]:
        """A person's tenures, all of them or those possibly in force on ``at``."""
        self.person(person_id)
        tenures = self._grouped("tenures_by_person", "tenures", "person_id").get(person_id, ())
        if at is None:
            return _by_start(tenures)
        d = as_date(at, what="at")
        return _by_start([t for t in tenures if t.period.possibly_contains(d)])

    def agreements_of(self, agency_id: str, at: DateLike | None = None) -> tuple[Agreement, ...]:
        """An agency's agreements, all of them or those possibly in force on ``at``."""
        self.agency(agency_id)
        agreements = self._agreements_by_agency().get(agency_id, ())
        if at is None:
            return agreements
        d = as_date(at, what="at")
        return tuple(a for a in agreements if a.effective.possibly_contains(d))

    def positions_of(self, agency_id: str) -> tuple[Position, ...]:
        """The positions of an agency."""
        self.agency(agency_id)
        return self._grouped("positions_by_agency", "positions", "agency_id").get(agency_id, ())

    def measurements_of(self, agency_id: str) -> tuple[Measurement, ...]:
        """The measurements attributed to an agency."""
        return tuple(m for m in self.measurements if m.agency_id == agency_id)

    # --- combining -------------------------------------------------------------------

    def merge(self, other: Dataset) -> Dataset:
        """Union of two datasets; an id in both must name equal entities.

        Raises:
            InconsistentData: the same id names different entities (all are listed).
        """
        obj: object = other
        if not isinstance(obj, Dataset):
            raise InconsistentData(
                code="dataset.invalid_merge", params={"type": type(obj).__name__}
            )
        fields: dict[str, tuple[Any, ...]] = {}
        clashes: list[str] = []
        for kind in KINDS:
            mine = self._by_id(kind)
            extra = []
            for e in getattr(other, kind):
                if e.id in mine:
                    if mine[e.id] != e:
                        clashes.append(f"{kind}:{e.id}")
                else:
                    extra.append(e)
            fields[kind] = getattr(self, kind) + tuple(extra)
        if clashes:
            raise InconsistentData(
                code="dataset.merge_conflict", params={"value": ", ".join(clashes)}
            )
        seen = set(self.measurements)
        fields["measurements"] = self.measurements + tuple(
            m for m in other.measurements if m not in seen
        )
        return Dataset(**fields)

    def summary(self) -> dict[str, int]:
        """How many entities of each kind."""
        return {kind: len(getattr(self, kind)) for kind in (*KINDS, "measurements")}

    def _repr_html_(self) -> str:
        """A notebook summary: a table of the counts of each kind."""
        rows = "".join(
            f"<tr><td>{kind}</td><td style='text-align:right'>{n}</td></tr>"
            for kind, n in self.summary().items()
        )
        return (
            "<table><thead><tr><th>Dataset</th><th>count</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )


def _by_start(tenures: Iterable[Tenure]) -> tuple[Tenure, ...]:
    def key(t: Tenure) -> tuple[Any, ...]:
        start = t.period.start
        # An unknown start sorts first: it may be earlier than any known one.
        return (0, t.id) if start is None else (1, *start.sort_key(), t.id)

    return tuple(sorted(tenures, key=key))
