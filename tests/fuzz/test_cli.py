"""The CLI commands through main(argv) on arbitrary files and arguments.

Every run returns an exit status of the documented set and prints no traceback;
argparse's usage errors (SystemExit 2) count as a documented outcome.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile

from hypothesis import given
from hypothesis import strategies as st

from adminnet.cli import main
from adminnet.cli._common import type_names

from .cases import texts
from .contract import slow_fuzz
from .test_loaders import json_values

STATUSES = {0, 1, 2}


def _example() -> dict[str, object]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["example"]) == 0
    loaded: dict[str, object] = json.loads(out.getvalue())
    return loaded


EXAMPLE = _example()


@st.composite
def _mutated(draw: st.DrawFn) -> bytes:
    """The example document with one collection's entry or field replaced by junk."""
    doc = json.loads(json.dumps(EXAMPLE))
    kind = draw(st.sampled_from(sorted(k for k, v in doc.items() if isinstance(v, list) and v)))
    items = doc[kind]
    i = draw(st.integers(0, len(items) - 1))
    if isinstance(items[i], dict) and items[i] and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(items[i])))
        items[i][key] = draw(json_values)
    else:
        items[i] = draw(json_values)
    return json.dumps(doc).encode()


contents = st.one_of(
    st.binary(max_size=200),
    texts.map(str.encode),
    json_values.map(lambda v: json.dumps(v).encode()),
    _mutated(),
)


def _run(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exc:  # argparse usage error
            status = exc.code if isinstance(exc.code, int) else 2
    return status, err.getvalue()


@slow_fuzz
@given(
    contents,
    st.sampled_from(
        [
            ["check"],
            ["check", "--json"],
            ["check", "--type", "@"],
            ["export", "--popolo"],
        ]
    ),
    st.sampled_from(type_names()),
    st.sampled_from([".json", ".jsonl"]),
)
def test_commands_on_arbitrary_files(
    content: bytes, command: list[str], type_name: str, suffix: str
) -> None:
    """check, check --json, check --type T, export --popolo on any file content."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, f"input{suffix}")
        with open(path, "wb") as f:
            f.write(content)
        argv = [type_name if a == "@" else a for a in command] + [path]
        status, err = _run(argv)
    assert status in STATUSES, (argv, status, err)
    assert "Traceback" not in err


@slow_fuzz
@given(texts, st.sampled_from([["region"], ["region", "--json"], ["nip"], ["schema"]]))
def test_commands_on_arbitrary_arguments(text: str, command: list[str]) -> None:
    """region, nip and schema on any text argument."""
    status, err = _run([*command, "--", text])
    assert status in STATUSES, (command, text, status, err)
    assert "Traceback" not in err
