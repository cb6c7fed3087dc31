"""The builder's person rules: clusters of mentions of one person, known names, ids.

Part of the builder (see :mod:`adminnet.extract._build`).
"""

from __future__ import annotations

from collections import defaultdict

import attrs

from adminnet.extract._build_state import (
    _MAX_BACK,
    _MAX_CANDIDATES,
    BuilderState,
    _Cluster,
    _known,
    _prefixes,
    _richer,
    _slug,
    _words,
    same_person,
)
from adminnet.extract._mention import Mention, MentionKind, PositionReading
from adminnet.extract._scan_core import _is_name_word, _name_value, scan_name
from adminnet.model.agency import Agency
from adminnet.text.names import PersonName

K = MentionKind


class PersonLinker(BuilderState):
    """Same-person links: one cluster a person, its positions and back references."""

    def _candidates(self, name: PersonName) -> list[_Cluster]:
        """Clusters sharing the first three letters of a name word (at most 64 a word)."""
        candidates: dict[int, _Cluster] = {}
        for key in sorted(_prefixes(name)):
            for c in self.by_prefix.get(key, ())[:_MAX_CANDIDATES]:
                candidates.setdefault(id(c), c)
        return list(candidates.values())

    def _cluster_for(self, name: PersonName, at: int) -> _Cluster:
        matches = [c for c in self._candidates(name) if same_person(c.name, name)]
        if len(matches) == 1:
            c = matches[0]
            c.name = _richer(c.name, name)
        else:
            c = _Cluster(id="", name=name, first=at)
            self.clusters.append(c)
        for key in _prefixes(name):
            group = self.by_prefix[key]
            if c not in group:
                group.append(c)
        return c

    def _add_position(self, c: _Cluster, reading: PositionReading, m: Mention, rule: str) -> None:
        c.positions.append((reading, m, rule))
        for key in ((reading.role, reading.agency_id), (reading.role, None)):
            group = self.by_role[key]
            if c not in group:
                group.append(c)

    def _by_position(self, reading: PositionReading) -> _Cluster | None:
        found = self.by_role.get((reading.role, reading.agency_id), [])
        return found[0] if len(found) == 1 else None

    def link_persons(self) -> None:
        s = self.s
        for link in sorted(s.links, key=lambda lk: lk.person.start):
            pos = link.position
            if link.person.kind is K.PERSON:
                c = self._cluster_for(link.person.value, link.person.start)
                c.mentions.append(link.person)
                if pos is not None and pos is not link.person:
                    self._add_position(c, pos.value, pos, link.rule)
                    c.mentions.append(pos)
                self.refs.append((link.person.start, s.sentence_of(link.person.start), c))
            elif pos is not None:
                c2 = self._by_position(pos.value)
                if c2 is not None:
                    c2.mentions.append(pos)
                    self.refs.append((pos.start, s.sentence_of(pos.start), c2))
        self._known_names()
        self.refs.sort(key=lambda r: r[0])

    def _known_names(self) -> None:
        """Later mentions of a known person by part of the name ("Abnur")."""
        s = self.s
        if not self.clusters:
            return
        by_letter: dict[str, set[str]] = defaultdict(set)
        for c in self.clusters:
            for w in _words(c.name):
                if len(w) >= 4:
                    by_letter[w[0]].add(w)
        toks = s.tokens
        memo: dict[str, bool] = {}
        i = 0
        while i < len(toks):
            t = toks[i]
            if not _is_name_word(t.text):
                i += 1
                continue
            known = memo.get(t.low)
            if known is None:
                known = memo[t.low] = _known(t.low, by_letter)
            if not known or not s.free(t.start, t.end):
                i += 1
                continue
            # back to the start of the run of name words (a known surname after a given name)
            first = i
            while (
                first > 0
                and i - first < _MAX_BACK
                and toks[first - 1].sent == t.sent
                and _is_name_word(toks[first - 1].text)
                and s.free(toks[first - 1].start, toks[first - 1].end)
            ):
                first -= 1
            found = scan_name(s, first)
            if found is None:
                found = scan_name(s, i)
            if found is None:
                i += 1
                continue
            ns, ne, nxt = found
            value = _name_value(s, ns, ne)
            if (
                isinstance(value, PersonName)
                and s.free(ns, ne)
                and any(_known(w, by_letter) for w in _words(value))
            ):
                hits = [c for c in self._candidates(value) if same_person(c.name, value)]
                if len(hits) == 1:
                    m = s.mention(K.PERSON, ns, ne, value, "person.known-name", 0.8)
                    hits[0].mentions.append(m)
                    self.refs.append((ns, s.sentence_of(ns), hits[0]))
            i = max(nxt, i + 1)

    def _unify_outside_bodies(self) -> None:
        """``Universitas Brawijaya (UB) Malang`` and ``Universitas Brawijaya``: one body.

        A body outside the catalog whose name is another's followed by more words is
        that body (the shorter name, first printed, is kept).
        """
        s = self.s
        others = [m for m in s.mentions if m.kind is K.AGENCY and m.value.kind.value == "other"]
        names = sorted({m.value.name for m in others}, key=len)
        canonical: dict[str, Agency] = {}
        for m in others:
            words = m.value.name.split()
            for name in names:
                if len(name.split()) < len(words) and words[: len(name.split())] == name.split():
                    canonical[m.value.id] = next(o.value for o in others if o.value.name == name)
                    break
        by_name = {m.value.name: m.value for m in reversed(others)}
        for body in s.org_acronyms.values():
            words = body.name.split()
            for k in range(1, len(words)):  # the shortest printed name it begins with
                found = by_name.get(" ".join(words[:k]))
                if found is not None:
                    canonical[body.id] = found
                    break
        if not canonical:
            return
        replaced: dict[int, Mention] = {}
        for m in s.mentions:
            if m.kind is K.AGENCY and m.value.id in canonical:
                replaced[id(m)] = attrs.evolve(m, value=canonical[m.value.id])
            elif m.kind is K.POSITION and m.value.agency_id in canonical:
                # "Rektor UB" read with "Universitas Brawijaya (UB) Malang"
                body = canonical[m.value.agency_id]
                replaced[id(m)] = attrs.evolve(m, value=attrs.evolve(m.value, agency_id=body.id))
        s.mentions[:] = [replaced.get(id(m), m) for m in s.mentions]
        for link in s.links:
            if link.position is not None and id(link.position) in replaced:
                link.position = replaced[id(link.position)]

    def _assign_ids(self) -> None:
        used: set[str] = set()
        for c in sorted(self.clusters, key=lambda c: c.first):
            base = _slug(c.name.given)
            ident, n = base, 2
            while ident in used:
                ident, n = f"{base}-{n}", n + 1
            used.add(ident)
            c.id = ident
