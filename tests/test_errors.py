"""The error tree: builtin bases, codes, messages, details, pickling."""

from __future__ import annotations

import pickle

import pytest

from adminnet import errors
from adminnet.errors import (
    AdminnetError,
    AmbiguousName,
    ErrorDetail,
    InconsistentData,
    InvalidComponent,
    InvalidDataError,
    InvalidFormat,
    InvalidLength,
    UnknownEntity,
    ValidationError,
)


def test_tree_matches_design() -> None:
    """Each class has the parents DESIGN.md gives it, builtins included."""
    assert issubclass(ValidationError, AdminnetError)
    assert issubclass(ValidationError, ValueError)
    assert issubclass(InvalidFormat, ValidationError)
    assert issubclass(InvalidLength, InvalidFormat)
    assert issubclass(InvalidComponent, ValidationError)
    assert issubclass(InconsistentData, ValidationError)
    assert issubclass(UnknownEntity, AdminnetError)
    assert issubclass(UnknownEntity, LookupError)
    assert issubclass(AmbiguousName, UnknownEntity)
    assert issubclass(InvalidDataError, ValidationError)


@pytest.mark.parametrize("name", sorted(errors.__all__))
def test_every_error_has_a_default_code_and_docstring(name: str) -> None:
    """Every public error class has a docstring and a non-empty default code."""
    obj = getattr(errors, name)
    assert obj.__doc__
    if isinstance(obj, type) and issubclass(obj, AdminnetError):
        assert obj.default_code


def test_code_and_message() -> None:
    """An error keeps its message and its stable code."""
    err = InvalidComponent("NIP birth date 19651332 is not a calendar date", code="nip.x")
    assert err.code == "nip.x"
    assert str(err) == "NIP birth date 19651332 is not a calendar date"
    assert InvalidLength().code == "invalid_length"


def test_invalid_data_error_lists_details() -> None:
    """InvalidDataError prints one line per detail."""
    err = InvalidDataError(
        [
            ErrorDetail("$.persons[3].nip", "nip.invalid_birth_date", "NIP birth date ..."),
            ErrorDetail("$.agencies[0].id", "id.invalid", "bad id"),
        ]
    )
    assert len(err.errors) == 2
    assert str(err).splitlines() == [
        "$.persons[3].nip  nip.invalid_birth_date  NIP birth date ...",
        "$.agencies[0].id  id.invalid  bad id",
    ]


@pytest.mark.parametrize(
    "err",
    [
        InvalidFormat("x", code="a.b"),
        AmbiguousName("Bogor", candidates=["32.01", "32.71"]),
        InvalidDataError([ErrorDetail("$", "c", "m")]),
    ],
)
def test_errors_pickle(err: AdminnetError) -> None:
    """Errors survive pickling (multiprocessing workers) with code and details."""
    back = pickle.loads(pickle.dumps(err))
    assert type(err) is type(back)
    assert err.code == back.code
    assert str(err) == str(back)
    if isinstance(err, AmbiguousName):
        assert isinstance(back, AmbiguousName)
        assert back.candidates == ("32.01", "32.71")
