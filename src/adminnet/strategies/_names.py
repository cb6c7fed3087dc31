"""Strategy for Indonesian personal names with gelar in realistic mixes."""

from __future__ import annotations

from typing import Final

import hypothesis.strategies as st

from adminnet.ids._gender import Gender
from adminnet.strategies._common import check_strategy, or_default
from adminnet.text.names import PersonName

__all__ = ["RANKS", "TITLE_MIXES", "draw_name", "person_names"]

# Given names, by gender (common Indonesian names from across the archipelago).
_MALE: Final = (
    "Budi", "Agus", "Adi", "Slamet", "Hendra", "Joko", "Bambang", "Andi", "Rudi", "Eko",
    "Hadi", "Ahmad", "Muhammad", "Rizky", "Fajar", "Yohanes", "Frans", "Petrus", "Made",
    "Wayan", "Ketut", "Asep", "Ujang", "Teguh", "Wahyu", "Arif", "Hasan", "Ridwan",
    "Syahrul", "Yusuf", "Imam", "Dedi", "Tjahjo", "Anwar", "Asman", "Daniel", "Lukas",
)  # fmt: skip
_FEMALE: Final = (
    "Siti", "Sri", "Dewi", "Ani", "Rina", "Ratna", "Nur", "Wulan", "Maria", "Yuliana",
    "Fitri", "Indah", "Lestari", "Ayu", "Kartika", "Endang", "Ida", "Putu", "Nyoman",
    "Retno", "Tri", "Yohana", "Agustina", "Mega", "Khofifah", "Rahma", "Susi",
)  # fmt: skip
_MALE_LAST: Final = (
    "Santoso", "Suryanto", "Wibowo", "Hidayat", "Saputra", "Setiawan", "Kurniawan",
    "Pratama", "Nugroho", "Susanto", "Siregar", "Nasution", "Lubis", "Harahap",
    "Simanjuntak", "Papilaya", "Latuconsina", "Tuhumury", "Manuputty", "Sembiring",
    "Ginting", "Tarigan", "Mokodompit", "Sondakh", "Manoppo", "Hutapea", "Pardede",
    "Wijaya", "Haryanto", "Purnomo", "Sutrisno", "Rahman", "Hakim", "Syamsuddin",
    "Abnur", "Atmaji", "Sanusi", "Wenda", "Mandacan", "Rumbiak",
)  # fmt: skip
_FEMALE_LAST: Final = (
    "Rahayu", "Lestari", "Wulandari", "Handayani", "Kusumawati", "Anggraini",
    "Permatasari", "Susilowati", "Puspitasari", "Rahmawati", "Nurhayati", "Siregar",
    "Nasution", "Papilaya", "Latuconsina", "Sembiring", "Ginting", "Wijaya", "Hutapea",
    "Indar Parawansa", "Mulyani", "Marsudi",
)  # fmt: skip
_INITIALS: Final = tuple("ABDEFGHIJKMNRSTWY")

