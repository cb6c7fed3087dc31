"""Aturan kerja sama (built-in rules on cooperation agreements).

- ``AGR001`` each signatory held the head post of its party's agency on the signing day;
- ``AGR002`` a local-government party governs an autonomous region;
- ``AGR003`` each party agency existed on the signing day;
- ``AGR004`` a PKS lies within its parent MoU and is signed after it;
- ``AGR005`` a term no longer than a configurable maximum (default 5 years);
- ``AGR006`` no two overlapping agreements of the same parties on the same areas.

An agreement's open ``effective`` end means *in force with no end date*, as in
:meth:`~adminnet.model.agreement.Agreement.status`; a tenure's open end means unknown.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterator
from typing import Final

from adminnet.model.agency import Agency
from adminnet.model.agreement import Agreement, AgreementKind, CooperationArea
from adminnet.model.position import Tenure
from adminnet.rules._rule import Rule, RuleContext, Violation, rule
from adminnet.rules._spans import MAX, Overlaps, bounds, earlier_overlaps, iso, possible, sure

__all__ = [
    "RULES",
    "agreement_term_too_long",
    "overlapping_agreements",
    "party_not_autonomous",
    "party_not_existing",
    "pks_outside_parent",
    "signatory_not_head",
]

_DELEGABLE: Final = frozenset({AgreementKind.PERJANJIAN_KERJA_SAMA, AgreementKind.ADENDUM})


def _surely_covers(t: Tenure, lo: int, hi: int) -> bool:
    span = sure(t.period)
    return span is not None and span[0] <= lo and hi <= span[1]


def _possibly_covers(t: Tenure, lo: int, hi: int) -> bool:
    p_lo, p_hi = possible(t.period)
    return p_lo <= hi and lo <= p_hi


def _unit_positions(ctx: RuleContext, agency: Agency) -> set[str]:
    """Positions of the agency and of its direct units (``parent_id`` = the agency)."""
    index = ctx.index
    ids = {p.id for p in index.positions_by_agency.get(agency.id, ())}
    for unit in index.units_by_parent.get(agency.id, ()):
        ids.update(p.id for p in index.positions_by_agency.get(unit.id, ()))
    return ids


@rule(
    code="AGR001",
    severity="error",
    basis=(
        "PP 28/2018 Pasal 2 (the region is represented by the gubernur or bupati/wali kota,"
        " who may give a surat kuasa to sign a PKS); UU 30/2014 Pasal 14 (Plt., Plh.); UU"
        " 10/2016 Pasal 201 (Pj.)"
    ),
)
def signatory_not_head(ctx: RuleContext) -> Iterator[Violation]:
    """Each signatory held the head post of its party's agency on the signing date.

    A party's signatory must hold a position heading the party's agency (menteri,
    kepala, gubernur, bupati, wali kota; the Sekretaris Jenderal of a sekretariat
    lembaga) on the signing date, definitively or in an acting capacity (Pj., Pjs.,
    Plt., Plh.). A PKS or adendum may also be signed by an official of the agency or
    of one of its units holding a power of attorney (surat kuasa, PP 28/2018 Pasal 2):
    any tenure of the signatory in the agency or a direct unit then suffices.

    Error when surely not: the signatory's head tenures of the agency all surely
    exclude the date, or someone else surely held the head post then and the
    signatory has no head tenure that may cover it. Warning when unknown: a head
    tenure only possibly covers the date (imprecise or unrecorded dates), or the data
    records no head tenure at all. Parties with no signatory, agreements with no
    signing date and dangling ids (REF001) are not checked.
    """
    index = ctx.index
    persons = index.persons
    by_person = index.tenures_by_person
    by_position = index.tenures_by_position
    for g, i, party, agency, lo, hi in index.signed_parties():
        sid = party.signatory_id
        if sid is None or sid not in persons:
            continue
        field = f"parties[{i}].signatory_id"
        heads = index.heads_of(agency)
        head_ids = {p.id for p in heads}
        own = by_person.get(sid, [])
        mine = [t for t in own if t.position_id in head_ids]
        if any(_surely_covers(t, lo, hi) for t in mine):
            continue
        if any(_possibly_covers(t, lo, hi) for t in mine):
            params = {"value": sid, "agency": agency.id, "date": str(g.signed_on)}
            yield ctx.warning(g, field=field, params=params, variant="possibly")
            continue
        if g.kind in _DELEGABLE:
            units = _unit_positions(ctx, agency)
            if any(t.position_id in units and _possibly_covers(t, lo, hi) for t in own):
                continue
        others = sorted(
            {
                t.person_id
                for p in heads
                for t in by_position.get(p.id, ())
                if t.person_id != sid and _surely_covers(t, lo, hi)
            }
        )
        params = {"value": sid, "agency": agency.id, "date": str(g.signed_on)}
        if others:
            params["others"] = ", ".join(others)
            yield ctx.error(g, field=field, params=params, variant="others")
        elif mine:
            yield ctx.error(g, field=field, params=params)
        else:
            yield ctx.warning(g, field=field, params=params, variant="unknown")


@rule(
    code="AGR002",
    severity="error",
    basis=(
        "UU 23/2014 (only daerah otonom have a pemerintah daerah); UU 29/2007 (DKI"
        " Jakarta's kota and kabupaten administrasi are not autonomous); PP 28/2018"
    ),
)
def party_not_autonomous(ctx: RuleContext) -> Iterator[Violation]:
    """A local-government party governs an autonomous region on the signing date.

    Only a daerah otonom (provinsi, kabupaten, kota) has a government that can be a
    party; DKI Jakarta's kota and kabupaten administrasi, kecamatan and desa cannot.
    The party agency's region is looked up in the registry on the signing date (code
    history). The agency constructor already refuses a non-autonomous region at the
    agency's own dates; this rule re-checks at the signing date.

    Imprecise dates: not autonomous on the first and the last day the signing date may
    denote: error; on one of them only: warning. A region unknown on the date is left
    to REF002.
    """
    index = ctx.index
    for g, i, _party, agency, lo, hi in index.signed_parties():
        if agency.region_code is None:
            continue
        if not agency.kind.is_local_government:
            continue
        found = [index.region(agency.region_code, d) for d in (lo, hi)]
        flags = [r is not None and not r.is_autonomous for r in found]
        if not any(flags):
            continue
        region = next(r for r in found if r is not None and not r.is_autonomous)
        params = {
            "value": agency.id,
            "region": region.official_name,
            "code": region.code,
            "date": str(g.signed_on),
        }
        if all(flags):
            yield ctx.error(g, field=f"parties[{i}].agency_id", params=params)
        else:
            yield ctx.warning(g, field=f"parties[{i}].agency_id", params=params, variant="possibly")


@rule(
    code="AGR003",
    severity="error",
    basis="A party must exist to sign (e.g. KASN until 2024, Kemendes PDTT until 2024-10-20)",
)
def party_not_existing(ctx: RuleContext) -> Iterator[Violation]:
    """Each party agency existed on the signing date.

    The agency (the dataset's or the catalog's) must exist on the signing date by its
    ``valid`` period; an open end of that period is no limit. Surely outside (signed
    surely after the agency ended or before it was founded): error; possibly outside
    (imprecise dates): warning.
    """
    index = ctx.index
    for g, i, _party, agency, lo, hi in index.signed_parties():
        valid = agency.valid
        if valid.start is None and valid.end is None:
            continue
        field = f"parties[{i}].agency_id"
        end = None if valid.end is None else bounds(valid.end)
        start = None if valid.start is None else bounds(valid.start)
        params = {"value": agency.id, "date": str(g.signed_on)}
        if end is not None and lo > end[1]:
            params["end"] = str(valid.end)
            yield ctx.error(g, field=field, params=params)
        elif start is not None and hi < start[0]:
            params["start"] = str(valid.start)
            yield ctx.error(g, field=field, params=params, variant="founded")
        elif (end is not None and hi > end[0]) or (start is not None and lo < start[1]):
            params["valid"] = str(valid)
            yield ctx.warning(g, field=field, params=params, variant="possibly")


@rule(
    code="AGR004",
    severity="error",
    basis=(
        "PP 28/2018 and Permendagri 22/2020: a Kesepakatan Bersama (or MoU) is followed by"
        " a Perjanjian Kerja Sama that implements it"
    ),
)
def pks_outside_parent(ctx: RuleContext) -> Iterator[Violation]:
    """A PKS lies within its parent MoU's effect and is signed after it.

    Any agreement with a ``parent_id`` (PKS or adendum) must be signed on or after its
    parent's signing date. A PKS must also take effect within its parent's effect:
    not before the parent's start, not after its end. An adendum may change the
    parent's term, so only its signing date is checked.

    Dates: surely before or outside: error; possibly (imprecise dates): warning. A PKS
    with no end of effect under a parent that ends: warning (it may outlive its MoU).
    Dangling parents are left to REF001.
    """
    agreements = ctx.index.agreements
    for g in ctx.dataset.agreements:
        if g.parent_id is None:
            continue
        parent = agreements.get(g.parent_id)
        if parent is None or parent is g:
            continue
        yield from _signed_before_parent(ctx, g, parent)
        if g.kind is AgreementKind.PERJANJIAN_KERJA_SAMA:
            yield from _outside_parent_effect(ctx, g, parent)


def _signed_before_parent(ctx: RuleContext, g: Agreement, parent: Agreement) -> Iterator[Violation]:
    if g.signed_on is None or parent.signed_on is None:
        return
    c_lo, c_hi = bounds(g.signed_on)
    p_lo, p_hi = bounds(parent.signed_on)
    params = {"value": str(g.signed_on), "parent": parent.id, "date": str(parent.signed_on)}
    if c_hi < p_lo:
        yield ctx.error(g, field="signed_on", params=params)
    elif c_lo < p_hi:
        yield ctx.warning(g, field="signed_on", params=params, variant="possibly")


def _outside_parent_effect(
    ctx: RuleContext, g: Agreement, parent: Agreement
) -> Iterator[Violation]:
    mine, theirs = g.effective, parent.effective
    if mine.start is not None and theirs.start is not None:
        c_lo, c_hi = bounds(mine.start)
        p_lo, p_hi = bounds(theirs.start)
        params = {"value": str(mine.start), "parent": parent.id, "date": str(theirs.start)}
        if c_hi < p_lo:
            yield ctx.error(g, field="effective", params=params, variant="effect_before")
            return
        if c_lo < p_hi:
            yield ctx.warning(g, field="effective", params=params, variant="effect_before_possibly")
            return
    if theirs.end is None:
        return
    p_lo, p_hi = bounds(theirs.end)
    params = {"parent": parent.id, "date": str(theirs.end)}
    if mine.start is not None and bounds(mine.start)[0] > p_hi:
        params["value"] = str(mine.start)
        yield ctx.error(g, field="effective", params=params, variant="effect_after_end")
    elif mine.end is None:
        yield ctx.warning(g, field="effective", params=params, variant="no_end")
    else:
        c_lo, c_hi = bounds(mine.end)
        params["value"] = str(mine.end)
        if c_lo > p_hi:
            yield ctx.error(g, field="effective", params=params, variant="until_after")
        elif c_hi > p_lo:
            yield ctx.warning(g, field="effective", params=params, variant="until_after_possibly")


def _add_years(ordinal: int, years: int) -> int:
    d = _dt.date.fromordinal(ordinal)
    year = d.year + years
    if year > _dt.MAXYEAR:
        return MAX
    try:
        return d.replace(year=year).toordinal()
    except ValueError:  # 29 February in a year that has none
        return d.replace(year=year, day=28).toordinal()


@rule(
    code="AGR005",
    severity="warning",
    basis=(
        "Not confirmed in law: no statutory maximum term of a KB/MoU was found (domain facts"
        " §5); PP 28/2018 requires a term (jangka waktu). A configurable convention,"
        " default 5 years"
    ),
    params={"max_years": 5},
)
def agreement_term_too_long(ctx: RuleContext) -> Iterator[Violation]:
    """An agreement's term is no longer than ``max_years`` years (default 5).

    The term is the ``effective`` period; it is too long when its end is after the
    same calendar day ``max_years`` years after its start (29 February counts as
    28 February). Only a term surely too long is reported (the earliest possible end
    after the latest possible start's limit); agreements with no start or end of
    effect are not judged. Always a warning: no statutory maximum is confirmed.
    """
    years = int(ctx.params["max_years"])
    for g in ctx.dataset.agreements:
        start, end = g.effective.start, g.effective.end
        if start is None or end is None:
            continue
        limit = _add_years(bounds(start)[1], years)
        if bounds(end)[0] > limit:
            yield ctx.violation(
                g,
                field="effective.end",
                params={"value": str(g.effective), "years": years, "limit": iso(limit)},
            )


_FAMILY: Final = {
    AgreementKind.NOTA_KESEPAHAMAN: "framework",
    AgreementKind.KESEPAKATAN_BERSAMA: "framework",
    AgreementKind.PERJANJIAN_KERJA_SAMA: "pks",
}

_Entry = tuple[int, int, str, Agreement]


@rule(
    code="AGR006",
    severity="warning",
    basis=(
        "PP 28/2018: one framework agreement (KB/MoU) per cooperation, implemented by PKS;"
        " a second concurrent one on the same areas is likely a duplicate or an unrecorded"
        " renewal"
    ),
)
def overlapping_agreements(ctx: RuleContext) -> Iterator[Violation]:
    """The same parties have no two agreements in force at once on the same areas.

    Agreements whose sets of party agencies are equal, of the same family (framework:
    nota kesepahaman and kesepakatan bersama; or PKS; an adendum amends and is never
    compared), that share an area of cooperation (``other`` does not count) and are
    surely in force on a common day are reported. A PKS and its own parent are never
    compared. An open end of effect means in force with no end; agreements with no
    start of effect are not compared. Always a warning.

    One violation per agreement, not per pair: an agreement is reported once, on the
    later of each pair (in order of the start of its sure effect), naming for each
    shared area up to three earlier agreements and how many more there are.

    Scale: agreements are grouped by their set of parties, family and area, and each
    group is swept in order of start, O(n log n); the output is at most one violation
    per agreement, however many pairs overlap.
    """
    groups: dict[tuple[frozenset[str], str, CooperationArea], list[_Entry]] = defaultdict(list)
    children: dict[str, list[str]] = defaultdict(list)
    for g in ctx.dataset.agreements:
        if g.parent_id is not None:
            children[g.parent_id].append(g.id)
        family = _FAMILY.get(g.kind)
        effect = _sure_effect(g)
        if family is None or effect is None:
            continue
        parties = frozenset(g.agency_ids)
        for area in g.areas:
            if area is not CooperationArea.OTHER:
                groups[(parties, family, area)].append((effect[0], effect[1], g.id, g))

    def related(g: Agreement) -> list[str]:
        return [*children.get(g.id, ()), *(() if g.parent_id is None else (g.parent_id,))]

    found: dict[str, list[tuple[CooperationArea, Overlaps[Agreement]]]] = defaultdict(list)
    for (_, _, area), entries in groups.items():
        if len(entries) > 1:
            for item in earlier_overlaps(entries, excluded=related):
                found[item.item.id].append((area, item))
    for per_area in found.values():
        yield _overlapping(ctx, per_area)


def _sure_effect(g: Agreement) -> tuple[int, int] | None:
    start, end = g.effective.start, g.effective.end
    if start is None:
        return None
    lo = bounds(start)[1]
    hi = MAX if end is None else bounds(end)[0]
    return (lo, hi) if lo <= hi else None


def _overlapping(
    ctx: RuleContext, per_area: list[tuple[CooperationArea, Overlaps[Agreement]]]
) -> Violation:
    g = per_area[0][1].item
    parties = ", ".join(sorted(g.agency_ids))
    others = {(o[2], max(o[0], found.span[0])) for _, found in per_area for o in found.named}
    if len(others) == 1 and all(found.count == 1 for _, found in per_area):
        ((other, lo),) = others
        areas = ", ".join(area.value for area, _ in per_area)
        return ctx.violation(
            g,
            field="effective",
            params={"from": iso(lo), "other": other, "parties": parties, "areas": areas},
        )
    listed = []
    for area, found in per_area:
        names = ", ".join(
            ctx.phrase("from", other=o[2], date=iso(max(o[0], found.span[0]))) for o in found.named
        )
        more = found.count - len(found.named)
        tail = ctx.phrase("more", count=more) if more else ""
        listed.append(f"{area.value}: {names}{tail}")
    return ctx.violation(
        g,
        field="effective",
        params={"parties": parties, "areas": "; ".join(listed)},
        variant="several",
    )


RULES: Final[tuple[Rule, ...]] = (
    signatory_not_head,
    party_not_autonomous,
    party_not_existing,
    pks_outside_parent,
    agreement_term_too_long,
    overlapping_agreements,
)
"""Aturan bawaan (the built-in rules of this module)."""
