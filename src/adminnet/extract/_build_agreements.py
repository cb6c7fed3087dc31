"""The builder's agreement rules: kind, parties, signers, on-behalf persons.

Part of the builder (see :mod:`adminnet.extract._build`).
"""

from __future__ import annotations

from adminnet.errors import AdminnetError
from adminnet.extract import _adapters as ad
from adminnet.extract._build_state import (
    _KIND_RANK,
    _ON_BEHALF,
    _SINCE,
    _WITH,
    BuilderState,
    _partial,
    ad_get,
)
from adminnet.extract._mention import Mention, MentionKind
from adminnet.model.agency import Agency
from adminnet.model.agreement import Agreement, AgreementKind, Party
from adminnet.time import PartialDate, Period

K = MentionKind


class AgreementBuilder(BuilderState):
    """Agreements: their kind, parties, signers and the persons acting on behalf."""

    def _agreements(self, agencies: dict[str, Agency]) -> list[Agreement]:
        """Agreements: per sentence with two parties, else one told across the article.

        A sentence with a cooperation word and two or more agencies is an agreement.
        When no sentence holds one, the article's agreement (if it names a kind) has
        as parties the agencies of its cooperation sentences and the agencies of the
        officials named where the signing is told (``ditandatangani oleh ...``).
        """
        s = self.s
        words = [m for m in s.mentions if m.kind is K.AGREEMENT]
        kinds = [m.value for m in words if m.value is not None]
        article_kind = kinds[0] if kinds else None
        out: dict[str, Agreement] = {}
        coop = sorted({s.sentence_of(m.start) for m in words})
        for sent in coop:
            parties, mentions = self._parties([sent], signing=False)
            if len(parties) >= 2:
                for ps, ms in self._hub(parties, mentions):
                    self._agreement(out, [sent], ps, ms, article_kind, agencies)
        if not out and kinds:
            group = sorted(set(coop) | self.signing)
            parties, mentions = self._parties(group, signing=True)
            if len(parties) >= 2:
                for ps, ms in self._hub(parties, mentions):
                    self._agreement(out, group, ps, ms, kinds[0], agencies)
        return list(out.values())

    def _hub(
        self, parties: list[Agency], mentions: list[Mention]
    ) -> list[tuple[list[Agency], list[Mention]]]:
        """``A ... dengan B dan C``: one agreement of A with each of the others."""
        if len(parties) > 2 and _WITH.search(self.s.text, mentions[0].end, mentions[1].start):
            return [
                ([parties[0], other], [mentions[0], m])
                for other, m in zip(parties[1:], mentions[1:], strict=True)
            ]
        return [(parties, mentions)]

    def _parties(self, sents: list[int], *, signing: bool) -> tuple[list[Agency], list[Mention]]:
        parties: list[Agency] = []
        mentions: list[Mention] = []
        seen: set[str] = set()
        for sent in sents:
            found = [(m.start, m.value, m) for m in self._in_sentence(K.AGENCY, sent)]
            for m in self._in_sentence(K.REGION, sent):
                if m.rule == "region.level-word":  # "Kabupaten Pemalang": its government
                    government = ad.agency(m.text, self.s.day)
                    if government is not None:
                        found.append((m.start, government, m))
            if signing and sent in self.signing:
                for start, c in self.refs_by_sent.get(sent, ()):
                    for r, m, _ in c.positions:
                        if r.agency_id is not None and r.agency_id not in seen:
                            agency = ad_get(r.agency_id, {})
                            if agency is not None:
                                found.append((start, agency, m))
            for _, agency, m in sorted(found, key=lambda f: f[0]):
                if agency.id not in seen:
                    seen.add(agency.id)
                    parties.append(agency)
                    mentions.append(m)
        return parties, mentions

    def _agreement(
        self,
        out: dict[str, Agreement],
        sents: list[int],
        parties: list[Agency],
        party_mentions: list[Mention],
        article_kind: AgreementKind | None,
        agencies: dict[str, Agency],
    ) -> None:
        here = [m for sent in sents for m in self._in_sentence(K.AGREEMENT, sent)]
        specific = [m for m in here if m.value is not None]
        conf_note = ""
        if specific:
            kind = specific[0].value
        elif article_kind is not None:
            kind = article_kind
            conf_note = f"kind {kind.label} read from the article's other mentions"
        else:
            kind = AgreementKind.NOTA_KESEPAHAMAN
            conf_note = "kind not printed: nota kesepahaman assumed, check it"
        years = [
            m for sent in sents for m in self._in_sentence(K.DATE, sent) if m.value is not None
        ]
        signed_on: PartialDate | None = None
        effective_start: PartialDate | None = None
        for m in years:
            pd = m.value if isinstance(m.value, PartialDate) else _partial(m.value)
            if _SINCE.search(m.text):
                effective_start = effective_start or pd
            elif len(sents) == 1:
                signed_on = signed_on or pd
        event_id = None
        for eid, (eday, event_sents) in self.event_days.items():
            if not set(sents) & event_sents or eid in self.inaugurations:
                continue
            if signed_on is None or signed_on == _partial(eday):
                event_id = eid
                signed_on = _partial(eday)
                break
        if effective_start is not None and signed_on is not None and effective_start > signed_on:
            effective_start = None
        areas = []
        area_mentions = [m for sent in sents for m in self._in_sentence(K.AREA, sent)]
        for m in area_mentions:
            if m.value not in areas:
                areas.append(m.value)
        behalf: dict[str, str] = {}
        for sent in sents:
            for k, v in self._on_behalf(sent).items():
                behalf.setdefault(k, v)
        party_objs = []
        for a in parties:
            signatory = behalf.get(a.id) or self._signer(a.id, sents[0], event_id is not None)
            party_objs.append(Party(agency_id=a.id, signatory_id=signatory))
        short = {
            AgreementKind.NOTA_KESEPAHAMAN: "mou",
            AgreementKind.PERJANJIAN_KERJA_SAMA: "pks",
            AgreementKind.KESEPAKATAN_BERSAMA: "kb",
            AgreementKind.ADENDUM: "adendum",
        }[kind]
        when = str(signed_on) if signed_on is not None else "undated"
        gid = f"{short}-{'-'.join(sorted(a.id for a in parties))}-{when}"
        same = frozenset(a.id for a in parties)
        for other in list(out.values()):
            if frozenset(other.agency_ids) != same:
                continue
            # one document for the same parties: the umbrella kind (an MoU before the
            # PKS or adendum the article also names), then the dated telling
            mine, theirs = _KIND_RANK[kind], _KIND_RANK[other.kind]
            if mine > theirs or (
                mine == theirs and other.signed_on is None and signed_on is not None
            ):
                del out[other.id]
                self.sources.pop(other.id, None)
                if mine > theirs:
                    self.notes.append(
                        f"{other.kind.label} of the same parties read as part of the {kind.label}"
                    )
                break
            self.sources[other.id].extend(party_mentions + here)
            return
        day0 = self.published or self.s.day
        title = "Kerja sama " + " dan ".join(a.name_at(day0) for a in parties)
        if areas:
            title += " dalam bidang " + ", ".join(a.label.lower() for a in areas)
        try:
            g = Agreement(
                id=gid,
                kind=kind,
                title=title,
                parties=tuple(party_objs),
                signed_on=signed_on,
                effective=Period(start=effective_start or signed_on),
                areas=tuple(areas),
                event_id=event_id,
            )
        except AdminnetError as exc:
            self.notes.append(f"agreement {gid} left out: {exc}")
            return
        out[gid] = g
        if conf_note:
            self.notes.append(f"agreement {gid}: {conf_note}")
        self.sources[gid].extend(party_mentions + here + years + area_mentions)
        for a in parties:
            agencies.setdefault(a.id, a)

    def _signer(self, agency_id: str, sent: int, at_event: bool) -> str | None:
        """The one person of the party's agency named where the signing is told.

        Only for an agreement told with a signing verb or signed at an event; then
        the sentences with a signing verb are searched.
        """
        if sent not in self.signing and not at_event:
            return None
        found = set(self.signers.get(agency_id, ()))
        if sent not in self.signing:
            for _, c in self.refs_by_sent.get(sent, ()):
                if any(r.agency_id == agency_id for r, _, _ in c.positions):
                    found.add(c.id)
        return next(iter(found)) if len(found) == 1 else None

    def _on_behalf(self, sent: int) -> dict[str, str]:
        """``A atas nama X``: A signs for X (the last person before, the agency after)."""
        s = self.s
        lo, hi = s.sentence_spans[sent]
        out: dict[str, str] = {}
        for m in _ON_BEHALF.finditer(s.text, lo, hi):
            before = self._refs_between(sent, lo, m.start())
            after = [a for a in self._in_sentence(K.AGENCY, sent) if a.start >= m.end()]
            if before and after:
                out.setdefault(after[0].value.id, before[-1][1].id)
        return out
