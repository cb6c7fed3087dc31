"""Tests of the hypothesis entry point (adminnet._hypothesis), mostly in fresh interpreters.

The tests that go through ``import hypothesis`` need the entry point declared in
pyproject.toml and the package (re)installed; the others call the hook directly.
"""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adminnet._hypothesis import _hypothesis_setup_hook
from adminnet.model.agency import Agency, AgencyName
from adminnet.model.agreement import Agreement, Party
from adminnet.model.dataset import Dataset
from adminnet.model.digital import DigitalizationTarget, Indicator, Measurement, PublicService
from adminnet.model.event import Event
from adminnet.model.person import Person
from adminnet.model.position import Decree, Position, Tenure
from adminnet.model.region import Region
from adminnet.rules import check
from adminnet.text.names import PersonName
from adminnet.time import PartialDate, Period

HOOK = "adminnet._hypothesis:_hypothesis_setup_hook"
PUBLIC_TYPES: list[type] = [
    Region,
    Agency,
    AgencyName,
    Person,
    PersonName,
    Position,
    Tenure,
    Decree,
    Agreement,
    Party,
    Event,
    PublicService,
    Indicator,
    Measurement,
    DigitalizationTarget,
    Dataset,
    PartialDate,
    Period,
]

# Records every file opened under adminnet/data (set up before anything is imported).
AUDIT = textwrap.dedent(
    """
    import sys
    opened = []
    def _audit(event, args):
        if event == "open" and args and isinstance(args[0], str):
            if "/adminnet/data/" in args[0].replace(chr(92), "/"):
                opened.append(args[0])
    sys.addaudithook(_audit)
    """
)


def _run(code: str, **env: str) -> str:
    """Run ``code`` in a fresh interpreter; fail with its output if it fails."""
    environ = {k: v for k, v in os.environ.items() if k != "HYPOTHESIS_NO_PLUGINS"}
    environ.update(env)
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        capture_output=True,
        text=True,
        env=environ,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    return result.stdout


def test_import_adminnet_does_not_import_hypothesis() -> None:
    """``import adminnet`` (and its model) never imports hypothesis or the strategies."""
    out = _run(
        "import sys, adminnet, adminnet.model.dataset, adminnet.serialization\n"
        "print(sorted(m for m in sys.modules if m.startswith(('hypothesis', 'adminnet.strat'))))"
    )
    assert out.strip() == "[]"


def test_entry_point_is_declared() -> None:
    """The installed package declares the hook in the ``hypothesis`` entry-point group."""
    values = {e.value for e in importlib.metadata.entry_points(group="hypothesis")}
    assert HOOK in values


def test_importing_hypothesis_runs_the_hook_and_reads_no_data() -> None:
    """``import hypothesis`` runs the hook, which registers strategies and opens no data."""
    out = _run(
        AUDIT + "import hypothesis, hypothesis.strategies as st\n"
        "from adminnet.model.agreement import Agreement\n"
        "assert 'adminnet._hypothesis' in sys.modules\n"
        "st.from_type(Agreement)\n"
        "print(opened)"
    )
    assert out.strip() == "[]"


def test_importing_hypothesis_imports_no_adminnet_module_and_no_pendulum() -> None:
    """The hook is free: only the package (lazy), the hook itself and nothing else."""
    out = _run(
        "import sys, hypothesis\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('adminnet', 'pendulum')))"
    )
    # ``adminnet`` and its PEP 562 helper are imported with any submodule.
    assert out.strip() == "['adminnet', 'adminnet._hypothesis', 'adminnet._lazy']"


def test_types_imported_before_hypothesis_are_registered() -> None:
    """A model imported before hypothesis gets its strategies when the hook runs."""
    out = _run(
        "from adminnet.model.position import Tenure, Capacity\n"
        "import pendulum\n"
        "import hypothesis.strategies as st\n"
        "from hypothesis import given, settings\n"
        "pj = st.builds(Tenure, capacity=st.just(Capacity.PENJABAT))\n"
        "@settings(max_examples=5, database=None)\n"
        "@given(pj, st.from_type(pendulum.Date))\n"
        "def run(t, d):\n"
        "    assert t.capacity is Capacity.PENJABAT and type(d) is pendulum.Date\n"
        "run()\n"
        "print('ok')"
    )
    assert out.strip() == "ok"


def test_no_plugins_turns_the_hook_off() -> None:
    """With HYPOTHESIS_NO_PLUGINS set, importing hypothesis does not load the hook."""
    out = _run(
        "import sys, hypothesis\nprint('adminnet._hypothesis' in sys.modules)",
        HYPOTHESIS_NO_PLUGINS="1",
    )
    assert out.strip() == "False"


def test_from_type_yields_valid_instances_in_a_fresh_interpreter() -> None:
    """With only hypothesis and the model imported, st.from_type(T) draws valid T."""
    names = ", ".join(t.__name__ for t in PUBLIC_TYPES)
    imports = "\n".join(f"from {t.__module__} import {t.__name__}" for t in PUBLIC_TYPES)
    code = imports + textwrap.dedent(
        f"""
        import sys
        import attrs
        from hypothesis import HealthCheck, given, settings, strategies as st

        assert "adminnet._hypothesis" in sys.modules, "the entry point did not run"

        def check(cls):
            # Validity is the point here, not speed: a loaded machine must not fail it.
            @settings(
                max_examples=15,
                database=None,
                deadline=None,
                suppress_health_check=[HealthCheck.too_slow],
            )
            @given(st.from_type(cls))
            def run(value):
                assert type(value) is cls, (cls, value)
                assert attrs.evolve(value) == value

            run()

        for cls in ({names},):
            check(cls)
        print("ok")
        """
    )
    assert _run(code).strip() == "ok"


def test_the_hook_itself_does_no_io() -> None:
    """The hook imports no strategies; resolving every type still opens no data file."""
    names = ", ".join(t.__name__ for t in PUBLIC_TYPES)
    imports = "\n".join(f"from {t.__module__} import {t.__name__}" for t in PUBLIC_TYPES)
    code = (
        AUDIT
        + imports
        + textwrap.dedent(
            f"""
        import hypothesis.strategies as st
        from adminnet._hypothesis import _hypothesis_setup_hook

        _hypothesis_setup_hook()
        assert "adminnet.strategies" not in sys.modules  # imported on first resolution
        for cls in ({names},):
            st.from_type(cls)
        print(opened)
        """
        )
    )
    assert _run(code, HYPOTHESIS_NO_PLUGINS="1").strip() == "[]"


@pytest.mark.parametrize("cls", PUBLIC_TYPES, ids=lambda c: c.__name__)
def test_hook_registers_a_valid_strategy_for_each_public_type(cls: type) -> None:
    """After the hook, st.from_type(T) and st.builds with a T argument give valid values."""
    _hypothesis_setup_hook()

    @settings(max_examples=20, database=None)
    @given(st.from_type(cls))
    def run(value: object) -> None:
        assert type(value) is cls

    run()


def test_from_type_datasets_pass_the_rules() -> None:
    """A registered Dataset strategy draws datasets that pass the rules."""
    _hypothesis_setup_hook()

    @settings(max_examples=20, database=None)
    @given(st.from_type(Dataset))
    def run(ds: Dataset) -> None:
        assert check(ds).errors == ()

    run()
