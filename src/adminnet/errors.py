"""Galat adminnet (the adminnet exception tree).

Every exception adminnet raises derives from :class:`AdminnetError` and also from the
builtin it means, so ``except ValueError`` and ``except LookupError`` in callers keep
working::

    AdminnetError(Exception)                       root; never raised bare
    ├── ValidationError(AdminnetError, ValueError) a value is not acceptable
    │   ├── InvalidFormat                          wrong shape (characters, separators)
    │   │   └── InvalidLength
    │   ├── InvalidComponent                       a part is impossible
    │   └── InconsistentData                       parts disagree
    ├── UnknownEntity(AdminnetError, LookupError)  a lookup found nothing
    │   └── AmbiguousName                          a name fits several entities
    └── InvalidDataError(ValidationError)          loading a document failed

Every error carries a stable ``code`` (``"nip.invalid_birth_date"``), the named
``params`` its message is built from, and a short message that names the thing and
quotes the value. The message comes from the catalogue keyed by the code (or by
``code.variant`` when one code has several wordings), in the language chosen by
:func:`adminnet.set_language`, ``ADMINNET_LANG`` or the locale (English unless
Indonesian is asked for); a message passed by hand is the fallback when the catalogue
has none:

>>> from adminnet.errors import InvalidComponent
>>> err = InvalidComponent("NIP birth date 19651332 is not a calendar date",
...                        code="nip.invalid_birth_date")
>>> err.code
'nip.invalid_birth_date'
>>> str(err)
'NIP birth date 19651332 is not a calendar date'
>>> isinstance(err, ValueError)
True

With ``params`` and no hand-written message, the catalogue words it, in either language:

>>> from adminnet import set_language
>>> err = InvalidComponent(code="nip.invalid_birth_date", params={"value": "19651332"})
>>> set_language("id")
>>> print(err)
tanggal lahir NIP 19651332 bukan tanggal yang ada di kalender
>>> set_language("en")
>>> print(err)
NIP birth date 19651332 is not a calendar date
>>> dict(err.params)
{'value': '19651332'}
>>> set_language(None)
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, ClassVar, Self

import attrs

from adminnet import _i18n
from adminnet._i18n import render, template_key

__all__ = [
    "AdminnetError",
    "AmbiguousName",
    "ErrorDetail",
    "InconsistentData",
    "InvalidComponent",
    "InvalidDataError",
    "InvalidFormat",
    "InvalidLength",
    "UnknownEntity",
    "ValidationError",
    "language",
    "plain_params",
    "set_language",
]


def set_language(lang: str | None) -> None:
    """Pilih bahasa pesan (choose the language of every error and rule message).

    ``"id"`` for Bahasa Indonesia, ``"en"`` for English, ``None`` to go back to the
    environment: the variable ``ADMINNET_LANG``, then the locale (``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``; Indonesian when it starts with ``id``). The choice holds
    for the whole process; a message is rendered when it is read, so an error caught
    before the switch speaks the new language. The CLI's ``--lang`` calls this.

    >>> from adminnet.errors import InvalidLength, language, set_language
    >>> err = InvalidLength(code="nip.invalid_length", params={"value": "123", "digits": 3})
    >>> set_language("id")
    >>> language(), str(err)
    ('id', 'NIP 123 terdiri atas 3 digit, bukan 18 (atau 9 untuk NIP sebelum 2009)')
    >>> set_language(None)

    Raises:
        ValueError: ``lang`` is not ``"en"``, ``"id"`` or ``None``.
    """
    _i18n.set_language(lang)


def language() -> str:
    """Bahasa pesan saat ini (the language messages are rendered in now: "en" or "id")."""
    return _i18n.language()


_NO_PARAMS: Mapping[str, object] = MappingProxyType({})


class AdminnetError(Exception):
    """Galat adminnet (root of every adminnet error); never raised bare.

    Args:
        message: Short English message naming the thing and quoting the value; only a
            fallback for when the catalogue has no template for the code.
        code: Stable machine-readable code; defaults to the class's ``default_code``.
        params: The named values of the message (``{"value": "19651332"}``): ``str``
            or ``int``, the fields of the catalogue's templates.
        variant: Which wording of the code, when one code has several (the template
            is then ``code.variant`` in the catalogue); not part of the code.
    """

    default_code: ClassVar[str] = "adminnet.error"
    default_message: ClassVar[str] = "adminnet error"

    code: str
    args: tuple[Any, ...]  # (message or code,): what Exception.__init__ would store
    # What an error has when it is not given (class attributes: an error path makes
    # thousands of errors, and each sets only what it was given).
    params: Mapping[str, object] = _NO_PARAMS
    variant: str | None = None
    _fallback: str | None = None

    def __init__(
        self,
        message: str | None = None,
        *,
        code: str | None = None,
        params: Mapping[str, object] | None = None,
        variant: str | None = None,
    ) -> None:
        if code is None:
            code = self.default_code
        self.code = code
        if params:
            self.params = MappingProxyType(params.copy() if type(params) is dict else dict(params))
        if variant is not None:
            self.variant = variant
        if message is None:
            self.args = (code,)  # what Exception.__init__(self, code) stores
        else:
            self._fallback = message
            self.args = (message,)

    def _init_bare(self, code: str) -> None:
        """What ``__init__`` does for ``code`` alone (no message, params or variant), faster."""
        self.code = code
        self.args = (code,)

    @property
    def template_key(self) -> str:
        """The catalogue key of the message: the code, or ``code.variant``."""
        return template_key(self.code, self.variant)

    @property
    def message(self) -> str:
        """The message in the current language (catalogue first, then the fallback)."""
        fallback = self._fallback
        variant = self.variant
        return render(
            self.code if variant is None else template_key(self.code, variant),
            self.params,
            fallback if fallback is not None else self.default_message,
        )

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={self.code!r})"

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild,
            (type(self), self._fallback, self.code, dict(self.params), self.variant),
        )

    def rewrap(self) -> Self:
        """A fresh copy (class, code, params, variant, fallback), without traceback or notes."""
        return copy.copy(self)


def _rebuild(
    cls: type[AdminnetError],
    message: str | None,
    code: str,
    params: dict[str, object],
    variant: str | None = None,
) -> AdminnetError:
    return cls(message, code=code, params=params, variant=variant)


class ValidationError(AdminnetError, ValueError):
    """Nilai tidak sah (a value is not acceptable); base of value errors."""

    default_code = "invalid"
    default_message = "invalid value"


class InvalidFormat(ValidationError):
    """Format salah (wrong shape: characters, separators, grouping)."""

    default_code = "invalid_format"
    default_message = "value has the wrong format"


class InvalidLength(InvalidFormat):
    """Panjang salah (wrong number of characters or digits)."""

    default_code = "invalid_length"
    default_message = "value has the wrong length"


class InvalidComponent(ValidationError):
    """Komponen tidak mungkin (a part is impossible: month 13, unknown code)."""

    default_code = "invalid_component"
    default_message = "value has an impossible component"


class InconsistentData(ValidationError):
    """Data tidak konsisten (parts disagree: end before start, NIP vs birth date)."""

    default_code = "inconsistent"
    default_message = "parts of the value disagree"


class UnknownEntity(AdminnetError, LookupError):
    """Entitas tidak ditemukan (a lookup found nothing); ``candidates`` are the nearest.

    The nearest entities (one typing slip away, or starting with the name) are the
    "did you mean" of the message: their ids or codes, best first, in ``candidates``,
    and as printed in ``params["candidates"]``. Two optional params end the message in
    the current language, after the template of the code: ``as_of`` (the date of a
    dated lookup) and ``candidates``:

    >>> err = UnknownEntity("no region named 'Kota Ambonn'", code="regions.unknown_name",
    ...                     candidates=["81.71"], params={"candidates": "Kota Ambon 81.71"})
    >>> err.candidates, str(err)
    (('81.71',), "no region named 'Kota Ambonn' (did you mean: Kota Ambon 81.71?)")

    A registry that fails inside a loop (every phrase of an article tried as an agency
    name) should not pay for a fuzzy search each time: it passes ``near``, called the
    first time ``candidates``, ``params`` or the message is asked for.

    Args:
        message: What was looked up (the fallback when the catalogue lacks the code).
        candidates: Identifiers of the nearest entities, best first (may be empty).
        code: Stable code, ``"unknown"`` by default.
        params: Named values of the message.
        variant: Which wording of the code (see :class:`AdminnetError`).
        near: Called once, on demand: the nearest entities' identifiers and how they
            are printed (``(["81.71"], "Kota Ambon (81.71)")``); they replace
            ``candidates`` and become ``params["candidates"]`` when there are any.
    """

    default_code = "unknown"
    default_message = "no such entity"

    _params: Mapping[str, object] = _NO_PARAMS

    def __init__(
        self,
        message: str | None = None,
        *,
        candidates: Iterable[str] = (),
        code: str | None = None,
        params: Mapping[str, object] | None = None,
        near: Callable[[], tuple[Iterable[str], str]] | None = None,
        variant: str | None = None,
    ) -> None:
        self._near = near
        super().__init__(message, code=code, params=params, variant=variant)
        self._candidates = tuple(candidates)

    def _complete(self) -> None:
        near, self._near = self._near, None
        if near is not None:
            ids, shown = near()
            self._candidates = tuple(ids)
            if shown:
                self._params = MappingProxyType({**self._params, "candidates": shown})

    @property
    def candidates(self) -> tuple[str, ...]:
        """Identifiers of the nearest entities (unknown) or of every fit (ambiguous)."""
        self._complete()
        return self._candidates

    @property
    def params(self) -> Mapping[str, object]:
        """The named values of the message (with the nearest entities, once found)."""
        self._complete()
        return self._params

    @params.setter
    def params(self, value: Mapping[str, object]) -> None:
        self._params = value

    @property
    def message(self) -> str:
        """The message in the current language, then the date and the nearest entities."""
        text = super().message
        as_of = self.params.get("as_of")
        if as_of:
            text += " " + render("unknown.as_of", {"as_of": as_of}, f"as of {as_of}")
        near = self.params.get("candidates")
        if near and not isinstance(self, AmbiguousName):
            hint = render("unknown.did_you_mean", {"candidates": near}, f"did you mean: {near}?")
            text += f" ({hint})"
        return text

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_unknown,
            (
                type(self),
                self._fallback,
                self.candidates,
                self.code,
                dict(self.params),
                self.variant,
            ),
        )


def _rebuild_unknown(
    cls: type[UnknownEntity],
    message: str | None,
    candidates: tuple[str, ...],
    code: str,
    params: dict[str, object],
    variant: str | None = None,
) -> UnknownEntity:
    return cls(message, candidates=candidates, code=code, params=params, variant=variant)


class AmbiguousName(UnknownEntity):
    """Nama ambigu (a name fits several entities); ``candidates`` lists them.

    Args:
        message: What was looked up and why it is ambiguous.
        candidates: Identifiers (codes or ids) of every entity that fits.
        code: Stable code, ``"ambiguous"`` by default.
    """

    default_code = "ambiguous"
    default_message = "the name fits several entities"


@attrs.frozen
class ErrorDetail:
    """Rincian galat (one problem found while loading a document).

    Attributes:
        path: JSONPath-like location of the bad value, e.g. ``$.parties[1].signatory_id``.
        code: Stable code of the problem, e.g. ``nip.invalid_birth_date``.
        message: Short message, in the language current when the problem was found.
        line: 1-based line number in a JSON Lines input, else ``None``.
        params: The named values the message was built from (``{"value": "19651332"}``),
            for applications that word their own messages.
    """

    path: str
    code: str
    message: str
    line: int | None = None
    params: Mapping[str, str | int] = attrs.field(
        factory=dict, eq=False, kw_only=True, validator=lambda i, a, v: _check_params(i, a, v)
    )

    def __str__(self) -> str:
        where = self.path if self.line is None else f"line {self.line}: {self.path}"
        return f"{where}  {self.code}  {self.message}"

    @classmethod
    def from_error(cls, path: str, error: AdminnetError, line: int | None = None) -> ErrorDetail:
        """Rincian dari galat (the detail of an error at ``path``: code, message, params).

        >>> err = InvalidLength(code="nip.invalid_length", params={"value": "12", "digits": 2})
        >>> d = ErrorDetail.from_error("$.nip", err)
        >>> d.code, dict(d.params)
        ('nip.invalid_length', {'value': '12', 'digits': 2})
        >>> d.message
        'NIP 12 has 2 digits, not 18 (or 9 for a pre-2009 NIP)'
        """
        plain = plain_params(error.params)
        if cls is not ErrorDetail:
            return cls(path, error.code, error.message, line, params=plain)
        return _detail(path, error.code, error.message, line, plain)

    @classmethod
    def from_code(
        cls,
        path: str,
        code: str,
        params: Mapping[str, object] | None = None,
        *,
        variant: str | None = None,
        line: int | None = None,
        fallback: str | None = None,
    ) -> ErrorDetail:
        """Rincian dari kode (a detail whose message is the catalogue's template of ``code``).

        ``variant`` picks the wording ``code.variant``; ``fallback`` is the message when
        the catalogue has no template (default: the code itself).
        """
        plain = plain_params(params or {})
        key = template_key(code, variant)
        message = render(key, plain, fallback if fallback is not None else code)
        if cls is not ErrorDetail:
            return cls(path, code, message, line, params=plain)
        return _detail(path, code, message, line, plain)

    def _at_line(self, line: int | None) -> ErrorDetail:
        """Rincian pada baris (the same detail at ``line`` of a JSON Lines input).

        >>> ErrorDetail("$", "json.invalid", "bad JSON")._at_line(7).line
        7
        """
        if type(self) is not ErrorDetail:
            return attrs.evolve(self, line=line)
        return _detail(self.path, self.code, self.message, line, self.params)

    def to_dict(self) -> dict[str, object]:
        """Plain dict (JSON-ready): path, code, message, line, params."""
        return {
            "path": self.path,
            "code": self.code,
            "message": self.message,
            "line": self.line,
            "params": dict(self.params),
        }


_new = object.__new__
_STR = frozenset((str,))
# Each slot's own setter, in field order (path, code, message, line, params): a store
# without the frozen class's __setattr__ and its lookups, for _detail.
_DETAIL_SLOTS: tuple[Callable[[ErrorDetail, Any], None], ...] = tuple(
    ErrorDetail.__dict__[a.name].__set__ for a in attrs.fields(ErrorDetail)
)
_set_path, _set_code, _set_message, _set_line, _set_params = _DETAIL_SLOTS


def _detail(
    path: str, code: str, message: str, line: int | None, params: Mapping[str, str | int]
) -> ErrorDetail:
    """The ErrorDetail of values made here (``params``: plain_params' or a detail's own).

    Set slot by slot, without ``__init__``'s checks when they cannot fail (text keys;
    the values are str or int already): an error path builds thousands.
    """
    if not set(map(type, params)) <= _STR:
        return ErrorDetail(path, code, message, line, params=params)
    detail = _new(ErrorDetail)
    _set_path(detail, path)
    _set_code(detail, code)
    _set_message(detail, message)
    _set_line(detail, line)
    _set_params(detail, params)
    return detail


_PLAIN = frozenset((str, int))


def attach_note(exc: BaseException, instance: object, attribute: attrs.Attribute[Any]) -> None:
    """Attach the cattrs note naming ``attribute`` to ``exc`` (once), for error paths."""
    note_class = _note_class()
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, note_class):
            return
    exc.add_note(
        note_class(
            f"Validating {type(instance).__name__} @ attribute {attribute.name}",
            attribute.name,
            attribute.type,
        )
    )


_note_classes: list[type[Any]] = []


def _note_class() -> type[Any]:
    """The note class of cattrs (AttributeValidationNote), imported on first use."""
    if not _note_classes:
        from cattrs import AttributeValidationNote

        _note_classes.append(AttributeValidationNote)
    return _note_classes[0]


def _check_params(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator of ``ErrorDetail.params``: text keys, each value a str or an int (no bool)."""
    if isinstance(value, Mapping):
        bad = [k for k, v in value.items() if type(k) is not str or type(v) not in (str, int)]
        if not bad:
            return
        where = f"key {str(bad[0])[:40]!r}"
    else:
        where = f"a {type(value).__name__}"
    exc = InvalidFormat(code="error_detail.invalid_params", params={"value": where})
    attach_note(exc, instance, attribute)
    raise exc


