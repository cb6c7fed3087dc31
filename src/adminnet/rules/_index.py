"""Private indexes shared by the rules of one :func:`adminnet.rules.check` run.

Built lazily, once per run: a rule that needs tenures grouped by position asks for
them and every later rule reuses them. Nothing here raises on a dataset the model can
build (dangling references give ``None``, open periods are handled by the callers).
"""

from __future__ import annotations

import datetime as _dt
import typing
from collections import defaultdict
from collections.abc import Iterator
from functools import cached_property
from typing import Any, Final

import attrs

from adminnet.errors import AdminnetError
from adminnet.model.agency import Agency, AgencyKind
from adminnet.model.agreement import Agreement, Party
from adminnet.model.dataset import KINDS, Dataset
from adminnet.model.digital import DigitalizationTarget, Measurement, PublicService
from adminnet.model.event import Event
from adminnet.model.person import Person
from adminnet.model.position import Position, Role, Tenure
from adminnet.model.region import Region
from adminnet.rules._spans import bounds

__all__ = ["KIND_OF_TYPE", "DatasetIndex", "describe", "heads"]


def _singular(plural: str) -> str:
    """``agencies`` -> ``agency``, ``persons`` -> ``person`` (the names of Dataset)."""
    return plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]


def _kinds() -> dict[type, tuple[str, str]]:
    """Derive the table from :data:`adminnet.model.dataset.KINDS` and Dataset's fields.

    KINDS names the collections whose entities have ids; the remaining init fields of
    Dataset (measurements) follow. Each collection's entity class is the item type of
    its field (``tuple[Agency, ...]``).
    """
    hints = typing.get_type_hints(Dataset)
    names = [*KINDS, *(f.name for f in attrs.fields(Dataset) if f.init and f.name not in KINDS)]
    table: dict[type, tuple[str, str]] = {}
    for plural in names:
        item = typing.get_args(hints[plural])[0]
        table[item] = (_singular(plural), plural)
    return table


KIND_OF_TYPE: Final[dict[type, tuple[str, str]]] = _kinds()
"""Singular and plural (collection) name of each entity type of a Dataset.

Derived from :data:`adminnet.model.dataset.KINDS` (the one table of collections),
never written out here.
"""

_MISSING: Final = object()


