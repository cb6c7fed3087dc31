"""Compile the message catalogues: adminnet.po -> adminnet.mo, for every language.

The sources are ``src/adminnet/locale/<lang>/LC_MESSAGES/adminnet.po`` (msgid = the
error or rule code, msgstr = the ``str.format`` template; see ``src/adminnet/_i18n.py``).
Babel reads them (``babel.messages.pofile.read_po``) and writes the compiled catalogue
(``babel.messages.mofile.write_mo``), whose entries Babel sorts by msgid; the header
names this script instead of the Babel version, so the bytes depend only on the .po.

The script also puts each .po back in its canonical form (entries sorted by msgid, one
line per string, Babel's escaping): several branches add entries to the same files and
git merges them by union (``.gitattributes``), which leaves them unsorted.

Usage::

    python scripts/build_catalogues.py          # normalize the .po files, write the .mo
    python scripts/build_catalogues.py --check  # exit 1 if anything would change

``--check`` also refuses a catalogue that is not usable: a msgid present twice (a
union merge of two different wordings), a code present in one language only, or two
templates of one code with different fields. tests/test_i18n.py runs the same check.
"""

from __future__ import annotations

import argparse
import io
import re
import string
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "adminnet" / "locale"
LANGUAGES = ("en", "id")
DOMAIN = "adminnet"
GENERATED_BY = "adminnet scripts/build_catalogues.py (Babel)\n"
_MSGID_LINE = re.compile(r'^msgid "(.+)"$', re.M)


class _PinnedCatalog(Catalog):
    """A Babel catalogue whose header does not carry the Babel version."""

    @property
    def mime_headers(self) -> list[tuple[str, str]]:
        headers = [(k, v) for k, v in super().mime_headers if k != "Generated-By"]
        return [*headers, ("Generated-By", GENERATED_BY)]

    @mime_headers.setter
    def mime_headers(self, headers: Iterable[tuple[str, str]]) -> None:
        Catalog.mime_headers.fset(self, headers)  # type: ignore[attr-defined]


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def load(lang: str) -> Catalog:
    """The catalogue of one language, read by Babel (errors on a malformed file)."""
    with po_path(lang).open("rb") as fh:
        catalog = read_po(fh, locale=lang, domain=DOMAIN, abort_invalid=True)
    catalog.__class__ = _PinnedCatalog
    catalog.fuzzy = False
    return catalog


def templates(lang: str) -> dict[str, str]:
    """Code -> template of one language, from the .po source."""
    return {
        m.id: m.string
        for m in load(lang)
        if m.id and isinstance(m.id, str) and isinstance(m.string, str)
    }


def fields(template: str) -> frozenset[str]:
    """The names of the ``str.format`` fields of a template."""
    names = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is not None:
            names.add(re.split(r"[.\[!:]", name, maxsplit=1)[0])
    return frozenset(names)


def render_po(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, catalog, width=0, sort_output=True, include_lineno=False)
    return buf.getvalue()


def render_mo(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, catalog)
    return buf.getvalue()


def problems() -> Iterator[str]:
    """What makes the catalogues unusable: duplicates, missing codes, unequal fields."""
    found: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        ids = _MSGID_LINE.findall(po_path(lang).read_text("utf-8"))
        for code in sorted({c for c in ids if ids.count(c) > 1}):
            yield f"{lang}: {code} has more than one entry"
        found[lang] = templates(lang)
        for code, template in found[lang].items():
            if not template:
                yield f"{lang}: {code} has an empty template"
            try:
                fields(template)
            except ValueError as exc:
                yield f"{lang}: {code} is not a str.format template ({exc})"
    en, other = found["en"], {k: v for k, v in found.items() if k != "en"}
    for lang, table in other.items():
        for code in sorted(en.keys() - table.keys()):
            yield f"{lang}: {code} is missing (English has it)"
        for code in sorted(table.keys() - en.keys()):
            yield f"en: {code} is missing ({lang} has it)"
        for code in sorted(en.keys() & table.keys()):
            try:
                same = fields(en[code]) == fields(table[code])
            except ValueError:
                continue
            if not same:
                yield (
                    f"{lang}: {code} has fields {sorted(fields(table[code]))},"
                    f" English has {sorted(fields(en[code]))}"
                )


def _outdated() -> list[tuple[Path, bytes]]:
    """Each catalogue file (normalized .po, compiled .mo) whose bytes would change."""
    out = []
    for lang in LANGUAGES:
        catalog = load(lang)
        for path, data in (
            (po_path(lang), render_po(catalog)),
            (mo_path(lang), render_mo(catalog)),
        ):
            if not path.exists() or path.read_bytes() != data:
                out.append((path, data))
    return out


def stale() -> list[Path]:
    """The files that building would change."""
    return [path for path, _ in _outdated()]


def build() -> list[Path]:
    """Normalize every .po and write its .mo; the files changed."""
    changed = []
    for path, data in _outdated():
        path.write_bytes(data)
        changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a file is stale"
    )
    args = parser.parse_args(argv)
    bad = list(problems())
    for problem in bad:
        print(f"catalogue: {problem}", file=sys.stderr)
    if args.check:
        paths = stale()
        for path in paths:
            print(f"stale: {path.relative_to(ROOT)}", file=sys.stderr)
        if paths:
            print("run: python scripts/build_catalogues.py", file=sys.stderr)
        return 1 if paths or bad else 0
    if bad:
        return 1
    for path in build():
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