def plain_params(params: Mapping[str, object]) -> dict[str, str | int]:
    """Parameter polos (params as JSON-ready values: int and str stay, the rest become str)."""
    # An error's params: its dict's copy (whose values are quicker to read than a proxy's).
    copy: dict[str, object] = params.copy() if type(params) is MappingProxyType else dict(params)
    if set(map(type, copy.values())) <= _PLAIN:  # nearly always
        return copy  # type: ignore[return-value]
    return {k: v if type(v) is int or type(v) is str else str(v) for k, v in copy.items()}


class InvalidDataError(ValidationError):
    """Dokumen tidak sah (loading a document failed); ``errors`` lists every problem.

    >>> err = InvalidDataError([ErrorDetail("$.nip", "nip.invalid_length", "NIP ...")])
    >>> print(err)
    $.nip  nip.invalid_length  NIP ...
    >>> err.errors[0].path
    '$.nip'

    Args:
        errors: Every problem found, each with its path, code and message.
    """

    default_code = "invalid_data"
    default_message = "the document is not valid"

    errors: tuple[ErrorDetail, ...]

    def __init__(self, errors: Iterable[ErrorDetail], *, code: str | None = None) -> None:
        self.errors = tuple(errors)
        # The message is joined when it is read (an error path makes one a bad line).
        self._init_bare(code if code is not None else self.default_code)

    @property
    def message(self) -> str:
        """Every problem, one per line (each detail keeps its own language)."""
        return "\n".join(str(e) for e in self.errors) or render(
            self.code, self.params, self.default_message
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_data, (self.errors, self.code))


def _rebuild_data(errors: tuple[ErrorDetail, ...], code: str) -> InvalidDataError:
    return InvalidDataError(errors, code=code)
