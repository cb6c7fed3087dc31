"""Private: the message catalogue and the choice of language (bahasa pesan).

Every adminnet error and rule message is a template in a gettext catalogue keyed by
its stable code (``msgid "nip.invalid_birth_date"``), one catalogue per language under
``adminnet/locale/<lang>/LC_MESSAGES/adminnet.mo``. Templates use ``str.format``
fields named after the error's ``params`` (``"NIP birth date {value} is not a calendar
date"``); the English and the Indonesian template of a code name the same fields.

The language is, in order: the one set with :func:`set_language`, the environment
variable ``ADMINNET_LANG``, then the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``:
Indonesian when it starts with ``id``); English otherwise. The environment is read on
the first message and again after ``set_language(None)``, not for every message: an
error path words thousands of messages a second.

>>> set_language("en")
>>> language()
'en'
>>> render("no.such.code", {"value": 3}, "fallback text")
'fallback text'
>>> set_language(None)
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from typing import Final

__all__ = ["LANGUAGES", "catalogue", "language", "render", "set_language", "template_key"]

LANGUAGES: Final = ("en", "id")
"""The languages adminnet speaks: English and Bahasa Indonesia."""

_chosen: str | None = None
_from_environment: str | None = None  # read once; set_language(None) reads again
_lock = threading.Lock()
_catalogues: dict[str, Mapping[str, str]] = {}
_tried: dict[str, tuple[Mapping[str, str], ...]] = {}  # language -> the catalogues render reads


def set_language(lang: str | None) -> None:
    """Choose the language of messages (``"en"`` or ``"id"``).

    ``None`` goes back to the environment and the locale, read again now.
    """
    global _chosen, _from_environment
    if lang is not None and lang not in LANGUAGES:
        msg = f"language {lang!r} is not one of {', '.join(LANGUAGES)}"
        raise ValueError(msg)
    _chosen = lang
    _from_environment = None


def language() -> str:
    """The language messages are rendered in now (``"en"`` or ``"id"``)."""
    global _from_environment
    if _chosen is not None:
        return _chosen
    if _from_environment is None:
        _from_environment = _environment_language()
    return _from_environment


def _environment_language() -> str:
    env = os.environ.get("ADMINNET_LANG", "").strip().lower()
    if env:
        return "id" if env.startswith(("id", "in")) else "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "id" if value.lower().startswith(("id", "in_")) else "en"
    return "en"


def catalogue(lang: str) -> Mapping[str, str]:
    """The compiled templates of one language, code -> template (empty if none shipped)."""
    found = _catalogues.get(lang)
    if found is not None:
        return found
    with _lock:
        found = _catalogues.get(lang)
        if found is None:
            found = _load(lang)
            _catalogues[lang] = found
    return found


def _load(lang: str) -> Mapping[str, str]:
    # Imported here: importlib.resources and gettext cost ~10 ms, paid on the first
    # message rather than by every import of adminnet.errors.
    import gettext
    from importlib import resources

    path = resources.files("adminnet") / "locale" / lang / "LC_MESSAGES" / "adminnet.mo"
    try:
        with path.open("rb") as fh:
            translations = gettext.GNUTranslations(fh)
    except FileNotFoundError:
        return {}
    raw: dict[object, str] = getattr(translations, "_catalog", {})
    return {k: v for k, v in raw.items() if isinstance(k, str) and k}


def template_key(code: str, variant: str | None = None) -> str:
    """The catalogue key of a message: the code, or ``code.variant`` for one of its wordings.

    >>> template_key("nip.invalid_length"), template_key("AGR001", "possibly")
    ('nip.invalid_length', 'AGR001.possibly')
    """
    return code if variant is None else f"{code}.{variant}"


def render(code: str, params: Mapping[str, object], fallback: str) -> str:
    """The message of ``code`` with ``params`` in the current language.

    Falls back to English, then to ``fallback``, when the catalogue has no template for
    the code or the template names a field that ``params`` lacks.
    """
    # language() without its call once known (an error path words thousands a second)
    lang = _chosen or _from_environment or language()
    tried = _tried.get(lang)
    if tried is None:
        tried = _tried[lang] = tuple(catalogue(which) for which in dict.fromkeys((lang, "en")))
    for templates in tried:
        template = templates.get(code)
        if template is not None:
            try:
                return template.format_map(params)
            except (KeyError, IndexError, ValueError, AttributeError):
                continue
    return fallback
