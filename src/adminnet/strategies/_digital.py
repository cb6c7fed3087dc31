"""Strategies for public services, indicators, measurements and digitalization targets."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Final

import hypothesis.strategies as st
import pendulum

from adminnet.model.agency import Agency
from adminnet.model.digital import (
    BUILTIN_INDICATORS,
    DigitalizationTarget,
    Indicator,
    Measurement,
    PublicService,
    ServiceMaturity,
)
from adminnet.strategies._agencies import (
    any_agency_id,
    default_agencies,
)
from adminnet.strategies._common import (
    check_strategy,
    slug,
    today_ordinal,
)
from adminnet.strategies._ids import region_codes
from adminnet.strategies._time import draw_partial
from adminnet.time import PartialDate

__all__ = [
    "SERVICES",
    "digitalization_targets",
    "draw_measurement_value",
    "draw_target",
    "indicators",
    "measurements",
    "public_services",
]


SERVICES: Final = (
    ("kependudukan", "Penerbitan Kartu Tanda Penduduk Elektronik"),
    ("kependudukan", "Penerbitan Akta Kelahiran"),
    ("perizinan", "Perizinan Berusaha Berbasis Risiko"),
    ("kesehatan", "Pendaftaran Pasien Rawat Jalan"),
    ("kepegawaian", "Layanan Kenaikan Pangkat"),
    ("pendidikan", "Penerimaan Peserta Didik Baru"),
    ("perpajakan", "Pembayaran Pajak Bumi dan Bangunan"),
    ("pengaduan", "Pengelolaan Pengaduan Pelayanan Publik"),
    ("informasi", "Layanan Informasi Publik"),
    ("pelatihan", "Pendaftaran Pelatihan Kepemimpinan Nasional"),
)


_CUSTOM_INDICATORS: Final = (
    ("indeks_reformasi_birokrasi", "Indeks Reformasi Birokrasi", "nilai", 0, 100, True),
    ("nilai_sakip", "Nilai Akuntabilitas Kinerja Instansi Pemerintah", "nilai", 0, 100, True),
    ("indeks_profesionalitas_asn", "Indeks Profesionalitas ASN", "nilai", 0, 100, True),
    ("jumlah_layanan_manual", "Jumlah layanan publik yang masih manual", "layanan", 0, 5000, False),
)


# Indicators whose values are whole numbers.
_WHOLE: Final = frozenset({"service_maturity", "jumlah_layanan_manual"})


def draw_measurement_value(
    draw: st.DrawFn,
    indicator: Indicator,
    low: Decimal | None = None,
    high: Decimal | None = None,
) -> Decimal:
    """A value on the indicator's scale (and within ``low..high``), to 0.01 or whole."""
    lo = indicator.minimum if low is None else max(low, indicator.minimum)
    hi = indicator.maximum if high is None else min(high, indicator.maximum)
    step = Decimal(1) if indicator.key in _WHOLE else Decimal("0.01")
    first = (lo / step).to_integral_value(rounding="ROUND_CEILING")
    last = (hi / step).to_integral_value(rounding="ROUND_FLOOR")
    if first > last:
        return lo
    n = int(first) + draw(st.integers(0, int(last - first)))
    return (Decimal(n) * step).quantize(step)


@st.composite
def _public_services(draw: st.DrawFn, agency_strategy: st.SearchStrategy[Agency]) -> PublicService:
    agency = draw(agency_strategy)
    sector, name = draw(st.sampled_from(SERVICES))
    maturity = draw(st.sampled_from(list(ServiceMaturity))) if draw(st.booleans()) else None
    return PublicService(
        id=f"{agency.id}.{slug(name)}",
        name=name,
        agency_id=agency.id,
        sector=sector,
        maturity=maturity,
    )


def public_services(
    *, agencies: st.SearchStrategy[Agency] | None = None
) -> st.SearchStrategy[PublicService]:
    """Pelayanan publik (public services of an agency, maybe with an SPBE maturity).

    Raises:
        InvalidArgument: a non-strategy argument.
    """
    check_strategy(agencies, "agencies")
    return _public_services(agencies if agencies is not None else default_agencies())


def _custom_indicators() -> tuple[Indicator, ...]:
    return tuple(
        Indicator(key=k, label=lb, unit=u, minimum=lo, maximum=hi, higher_is_better=better)
        for k, lb, u, lo, hi, better in _CUSTOM_INDICATORS
    )


def indicators() -> st.SearchStrategy[Indicator]:
    """Indikator (the built-in SPBE/IPP indicators and a few other real scales).

    Shrinks towards the SPBE index (0-5).
    """
    return st.deferred(
        lambda: st.sampled_from(tuple(BUILTIN_INDICATORS.values()) + _custom_indicators())
    )


def _source(indicator: Indicator, year: int) -> str:
    if indicator.key == "spbe_index":
        return f"Laporan Hasil Evaluasi SPBE Tahun {year}, KemenPANRB"
    if indicator.key == "ipp_index":
        return f"Laporan Hasil Evaluasi PEKPPP Tahun {year}, KemenPANRB"
    return f"Data {indicator.label} Tahun {year}"


