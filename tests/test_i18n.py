"""Messages in English and Bahasa Indonesia: the catalogues, the language, the params.

The catalogues (``src/adminnet/locale``) are compiled by scripts/build_catalogues.py;
these tests keep them complete (every code raised in src/ has a template in both
languages, with the same fields), compiled (the .mo equal what the script writes) and
used (Indonesian where asked for).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import adminnet
from adminnet import _i18n
from adminnet.errors import InvalidComponent, InvalidLength, set_language

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "adminnet"


def _load_script(name: str) -> ModuleType:
    path = ROOT / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_i18n_{name}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def lang() -> object:
    """Restore the environment's choice of language after the test."""
    yield set_language
    set_language(None)


def test_compiled_catalogues_are_current() -> None:
    """Every .mo equals what scripts/build_catalogues.py compiles from its .po."""
    pytest.importorskip("babel")
    script = _load_script("build_catalogues")
    assert list(script.problems()) == []
    assert script.stale() == [], "run: python scripts/build_catalogues.py"


def test_catalogues_ship_in_the_package() -> None:
    """Both languages' .mo sit inside the package, where the wheel takes them from."""
    package = Path(adminnet.__file__).parent
    for lang in _i18n.LANGUAGES:
        assert (package / "locale" / lang / "LC_MESSAGES" / "adminnet.mo").is_file()


def test_language_choice(lang: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """set_language wins over ADMINNET_LANG, which wins over the locale."""
    err = InvalidComponent(code="nip.invalid_birth_date", params={"value": "19651332"})
    for var in ("ADMINNET_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    assert str(err) == "NIP birth date 19651332 is not a calendar date"
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    assert str(err) == "Tanggal lahir NIP 19651332 bukan tanggal yang ada di kalender"
    monkeypatch.setenv("ADMINNET_LANG", "en")
    assert str(err).startswith("NIP birth date")
    set_language("id")
    assert str(err).startswith("Tanggal lahir NIP")
    with pytest.raises(ValueError, match="'fr'"):
        set_language("fr")
    assert adminnet.set_language is set_language


def test_variant_picks_the_wording(lang: object) -> None:
    """A variant selects ``code.variant`` in the catalogue; the code stays the same."""
    err = InvalidLength(code="nip.invalid_length", params={"value": "", "digits": 0}, variant="x")
    assert err.code == "nip.invalid_length"
    assert err.template_key == "nip.invalid_length.x"


def test_import_reads_no_catalogue() -> None:
    """import adminnet opens no .mo; the catalogue is read on the first message."""
    code = (
        "import sys\n"
        "opened = []\n"
        "sys.addaudithook(lambda e, a: opened.append(str(a[0])) if e == 'open' else None)\n"
        "import adminnet, adminnet.errors\n"
        "assert not [p for p in opened if p.endswith('.mo')], opened\n"
        "str(adminnet.errors.InvalidFormat(code='nip.invalid_length'))\n"
        "assert [p for p in opened if p.endswith('.mo')], opened\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
