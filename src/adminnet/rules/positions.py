"""Aturan jabatan (built-in rules on positions).

- ``POS001`` a position's role fits the kind of its agency.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Final

from adminnet.model.agency import AgencyKind
from adminnet.model.position import Role
from adminnet.rules._rule import Rule, RuleContext, Violation, rule

__all__ = ["ROLE_AGENCY_KINDS", "RULES", "role_agency_mismatch"]

_K = AgencyKind

ROLE_AGENCY_KINDS: Final[Mapping[Role, frozenset[AgencyKind]]] = {
    Role.MENTERI: frozenset({_K.KEMENTERIAN}),
    Role.KEPALA: frozenset(
        {
            _K.LEMBAGA_PEMERINTAH_NONKEMENTERIAN,
            _K.LEMBAGA_PEMERINTAH_LAINNYA,
            _K.ALAT_NEGARA,
            _K.LEMBAGA_NONSTRUKTURAL,
            _K.SEKRETARIAT_LEMBAGA,
            _K.UNIT_KERJA,
            _K.OTHER,
        }
    ),
    Role.SEKRETARIS_KEMENTERIAN: frozenset({_K.KEMENTERIAN, _K.UNIT_KERJA, _K.OTHER}),
    Role.SEKRETARIS_JENDERAL: frozenset(
        {
            _K.KEMENTERIAN,
            _K.LEMBAGA_NEGARA,
            _K.SEKRETARIAT_LEMBAGA,
            _K.LEMBAGA_NONSTRUKTURAL,
            _K.UNIT_KERJA,
            _K.OTHER,
        }
    ),
    Role.SEKRETARIS_UTAMA: frozenset(
        {
            _K.LEMBAGA_PEMERINTAH_NONKEMENTERIAN,
            _K.LEMBAGA_PEMERINTAH_LAINNYA,
            _K.ALAT_NEGARA,
            _K.LEMBAGA_NONSTRUKTURAL,
            _K.UNIT_KERJA,
            _K.OTHER,
        }
    ),
    Role.GUBERNUR: frozenset({_K.PEMERINTAH_PROVINSI}),
    Role.WAKIL_GUBERNUR: frozenset({_K.PEMERINTAH_PROVINSI}),
    Role.BUPATI: frozenset({_K.PEMERINTAH_KABUPATEN}),
    Role.WAKIL_BUPATI: frozenset({_K.PEMERINTAH_KABUPATEN}),
    Role.WALI_KOTA: frozenset({_K.PEMERINTAH_KOTA}),
    Role.WAKIL_WALI_KOTA: frozenset({_K.PEMERINTAH_KOTA}),
    Role.SEKRETARIS_DAERAH: frozenset(
        {_K.PEMERINTAH_PROVINSI, _K.PEMERINTAH_KABUPATEN, _K.PEMERINTAH_KOTA, _K.UNIT_KERJA}
    ),
    Role.OTHER: frozenset(AgencyKind),
}
"""Jenis instansi per peran (the agency kinds each role may belong to: POS001's table)."""


def _kinds(kinds: frozenset[AgencyKind]) -> str:
    order = list(AgencyKind)
    names = [k.label for k in sorted(kinds, key=order.index)]
    return ", ".join(names)


@rule(
    code="POS001",
    severity="error",
    basis=(
        "UU 39/2008 (kementerian led by a menteri); Perpres 7/2015 (sekretariat jenderal or"
        " sekretariat kementerian); LPNK led by a kepala with a sekretariat utama; UU"
        " 23/2014 Pasal 59 and 63 (gubernur, bupati, wali kota and their wakil head the"
        " provinsi, kabupaten and kota governments); UU 23/2014 Pasal 213 (sekretaris"
        " daerah)"
    ),
)
def role_agency_mismatch(ctx: RuleContext) -> Iterator[Violation]:
    """A position's role fits the kind of its agency.

    Menteri only in a kementerian; kepala in a non-ministerial body (LPNK, other
    government bodies, alat negara, LNS, a secretariat) or a unit; gubernur and wakil
    gubernur only in a pemerintah provinsi, bupati and wakil bupati only in a
    pemerintah kabupaten, wali kota and wakil wali kota only in a pemerintah kota.
    Sekretaris roles: sekretaris kementerian in a kementerian; sekretaris jenderal in a
    kementerian, a state institution or its secretariat, or an LNS; sekretaris utama in
    an LPNK, another government body, an alat negara or an LNS; sekretaris daerah in a
    provincial, kabupaten or kota government. Any sekretaris or kepala may sit in a
    ``unit_kerja`` (a secretariat modelled as a unit) or an ``other`` body, and the
    ``other`` role fits every kind. The full table is ``ROLE_AGENCY_KINDS``. Positions
    whose agency resolves to nothing are left to REF001. Always an error.
    """
    by_position = ctx.index.agency_by_position
    for p in ctx.dataset.positions:
        agency = by_position.get(p.id)
        if agency is None:
            continue
        allowed = ROLE_AGENCY_KINDS.get(p.role)
        if allowed is None or agency.kind in allowed:
            continue
        kinds = _kinds(allowed)
        yield ctx.violation(
            p,
            field="role",
            params={
                "role": p.role.label,
                "value": p.id,
                "agency": agency.id,
                "kind": agency.kind.label,
                "allowed": kinds,
            },
            variant="one" if len(allowed) == 1 else None,
        )


RULES: Final[tuple[Rule, ...]] = (role_agency_mismatch,)
"""Aturan bawaan (the built-in rules of this module)."""