def _region_on(draw: st.DrawFn, on: PartialDate, level: int | None) -> str | None:
    """A region code valid on every day ``on`` may denote (``None`` if the draw misses)."""
    from adminnet import regions as _regions  # lazy: the registry loads on the first draw

    code = draw(region_codes(level=level))  # current codes: one pool, not one per date
    latest = min(on.latest, pendulum.today().date())
    valid = all(_regions.get(code, as_of=d) is not None for d in (on.earliest, latest))
    return code if valid else None


@st.composite
def _measurements(
    draw: st.DrawFn,
    indicator_strategy: st.SearchStrategy[Indicator],
    agency_id_strategy: st.SearchStrategy[str] | None,
    region_code_strategy: st.SearchStrategy[str] | None,
) -> Measurement:
    indicator = draw(indicator_strategy)
    on = draw_partial(draw, _dt.date(2015, 1, 1).toordinal(), today_ordinal())
    agency_id = region_code = None
    subject = draw(st.sampled_from(("national", "agency", "region")))
    if subject == "agency":
        agency_id = draw(agency_id_strategy if agency_id_strategy is not None else any_agency_id())
    elif subject == "region":
        if region_code_strategy is not None:
            region_code = draw(region_code_strategy)
        else:
            region_code = _region_on(draw, on, None)
    return Measurement(
        indicator=indicator,
        value=draw_measurement_value(draw, indicator),
        on=on,
        agency_id=agency_id,
        region_code=region_code,
        source=_source(indicator, on.year) if draw(st.booleans()) else None,
    )


def measurements(
    *,
    indicators: st.SearchStrategy[Indicator] | None = None,
    agency_ids: st.SearchStrategy[str] | None = None,
    region_codes: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Measurement]:
    """Pengukuran (Measurements on their indicator's scale, 2015 to today).

    Values to two decimals (whole numbers for a maturity level or a count), dated to
    the day, month or (like an evaluation year) the year; national, for an agency id
    from ``agency_ids`` (default the ids of :func:`agencies`), or about a region code
    from ``region_codes`` (default: a current region of any level whose code is valid
    on every day the date may denote, so rule ``REF002`` holds; a national figure when
    the drawn code was not yet valid, as a Papua code of 2022 in 2019).

    Raises:
        InvalidArgument: a non-strategy argument.
    """
    check_strategy(indicators, "indicators")
    check_strategy(agency_ids, "agency_ids")
    check_strategy(region_codes, "region_codes")
    return _measurements(
        indicators if indicators is not None else _default_indicators(),
        agency_ids,
        region_codes,
    )


def _default_indicators() -> st.SearchStrategy[Indicator]:
    return indicators()


def draw_target(
    draw: st.DrawFn,
    ident: str,
    agency: Agency,
    indicator: Indicator,
) -> DigitalizationTarget:
    """A target of ``agency`` on ``indicator``: maybe a baseline, due after it."""
    now = _dt.date.fromordinal(today_ordinal())
    baseline = None
    if draw(st.booleans()):
        year = draw(st.integers(2015, now.year - 1))
        baseline = Measurement(
            indicator=indicator,
            value=draw_measurement_value(draw, indicator),
            on=PartialDate(year=year),
            agency_id=agency.id,
            source=_source(indicator, year),
        )
    if baseline is None:
        target_value = draw_measurement_value(draw, indicator)
    elif indicator.higher_is_better:
        target_value = draw_measurement_value(draw, indicator, low=baseline.value)
    else:
        target_value = draw_measurement_value(draw, indicator, high=baseline.value)
    due = None
    if draw(st.booleans()):
        first = 2018 if baseline is None else baseline.on.year + 1
        due = PartialDate(year=first + draw(st.integers(0, 8)))
    basis = None
    if draw(st.booleans()):
        basis = f"Rencana Strategis {agency.acronym or agency.name} 2020-2024"
    return DigitalizationTarget(
        id=ident,
        agency_id=agency.id,
        indicator=indicator,
        target_value=target_value,
        baseline=baseline,
        due=due,
        basis=basis,
    )


@st.composite
def _targets(
    draw: st.DrawFn,
    agency_strategy: st.SearchStrategy[Agency],
    indicator_strategy: st.SearchStrategy[Indicator],
) -> DigitalizationTarget:
    agency = draw(agency_strategy)
    indicator = draw(indicator_strategy)
    return draw_target(draw, f"{agency.id}.target-{indicator.key}", agency, indicator)


def digitalization_targets(
    *,
    agencies: st.SearchStrategy[Agency] | None = None,
    indicators: st.SearchStrategy[Indicator] | None = None,
) -> st.SearchStrategy[DigitalizationTarget]:
    """Target digitalisasi (targets on an indicator's scale, due after their baseline).

    A target value for an agency (``agencies``) on an indicator (``indicators``),
    maybe from a baseline measured 2015 to last year (then the target is no worse
    than the baseline and due at least a year after it), maybe with a due year and a
    basis.

    Raises:
        InvalidArgument: a non-strategy argument.
    """
    check_strategy(agencies, "agencies")
    check_strategy(indicators, "indicators")
    return _targets(
        agencies if agencies is not None else default_agencies(),
        indicators if indicators is not None else _default_indicators(),
    )
