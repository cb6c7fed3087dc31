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
quotes the value. The message comes from the catalogue keyed by the code, in the
language chosen by :func:`adminnet._i18n.language` (English unless set or the locale is
Indonesian); a message passed by hand is the fallback when the catalogue has none:

>>> from adminnet.errors import InvalidComponent
>>> err = InvalidComponent("NIP birth date 19651332 is not a calendar date",
...                        code="nip.invalid_birth_date")
>>> err.code
'nip.invalid_birth_date'
>>> str(err)
'NIP birth date 19651332 is not a calendar date'
>>> isinstance(err, ValueError)
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import ClassVar

import attrs

from adminnet._i18n import render

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
]


class AdminnetError(Exception):
    """Galat adminnet (root of every adminnet error); never raised bare.

    Args:
        message: Short English message naming the thing and quoting the value.
        code: Stable machine-readable code; defaults to the class's ``default_code``.
    """

    default_code: ClassVar[str] = "adminnet.error"
    default_message: ClassVar[str] = "adminnet error"

    code: str
    params: Mapping[str, object]

    def __init__(
        self,
        message: str | None = None,
        *,
        code: str | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        self._fallback = message
        self.code = code if code is not None else self.default_code
        self.params = MappingProxyType(dict(params)) if params else _NO_PARAMS
        super().__init__(message if message is not None else self.code)

    @property
    def message(self) -> str:
        """The message in the current language (catalogue first, then the fallback)."""
        fallback = self._fallback if self._fallback is not None else self.default_message
        return render(self.code, self.params, fallback)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={self.code!r})"

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self._fallback, self.code, dict(self.params)))


_NO_PARAMS: Mapping[str, object] = MappingProxyType({})


def _rebuild(
    cls: type[AdminnetError], message: str | None, code: str, params: dict[str, object]
) -> AdminnetError:
    return cls(message, code=code, params=params)


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
        near: Called once, on demand: the nearest entities' identifiers and how they
            are printed (``(["81.71"], "Kota Ambon (81.71)")``); they replace
            ``candidates`` and become ``params["candidates"]`` when there are any.
    """

    default_code = "unknown"
    default_message = "no such entity"

    _params: Mapping[str, object]

    def __init__(
        self,
        message: str | None = None,
        *,
        candidates: Iterable[str] = (),
        code: str | None = None,
        params: Mapping[str, object] | None = None,
        near: Callable[[], tuple[Iterable[str], str]] | None = None,
    ) -> None:
        self._near = near
        super().__init__(message, code=code, params=params)
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
            text += " " + render("hint.as_of", {"as_of": as_of}, f"as of {as_of}")
        near = self.params.get("candidates")
        if near and not isinstance(self, AmbiguousName):
            hint = render("hint.did_you_mean", {"candidates": near}, f"did you mean: {near}?")
            text += f" ({hint})"
        return text

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_unknown,
            (type(self), self._fallback, self.candidates, self.code, dict(self.params)),
        )


def _rebuild_unknown(
    cls: type[UnknownEntity],
    message: str | None,
    candidates: tuple[str, ...],
    code: str,
    params: dict[str, object],
) -> UnknownEntity:
    return cls(message, candidates=candidates, code=code, params=params)


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
    params: Mapping[str, str | int] = attrs.field(factory=dict, eq=False, kw_only=True)

    def __str__(self) -> str:
        where = self.path if self.line is None else f"line {self.line}: {self.path}"
        return f"{where}  {self.code}  {self.message}"


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
        message = "\n".join(str(e) for e in self.errors) or self.default_message
        super().__init__(message, code=code)

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
