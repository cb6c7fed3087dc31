"""Deliberate misuses: every line after the marker must be an error for mypy and pyright.

tests/test_typing.py type-checks this file with both checkers and compares, line by
line, where each reports an error with the lines below the marker: one mistake per
line, everything else on the line correct, so that a line errs only for its mistake.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pendulum

from adminnet.model import (
    Agency,
    Agreement,
    Dataset,
    Decree,
    DigitalizationTarget,
    Event,
    Measurement,
    Party,
    Person,
    Position,
    PublicService,
    Region,
    Tenure,
)
from adminnet.model.digital import SPBE_INDEX
from adminnet.rules import Violation
from adminnet.text.names import PersonName
from adminnet.time import PartialDate, Period

parties = [Party(agency_id="lan"), Party(agency_id="pemkot-8171")]
term = Period.parse("2016", None)
start = pendulum.datetime(2017, 3, 16, tz="Asia/Jakarta")
person = Person(id="p", name="Budi")
on = PartialDate.parse("2023")

# --- misuses: every line below is an error ---
Agreement(id="a", kind=42, title="Kerja sama", parties=parties)
Agreement(id="a", kind="nota_kesepahaman", title="Kerja sama", parties=42)
Agreement(id="a", kind="nota_kesepahaman", title="Kerja sama", parties=parties, signed_on=3.5)
Agreement(id="a", kind="nota_kesepahaman", title=7, parties=parties)
Agreement(id="a", kind="nota_kesepahaman", title="Kerja sama", parties=["lan", "pemkot-8171"])
Agreement(id="a", kind="nota_kesepahaman", title="Kerja sama", parties=parties, areas=[1, 2])
Agreement(id="a", kind="nota_kesepahaman", title="Kerja sama", parties=parties, effective="2016")
Agreement(id=1, kind="nota_kesepahaman", title="Kerja sama", parties=parties)
Party(agency_id=None)
Person(id="p", name=123)
Person(id="p", name="Budi", birth_date=19650302)
Person(id="p", name="Budi", nip=196503021990031001)
Person(id="p", name="Budi", gender=1)
PersonName(given="Budi", prefixes=[1])
PersonName(given=["Budi"])
Position(id="x", agency_id="lan", role=3, title="Kepala")
Tenure(id="t", person_id="p", position_id="x", period="2016/..")
Tenure(id="t", person_id="p", position_id="x", period=term, capacity=2)
Tenure(id="t", person_id="p", position_id="x", period=term, basis="SK 1/2016")
Decree(number="1", issued_on=2016)
Agency(id="lan", name="Lembaga Administrasi Negara", kind=1)
Event(id="e", kind="rapat", name="Rapat", start="2017-03-16")
Event(id="e", kind="rapat", name="Rapat", start=dt.date(2017, 3, 16))
Event(id="e", kind="rapat", name="Rapat", start=start, witness_ids=[person])
Dataset(persons=[parties[0]])
Dataset(persons=person)
Dataset(tenures=42)
PublicService(id="s", name="KTP", agency_id="x", maturity=3)
Measurement(indicator=SPBE_INDEX, value=[2.79], on=on)
Measurement(indicator=SPBE_INDEX, value=Decimal("2.79"), on=2023)
Measurement(indicator="spbe", value=Decimal("2.79"), on=on)
DigitalizationTarget(id="t", agency_id="x", indicator=SPBE_INDEX, target_value=None)
Region(code=8171, name="Ambon", kind="kota")
Region(code="81.71", name="Ambon", kind="kota", successors=[8171])
Violation("TEN002", 1, "message", "tenure:t", "$.tenures[0]")