# Academic and professional gelar as they are combined in practice, in canonical
# spelling (adminnet.text.names FRONT_TITLES / BACK_TITLES). "Drs." stands for the
# gendered Drs./Dra.; the first mix is no title at all.
TITLE_MIXES: Final[tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = (
    ((), ()),
    ((), ("S.H.",)),
    ((), ("S.E.",)),
    ((), ("S.Sos.",)),
    ((), ("S.Kom.",)),
    ((), ("S.T.",)),
    ((), ("S.Pd.",)),
    ((), ("S.IP.",)),
    ((), ("S.STP.",)),
    ((), ("S.H.", "M.H.")),
    ((), ("S.E.", "M.M.")),
    ((), ("S.Sos.", "M.Si.")),
    ((), ("S.T.", "M.T.")),
    ((), ("S.IP.", "M.Si.")),
    ((), ("S.Pd.", "M.Pd.")),
    ((), ("S.STP.", "M.Si.")),
    ((), ("S.E.", "M.Ak.")),
    ((), ("S.E.", "Ak.")),
    ((), ("M.Si.",)),
    ((), ("M.M.",)),
    ((), ("M.A.P.",)),
    ((), ("M.P.A.",)),
    ((), ("M.Sc.",)),
    ((), ("M.Sc.", "Ph.D.")),
    ((), ("S.T.", "M.Sc.", "Ph.D.")),
    (("Dr.",), ()),
    (("Dr.",), ("M.Si.",)),
    (("Dr.",), ("S.H.", "M.H.")),
    (("Dr.",), ("M.M.",)),
    (("Prof.", "Dr."), ()),
    (("Prof.", "Dr."), ("M.Si.",)),
    (("Prof.", "Dr."), ("S.H.", "M.Hum.")),
    (("Prof.",), ("Ph.D.",)),
    (("Ir.",), ()),
    (("Ir.",), ("M.Si.",)),
    (("Ir.",), ("M.T.",)),
    (("Ir.",), ("M.M.",)),
    (("Dr.", "Ir."), ("M.Sc.",)),
    (("Drs.",), ()),
    (("Drs.",), ("M.Si.",)),
    (("Drs.",), ("M.M.",)),
    (("Drs.",), ("M.Pd.",)),
    (("dr.",), ()),
    (("dr.",), ("Sp.PD.",)),
    (("dr.",), ("Sp.A.",)),
    (("dr.",), ("M.Kes.",)),
    (("dr.",), ("M.K.M.",)),
    (("dr.",), ("MARS",)),
    (("drg.",), ("M.Kes.",)),
)


# Pangkat as printed for officials (canonical forms, adminnet.text._ranks) and the
# sapaan by gender; drawn only sometimes (see person_names).
RANKS: Final[tuple[str, ...]] = (
    "Irjen Pol.",
    "Brigjen Pol.",
    "Kombes Pol.",
    "AKBP",
    "Komjen Pol. (Purn.)",
    "Jenderal TNI",
    "Jenderal TNI (Purn.)",
    "Mayjen TNI",
    "Brigjen TNI",
    "Letkol Inf.",
    "Kolonel Laut (P)",
    "Laksda TNI",
    "Marsekal TNI",
    "Marsma TNI",
    "Kapten Inf.",
)
_HONORIFICS: Final = {
    Gender.MALE: ("Bapak", "Saudara", "Tuan"),
    Gender.FEMALE: ("Ibu", "Nyonya", "Saudari"),
}


def draw_name(
    draw: st.DrawFn,
    gender: Gender,
    given: st.SearchStrategy[str] | None = None,
    *,
    head: bool = False,
) -> PersonName:
    """Draw a name for a person of ``gender``: given name, then gelar (see TITLE_MIXES).

    With ``head``, a pangkat (:data:`RANKS`) and a sapaan fitting the gender are each
    drawn about one time in four.
    """
    female = gender is Gender.FEMALE
    if given is None:
        firsts = _FEMALE if female else _MALE
        parts = [draw(st.sampled_from(firsts))]
        # 0 "Budi", 1 "Budi Santoso", 2 "Frans J. Papilaya", 3 "Budi Agus Santoso"
        shape = draw(st.integers(0, 3))
        if shape == 2:
            parts.append(draw(st.sampled_from(_INITIALS)) + ".")
        elif shape == 3:
            parts.append(draw(st.sampled_from(firsts)))
        if shape:
            parts.append(draw(st.sampled_from(_FEMALE_LAST if female else _MALE_LAST)))
        text = " ".join(parts)
    else:
        text = draw(given)
    front, back = draw(st.sampled_from(TITLE_MIXES))
    prefixes = [("Dra." if female else "Drs.") if t == "Drs." else t for t in front]
    if draw(st.booleans()):
        prefixes.append("Hj." if female else "H.")
    rank = honorific = None
    if head:
        rank = draw(st.none() | st.none() | st.none() | st.sampled_from(RANKS))
        forms = _HONORIFICS.get(gender, ("Saudara",))
        honorific = draw(st.none() | st.none() | st.none() | st.sampled_from(forms))
    return PersonName(
        given=text, prefixes=tuple(prefixes), suffixes=back, rank=rank, honorific=honorific
    )


@st.composite
def _person_names(
    draw: st.DrawFn,
    genders: st.SearchStrategy[Gender],
    given_names: st.SearchStrategy[str] | None,
) -> PersonName:
    return draw_name(draw, draw(genders), given_names, head=True)


def person_names(
    *,
    genders: st.SearchStrategy[Gender] | None = None,
    given_names: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[PersonName]:
    """Nama dengan gelar (PersonName values with real gelar in realistic mixes).

    A given name of one to three words (``"Frans J. Papilaya"``), drawn for a gender
    (``genders``) or from ``given_names``, then a mix of gelar seen in practice (none;
    ``S.Sos., M.Si.``; ``Dr.`` with a master's degree; ``Prof. Dr.``; ``Ir.``;
    ``Drs.``/``Dra.``; ``dr.`` with a specialism ...), optionally with ``H.``/``Hj.``
    fitting the gender, and about one time in four each a pangkat (``Irjen Pol.``,
    ``Letkol Inf.``, ``Jenderal TNI (Purn.)`` ...) and a sapaan (``Bapak``, ``Ibu``
    ...). Titles are canonical, so ``parse_name(str(n)) == n``. Shrinks towards the
    bare name ``Budi``.

    Raises:
        InvalidArgument: a non-strategy argument.
    """
    check_strategy(genders, "genders")
    check_strategy(given_names, "given_names")
    return _person_names(or_default(genders, st.sampled_from(list(Gender))), given_names)
