"""Kerja sama (cooperation agreements: MoU, kesepakatan bersama, PKS, adendum)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from adminnet._enum import LabeledEnum, labels
from adminnet._validators import disagrees, raise_for_field
from adminnet.errors import InconsistentData, InvalidComponent
from adminnet.model._common import (
    as_tuple,
    check_id,
    check_text,
    clean_text,
    enum_converter,
    instance_of,
    optional_id_field,
    optional_partial_date,
    optional_text_field,
    tuple_of,
)
from adminnet.model._display import entity_html
from adminnet.time import DateLike, PartialDate, Period, as_date

__all__ = [
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "CooperationArea",
    "Party",
]


@labels(
    {
        "nota_kesepahaman": "Nota Kesepahaman",
        "kesepakatan_bersama": "Kesepakatan Bersama",
        "perjanjian_kerja_sama": "Perjanjian Kerja Sama",
        "adendum": "Adendum",
    },
    aliases={
        "MoU": "nota_kesepahaman",
        "KB": "kesepakatan_bersama",
        "PKS": "perjanjian_kerja_sama",
    },
)
class AgreementKind(LabeledEnum):
    """Jenis naskah kerja sama (MoU, kesepakatan bersama, PKS, adendum)."""

    NOTA_KESEPAHAMAN = "nota_kesepahaman"
    KESEPAKATAN_BERSAMA = "kesepakatan_bersama"
    PERJANJIAN_KERJA_SAMA = "perjanjian_kerja_sama"
    ADENDUM = "adendum"


@labels(
    {
        "kajian_kebijakan": "Kajian Kebijakan",
        "pendidikan_dan_pelatihan": "Pendidikan dan Pelatihan",
        "inovasi_administrasi_negara": "Inovasi Administrasi Negara",
        "pendidikan_tinggi": "Pendidikan Tinggi",
        "pelayanan_publik": "Pelayanan Publik",
        "transformasi_digital": "Transformasi Digital",
        "pengembangan_kompetensi": "Pengembangan Kompetensi",
        "other": "Lainnya",
    }
)
class CooperationArea(LabeledEnum):
    """Bidang kerja sama (field of cooperation)."""

    KAJIAN_KEBIJAKAN = "kajian_kebijakan"
    PENDIDIKAN_DAN_PELATIHAN = "pendidikan_dan_pelatihan"
    INOVASI_ADMINISTRASI_NEGARA = "inovasi_administrasi_negara"
    PENDIDIKAN_TINGGI = "pendidikan_tinggi"
    PELAYANAN_PUBLIK = "pelayanan_publik"
    TRANSFORMASI_DIGITAL = "transformasi_digital"
    PENGEMBANGAN_KOMPETENSI = "pengembangan_kompetensi"
    OTHER = "other"


@labels(
    {
        "not_yet_effective": "Belum berlaku",
        "active": "Berlaku",
        "expired": "Berakhir",
        "uncertain": "Tidak pasti",
    }
)
class AgreementStatus(LabeledEnum):
    """Status berlaku (whether an agreement is in effect on a day).

    ``uncertain`` is the honest answer when the effect period is known only to the
    year or month and the day falls where it may or may not be in force.
    """

    NOT_YET_EFFECTIVE = "not_yet_effective"
    ACTIVE = "active"
    EXPIRED = "expired"
    UNCERTAIN = "uncertain"


def _to_agreement_kind(value: str | AgreementKind) -> AgreementKind:
    """Converter: the value string of a AgreementKind becomes the member."""
    return enum_converter(AgreementKind)(value)


@attrs.frozen(kw_only=True)
class Party:
    """Pihak (a party to an agreement: an agency, and who signed for it).

    Attributes:
        agency_id: The agency that is a party.
        signatory_id: The person who signed for it, if known.
        document_number: The party's own number of the document, if known.
    """

    agency_id: str = attrs.field(validator=check_id)
    signatory_id: str | None = optional_id_field()
    document_number: str | None = optional_text_field()

    def __str__(self) -> str:
        """The agency id, and who signed for it: ``"lan (signed by adi-suryanto)"``."""
        if self.signatory_id is None:
            return self.agency_id
        return f"{self.agency_id} (signed by {self.signatory_id})"

    _repr_html_ = entity_html


def _parties(value: Sequence[Party]) -> tuple[Party, ...]:
    return as_tuple(value)


def _check_parties(instance: Agreement, attribute: attrs.Attribute[Any], value: object) -> None:
    tuple_of(Party)(instance, attribute, value)
    assert isinstance(value, tuple)
    if len(value) < 2:
        raise_for_field(
            InvalidComponent(code="agreement.too_few_parties", params={"count": len(value)}),
            instance,
            attribute,
        )
    seen: set[str] = set()
    for party in value:
        if party.agency_id in seen:
            raise_for_field(
                InconsistentData(
                    code="agreement.duplicate_party", params={"value": party.agency_id}
                ),
                instance,
                attribute,
            )
        seen.add(party.agency_id)


def _areas(value: Sequence[str | CooperationArea]) -> tuple[CooperationArea, ...]:
    raw: object = value
    if isinstance(raw, list | tuple):
        return tuple(enum_converter(CooperationArea)(v) for v in raw)
    return value  # type: ignore[return-value]  # the validator reports it


def _check_areas(instance: Agreement, attribute: attrs.Attribute[Any], value: object) -> None:
    tuple_of(CooperationArea)(instance, attribute, value)
    assert isinstance(value, tuple)
    if len(set(value)) != len(value):
        raise_for_field(InvalidComponent(code="agreement.duplicate_area"), instance, attribute)


def _default_effective(instance: Agreement) -> Period:
    signed: object = instance.signed_on
    # A bad signed_on is reported by its own validator, not through this default.
    return Period(start=signed) if isinstance(signed, PartialDate) else Period()


def _check_effective(instance: Agreement, attribute: attrs.Attribute[Any], value: object) -> None:
    instance_of(Period)(instance, attribute, value)
    assert isinstance(value, Period)
    signed = instance.signed_on
    if signed is not None and value.start is not None and value.start.latest < signed.earliest:
        exc = disagrees("agreement.effective_before_signing", value.start, signed_on=signed)
        raise_for_field(exc, instance, attribute)


@attrs.frozen(kw_only=True)
class Agreement:
    """Naskah kerja sama (a cooperation agreement: MoU, KB, PKS or adendum).

    ``effective`` defaults to an open period starting on the signing date.

    Attributes:
        id: Slug id.
        kind: Nota kesepahaman, kesepakatan bersama, PKS or adendum.
        title: Title (perihal) as written.
        parties: At least two parties, each a distinct agency.
        signed_on: Signing date, as precise as known.
        place: Where it was signed, as written.
        effective: When it is in force.
        areas: Fields of cooperation.
        scope: Ruang lingkup, free text.
        parent_id: The MoU a PKS or adendum implements.
        event_id: The event at which it was signed.
    """

    id: str = attrs.field(validator=check_id)
    kind: AgreementKind = attrs.field(
        converter=_to_agreement_kind, validator=instance_of(AgreementKind)
    )
    title: str = attrs.field(converter=clean_text, validator=check_text)
    parties: tuple[Party, ...] = attrs.field(converter=_parties, validator=_check_parties)
    signed_on: PartialDate | None = attrs.field(
        default=None,
        converter=optional_partial_date,
        validator=instance_of(PartialDate, optional=True),
    )
    place: str | None = optional_text_field()
    effective: Period = attrs.field(
        default=attrs.Factory(_default_effective, takes_self=True), validator=_check_effective
    )
    areas: tuple[CooperationArea, ...] = attrs.field(
        default=(), converter=_areas, validator=_check_areas
    )
    scope: str | None = optional_text_field()
    parent_id: str | None = optional_id_field()
    event_id: str | None = optional_id_field()

    def __str__(self) -> str:
        """The kind, the title and the signing date: ``"Nota Kesepahaman Kerja sama (2016)"``."""
        when = "" if self.signed_on is None else f" ({self.signed_on})"
        return f"{self.kind.label} {self.title}{when}"

    _repr_html_ = entity_html

    @property
    def agency_ids(self) -> tuple[str, ...]:
        """The agencies that are parties, in order."""
        return tuple(p.agency_id for p in self.parties)

    def status(self, at: DateLike | None = None) -> AgreementStatus:
        """Whether the agreement is in force on a day (default today).

        >>> a = Agreement(id="a", kind="nota_kesepahaman", title="Kerja sama",
        ...               parties=[Party(agency_id="lan"), Party(agency_id="pemkot-8171")],
        ...               signed_on="2016", effective=Period.parse("2016", "2018"))
        >>> a.status("2017-03-16").value, a.status("2016-06-01").value
        ('active', 'uncertain')
        >>> a.status("2019-01-01").value
        'expired'
        """
        d = as_date(at, what="at")
        if self.effective.surely_contains(d):
            return AgreementStatus.ACTIVE
        if self.effective.surely_starts_after(d):
            return AgreementStatus.NOT_YET_EFFECTIVE
        if self.effective.surely_ends_before(d):
            return AgreementStatus.EXPIRED
        return AgreementStatus.UNCERTAIN
