"""Tabel gelar (the title tables of :mod:`adminnet.text.names`; private data module).

The canonical spellings of front and back titles, the spelled-out and other written
forms that map to them, and the back titles that may stand alone, undotted, after a
name. :mod:`adminnet.text.names` re-exports :data:`FRONT_TITLES` and
:data:`BACK_TITLES`; the rest is private.
"""

from __future__ import annotations

from typing import Final

FRONT_TITLES: Final[tuple[str, ...]] = (
    "Prof.",
    "Dr.",
    "Dr. (H.C.)",
    "Dr. (Cand.)",
    "Dr.-Ing.",
    "Dr.rer.nat.",
    "Dr.rer.pol.",
    "Dr.rer.med.",
    "dr.",
    "drg.",
    "drh.",
    "Ir.",
    "Drs.",
    "Dra.",
    "H.",
    "Hj.",
    "Hi.",
    "K.H.",
    "Tb.",
    "Ns.",
    "apt.",
)
"""Gelar depan (front titles) recognised by :func:`~adminnet.text.names.parse_name`.

In canonical spelling. ``Dr. (Cand.)`` is a doctoral candidate (not a doctorate),
``Hi.`` is *Haji* as written in Maluku and North Maluku, ``Tb.`` is *Tubagus*.
"""

BACK_TITLES: Final[tuple[str, ...]] = (
    # diploma (D1-D3) and older academy titles
    "A.P.",
    "A.M.",
    "A.Ma.",
    "A.Ma.Pd.",
    "A.Md.",
    "A.Md.Ak.",
    "A.Md.Farm.",
    "A.Md.Gz.",
    "A.Md.Keb.",
    "A.Md.Kep.",
    "A.Md.Kes.",
    "A.Md.Kom.",
    "A.Md.Par.",
    "A.Md.T.",
    # sarjana terapan (D4)
    "S.Tr.",
    "S.Tr.Ak.",
    "S.Tr.IP.",
    "S.Tr.Keb.",
    "S.Tr.Kep.",
    "S.Tr.Kes.",
    "S.Tr.Sos.",
    "S.Tr.T.",
    "S.ST.",
    "S.STP.",
    # sarjana (S1)
    "S.A.P.",
    "S.Ag.",
    "S.Ak.",
    "S.Ars.",
    "S.Ds.",
    "S.E.",
    "S.E.I.",
    "S.Farm.",
    "S.Gz.",
    "S.H.",
    "S.H.I.",
    "S.Hum.",
    "S.Hut.",
    "S.I.K.",
    "S.I.Kom.",
    "S.IP.",
    "S.K.M.",
    "S.KG.",
    "S.KH.",
    "S.Ked.",
    "S.Kel.",
    "S.Kep.",
    "S.Kom.",
    "S.Kom.I.",
    "S.M.",
    "S.P.",
    "S.Pd.",
    "S.Pd.I.",
    "S.Pi.",
    "S.Psi.",
    "S.Pt.",
    "S.S.",
    "S.Si.",
    "S.Sn.",
    "S.Sos.",
    "S.Sos.I.",
    "S.Stat.",
    "S.Sy.",
    "S.T.",
    "S.TP.",
    "S.Th.",
    "S.Th.I.",
    # magister (S2)
    "LL.M.",
    "M.A.",
    "M.A.P.",
    "M.Ag.",
    "M.Agr.",
    "M.Ak.",
    "M.Arch.",
    "M.B.A.",
    "M.Biomed.",
    "M.Com.",
    "M.Div.",
    "M.E.",
    "M.E.I.",
    "M.Ec.",
    "M.Ec.Dev.",
    "M.Econ.",
    "M.Ed.",
    "M.Eng.",
    "M.Farm.",
    "M.Gz.",
    "M.H.",
    "M.H.I.",
    "M.Han.",
    "M.Hum.",
    "M.I.Kom.",
    "M.K.M.",
    "M.Ked.",
    "M.Kep.",
    "M.Kes.",
    "M.Kn.",
    "M.Kom.",
    "M.Litt.",
    "M.M.",
    "M.P.",
    "M.P.A.",
    "M.P.H.",
    "M.P.M.",
    "M.P.P.",
    "M.Pd.",
    "M.Pd.I.",
    "M.Phil.",
    "M.Psi.",
    "M.S.",
    "M.Sc.",
    "M.Si.",
    "M.Sn.",
    "M.Soc.Sc.",
    "M.Stat.",
    "M.T.",
    "M.Th.",
    "M.Tr.",
    "M.Tr.IP.",
    "MARS",
    # doktor (S3) and foreign postgraduate diplomas
    "D.B.A.",
    "D.Sc.",
    "DEA",
    "Ed.D.",
    "Dipl.-Ing.",
    "Ph.D.",
    # dokter spesialis (medical and dental specialists)
    "Sp.A.",
    "Sp.An.",
    "Sp.And.",
    "Sp.B.",
    "Sp.BA.",
    "Sp.BM.",
    "Sp.BP-RE.",
    "Sp.BS.",
    "Sp.BTKV.",
    "Sp.DV.",
    "Sp.DVE.",
    "Sp.EM.",
    "Sp.F.",
    "Sp.FK.",
    "Sp.FM.",
    "Sp.GK.",
    "Sp.JP.",
    "Sp.KFR.",
    "Sp.KG.",
    "Sp.KGA.",
    "Sp.KJ.",
    "Sp.KK.",
    "Sp.KN.",
    "Sp.KO.",
    "Sp.M.",
    "Sp.MK.",
    "Sp.N.",
    "Sp.OG.",
    "Sp.OT.",
    "Sp.Ok.",
    "Sp.Onk.Rad.",
    "Sp.Ort.",
    "Sp.P.",
    "Sp.PA.",
    "Sp.PD.",
    "Sp.PK.",
    "Sp.PM.",
    "Sp.Perio.",
    "Sp.Pros.",
    "Sp.RKG.",
    "Sp.RM.",
    "Sp.Rad.",
    "Sp.S.",
    "Sp.THT.",
    "Sp.THT-KL.",
    "Sp.U.",
    # profesi (professional titles and memberships)
    "Ak.",
    "Apt.",
    "ASEAN Eng.",
    "CA",
    "CHRP",
    "CIA",
    "CPA",
    "FINASIM",
    "IPM",
    "IPP",
    "IPU",
    "Psikolog",
    "QIA",
)
"""Gelar belakang (back titles) recognised by :func:`~adminnet.text.names.parse_name`.

In canonical spelling.

Unknown abbreviations after the name (``S.Agr``, ``Sp.PD-KGEH``) are kept too; this
tuple only lists those whose spelling is normalised.
"""

