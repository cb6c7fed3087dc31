"""Jenis kelamin (gender, as coded in identifier numbers such as the NIP and NIK).

Defined here, below the model layer, so that the identifier modules can return it and
the model can re-export it.
"""

from __future__ import annotations

from adminnet._enum import LabeledEnum, labels

__all__ = ["Gender"]


@labels({"male": "Laki-laki", "female": "Perempuan"})
class Gender(LabeledEnum):
    """Jenis kelamin (gender): ``male`` (Laki-laki) or ``female`` (Perempuan).

    >>> Gender.FEMALE.label
    'Perempuan'
    """

    MALE = "male"
    FEMALE = "female"
