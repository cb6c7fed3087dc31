"""Aturan orang (built-in rules on persons).

- ``PER001`` a career tenure does not start before the appointment encoded in the NIP.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from adminnet.errors import AdminnetError
from adminnet.ids import nip as _nip
from adminnet.model.position import Capacity, Position, Role, Tenure
from adminnet.rules._rule import Rule, RuleContext, Violation, rule
from adminnet.rules._spans import bounds

__all__ = ["CAREER_CAPACITIES", "CAREER_ROLES", "RULES", "is_career", "nip_after_career_start"]

CAREER_ROLES: Final = frozenset(
    {
        Role.SEKRETARIS_KEMENTERIAN,
        Role.SEKRETARIS_JENDERAL,
        Role.SEKRETARIS_UTAMA,
        Role.SEKRETARIS_DAERAH,
    }
)
"""Jabatan karier (roles filled only by career civil servants: JPT madya/pratama posts)."""

CAREER_CAPACITIES: Final = frozenset({Capacity.PENJABAT, Capacity.PENJABAT_SEMENTARA})
"""Kedudukan karier (capacities held only by career civil servants: a Pj./Pjs. is a JPT)."""


def is_career(tenure: Tenure, position: Position) -> bool:
    """Karier ASN (True if only a civil servant can hold this tenure).

    A *career tenure* is one in a sekretaris post (sekretaris kementerian, sekretaris
    jenderal, sekretaris utama, sekretaris daerah: JPT posts under UU 20/2023), or a
    Pj. or Pjs. of any post (UU 10/2016 Pasal 201: a Pj. is a JPT madya or pratama
    official). Political offices (menteri, kepala daerah and wakil, definitif), a
    kepala (some agency heads are political appointees), a Plt./Plh. (a wakil kepala
    daerah may be one) and ``other`` roles are not career tenures.
    """
    return position.role in CAREER_ROLES or tenure.capacity in CAREER_CAPACITIES


@rule(
    code="PER001",
    severity="warning",
    basis=(
        "Perka BKN 22/2007 (NIP digits 9-14: TMT CPNS month); UU 20/2023 and UU 10/2016"
        " Pasal 201(10) (JPT posts and Pj. filled by civil servants)"
    ),
)
def nip_after_career_start(ctx: RuleContext) -> Iterator[Violation]:
    """A career tenure does not start before the appointment encoded in the NIP.

    A PNS NIP encodes the month the CPNS appointment took effect (TMT CPNS), a NI PPPK
    the year of first appointment; a career tenure (see :func:`is_career`) needs the
    person to be a civil servant already, so it cannot start before that month or
    year. Reported when the tenure surely started before it. Legacy 9-digit NIPs
    encode no date and are not judged; nor are tenures with no start. Always a
    warning: a NIP may be re-issued, and old records may be wrong.
    """
    index = ctx.index
    positions = index.positions
    by_person = index.tenures_by_person
    for p in ctx.dataset.persons:
        if p.nip is None:
            continue
        tenures = by_person.get(p.id)
        if not tenures:
            continue
        try:
            record = _nip.parse(p.nip)
        except AdminnetError:
            continue
        if record.appointed is None:
            continue
        appointed_lo = bounds(record.appointed)[0]
        for t in tenures:
            start = t.period.start
            position = positions.get(t.position_id)
            if start is None or position is None or not is_career(t, position):
                continue
            if bounds(start)[1] < appointed_lo:
                yield ctx.violation(
                    p,
                    field="nip",
                    params={
                        "tenure": t.id,
                        "label": t.label(position),
                        "start": str(start),
                        "appointed": str(record.appointed),
                        "value": _nip.format(p.nip),
                    },
                )


RULES: Final[tuple[Rule, ...]] = (nip_after_career_start,)
"""Aturan bawaan (the built-in rules of this module)."""