FRONT_WORDS: Final[dict[str, str]] = {
    "profesor": "Prof.",
    "professor": "Prof.",
    "doktor": "Dr.",
    "insinyur": "Ir.",
    "haji": "H.",
    "hajjah": "Hj.",
    "hajah": "Hj.",
    "tubagus": "Tb.",
}
"""Front titles written out as a word (lower-case key -> canonical title).

Read only at the front, like every front title; a written-out title loses its letters
in the canonical form (``Profesor`` -> ``Prof.``).
"""

BARE_TWO_LETTER: Final[frozenset[str]] = frozenset(
    {"sh", "se", "st", "sp", "mm", "mh", "mt", "mp", "me"}
)
"""Two-letter back titles read alone, undotted, after a name (``Budi Santoso SH``).

The rule is on the data, not on examples: a back title of the catalogue written
without dots, as the title is written (``MSi``, ``SSOS``), is read alone when its key
has three letters or more or a lower-case letter, since such a token is no pair of
initials. A two-letter key is a pair of capitals like the initials that end many
Indonesian names (``Mahfud MD``, ``Muchlis AS``, ``Bustami HY``), so it is read alone
only if listed here: the two-letter sarjana and magister degrees of the catalogue
whose letters (S or M, then the field) are printed after names as degrees, less
``MA``, ``MS``, ``SS``, ``SM``, ``AM`` and ``AP``, which spell initials as often
(a decision). Any undotted known title is still read in a run of two titles or more
(``MSc DEA``, ``SH MA``) or after a comma; two capitals outside the catalogue never
are titles.
"""