class DatasetIndex:
    """Lookups and groupings over one dataset, built on first use.

    Attributes:
        dataset: The dataset indexed.
    """

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._catalog: dict[str, Agency | None] = {}
        self._regions: dict[tuple[str, int], Region | None] = {}

    # --- positions of entities in the dataset ----------------------------------------

    @cached_property
    def _offsets(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for _, plural in KIND_OF_TYPE.values():
            if plural == "measurements":
                continue
            out[plural] = {e.id: i for i, e in enumerate(getattr(self.dataset, plural))}
        return out

    @cached_property
    def _measurement_offsets(self) -> dict[int, int]:
        return {id(m): i for i, m in enumerate(self.dataset.measurements)}

    def locate(self, entity: object) -> tuple[str, str]:
        """Entity id (``"tenure:x"``) and path (``"$.tenures[4]"``) of an entity.

        An entity that is not in the dataset (a catalog agency) gets the path ``"$"``.
        """
        kinds = KIND_OF_TYPE.get(type(entity))
        if kinds is None:
            for tp, names in KIND_OF_TYPE.items():
                if isinstance(entity, tp):
                    kinds = names
                    break
        if kinds is None:
            return "dataset", "$"
        singular, plural = kinds
        if plural == "measurements":
            i = self._measurement_offsets.get(id(entity))
            if i is None:
                return "measurement:?", "$"
            return f"measurement:{i}", f"$.measurements[{i}]"
        ident = getattr(entity, "id", "?")
        j = self._offsets[plural].get(ident)
        if j is None:
            return f"{singular}:{ident}", "$"
        return f"{singular}:{ident}", f"$.{plural}[{j}]"

    # --- by id -----------------------------------------------------------------------

    @cached_property
    def agencies(self) -> dict[str, Agency]:
        """Agencies of the dataset by id."""
        return {a.id: a for a in self.dataset.agencies}

    @cached_property
    def persons(self) -> dict[str, Person]:
        """Persons by id."""
        return {p.id: p for p in self.dataset.persons}

    @cached_property
    def positions(self) -> dict[str, Position]:
        """Positions by id."""
        return {p.id: p for p in self.dataset.positions}

    @cached_property
    def tenures(self) -> dict[str, Tenure]:
        """Tenures by id."""
        return {t.id: t for t in self.dataset.tenures}

    @cached_property
    def agreements(self) -> dict[str, Agreement]:
        """Agreements by id."""
        return {a.id: a for a in self.dataset.agreements}

    @cached_property
    def events(self) -> dict[str, Event]:
        """Events by id."""
        return {e.id: e for e in self.dataset.events}

    @cached_property
    def services(self) -> dict[str, PublicService]:
        """Public services by id."""
        return {s.id: s for s in self.dataset.services}

    @cached_property
    def targets(self) -> dict[str, DigitalizationTarget]:
        """Digitalization targets by id."""
        return {t.id: t for t in self.dataset.targets}

    def catalog_agency(self, agency_id: str) -> Agency | None:
        """The agency of the shipped catalog with this id (cached), or ``None``."""
        found = self._catalog.get(agency_id, _MISSING)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        result: Agency | None
        try:
            from adminnet import agencies  # lazy: the catalog loads on first use

            result = agencies.get(agency_id)
        except (AdminnetError, ImportError):
            result = None
        self._catalog[agency_id] = result
        return result

    def agency(self, agency_id: str) -> Agency | None:
        """The agency with this id: the dataset's, else the catalog's, else ``None``."""
        found = self.agencies.get(agency_id)
        if found is not None:
            return found
        return self.catalog_agency(agency_id)

    def signed_parties(self) -> Iterator[tuple[Agreement, int, Party, Agency, int, int]]:
        """Each party of each signed agreement whose agency resolves (:meth:`agency`).

        Yields the agreement, the party's position in ``parties``, the party, its
        agency, and the first and last day (ordinals) the signing date may denote; in
        dataset order. Unsigned agreements and unknown agencies (REF001) are left out.
        """
        for g in self.dataset.agreements:
            if g.signed_on is None:
                continue
            lo, hi = bounds(g.signed_on)
            for i, party in enumerate(g.parties):
                agency = self.agency(party.agency_id)
                if agency is not None:
                    yield g, i, party, agency, lo, hi

    @cached_property
    def agency_by_position(self) -> dict[str, Agency]:
        """The agency of each position by position id: the dataset's or the catalog's.

        A position whose agency resolves to nothing is left out (REF001 reports it).
        """
        found: dict[str, Agency] = {}
        for p in self.dataset.positions:
            agency = self.agency(p.agency_id)
            if agency is not None:
                found[p.id] = agency
        return found

    def tenure_agencies(self) -> Iterator[tuple[Tenure, Agency]]:
        """Each tenure of the dataset with the agency of its position, in dataset order.

        A tenure whose position or agency resolves to nothing is left out.
        """
        by_position = self.agency_by_position
        for t in self.dataset.tenures:
            agency = by_position.get(t.position_id)
            if agency is not None:
                yield t, agency

    # --- groupings -------------------------------------------------------------------

    @cached_property
    def tenures_by_position(self) -> dict[str, list[Tenure]]:
        """Tenures grouped by position id, in dataset order."""
        groups: dict[str, list[Tenure]] = defaultdict(list)
        for t in self.dataset.tenures:
            groups[t.position_id].append(t)
        return dict(groups)

    @cached_property
    def tenures_by_person(self) -> dict[str, list[Tenure]]:
        """Tenures grouped by person id, in dataset order."""
        groups: dict[str, list[Tenure]] = defaultdict(list)
        for t in self.dataset.tenures:
            groups[t.person_id].append(t)
        return dict(groups)

    @cached_property
    def positions_by_agency(self) -> dict[str, list[Position]]:
        """Positions grouped by agency id, in dataset order."""
        groups: dict[str, list[Position]] = defaultdict(list)
        for p in self.dataset.positions:
            groups[p.agency_id].append(p)
        return dict(groups)

    @cached_property
    def units_by_parent(self) -> dict[str, list[Agency]]:
        """Agencies of the dataset grouped by their ``parent_id``."""
        groups: dict[str, list[Agency]] = defaultdict(list)
        for a in self.dataset.agencies:
            if a.parent_id is not None:
                groups[a.parent_id].append(a)
        return dict(groups)

    def heads_of(self, agency: Agency) -> list[Position]:
        """Positions that head an agency (see :func:`heads`)."""
        return [p for p in self.positions_by_agency.get(agency.id, ()) if heads(p, agency)]

    @cached_property
    def measurements_by_key(self) -> dict[tuple[str | None, str], list[Measurement]]:
        """Measurements grouped by (agency id, indicator key), in dataset order.

        Measurements of a region are left out: a target is an agency's.
        """
        groups: dict[tuple[str | None, str], list[Measurement]] = defaultdict(list)
        for m in self.dataset.measurements:
            if m.region_code is None:
                groups[(m.agency_id, m.indicator.key)].append(m)
        return dict(groups)

    @cached_property
    def agreements_by_event(self) -> dict[str, list[Agreement]]:
        """Agreements grouped by the event they name."""
        groups: dict[str, list[Agreement]] = defaultdict(list)
        for a in self.dataset.agreements:
            if a.event_id is not None:
                groups[a.event_id].append(a)
        return dict(groups)

    # --- regions ---------------------------------------------------------------------

    def region(self, code: str, ordinal: int) -> Region | None:
        """The registry's region for ``code`` on the day ``ordinal`` (cached), or ``None``."""
        key = (code, ordinal)
        found = self._regions.get(key, _MISSING)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        result: Region | None
        try:
            from adminnet import regions  # lazy: the registry loads on first use

            result = regions.get(code, as_of=_dt.date.fromordinal(ordinal))
        except (AdminnetError, ImportError, ValueError):
            result = None
        self._regions[key] = result
        return result

    def successors(self, code: str) -> tuple[str, ...]:
        """Current codes that replaced a retired region code (``()`` if none known)."""
        try:
            from adminnet import regions

            return regions.successors(code)
        except (AdminnetError, ImportError):
            return ()


_SEKJEN_HEADED: Final = frozenset({AgencyKind.SEKRETARIAT_LEMBAGA})


def heads(position: Position, agency: Agency | None) -> bool:
    """True if the position heads the agency.

    The head roles (menteri, kepala, gubernur, bupati, wali kota) head any agency; a
    Sekretaris Jenderal also heads a *sekretariat lembaga*, whose head it is.
    """
    if position.role.is_head:
        return True
    return (
        agency is not None
        and agency.kind in _SEKJEN_HEADED
        and position.role is Role.SEKRETARIS_JENDERAL
    )


def describe(value: Any) -> str:
    """Short text of a value for messages (``..`` for ``None``)."""
    return ".." if value is None else str(value)
