"""The recipes of docs/scale.md, as the tests run them (the page's code, not a copy)."""

from __future__ import annotations

import importlib
import json
import re
import sys
from pathlib import Path
from typing import Any

from adminnet.examples import lan_mou_2017
from adminnet.serialization import to_json

ROOT = Path(__file__).resolve().parent.parent.parent
PAGE = ROOT / "docs" / "scale.md"
VECTORS = ROOT / "tests" / "vectors"


def source(name: str) -> str:
    """The Python block after ``<!-- recipe: NAME -->`` on the page."""
    text = PAGE.read_text(encoding="utf-8")
    found = re.search(rf"<!-- recipe: {name} -->\n```python3\n(.*?)```", text, re.S)
    assert found is not None, f"no recipe {name!r} in {PAGE}"
    return found.group(1)


def namespace(name: str) -> dict[str, Any]:
    """The recipe run in a namespace that no module name reaches.

    Its functions are pickled by value (cloudpickle, as Spark and Dask do for a
    notebook's functions).
    """
    found: dict[str, Any] = {"__name__": f"adminnet_recipe_{name}"}
    exec(compile(source(name), f"{PAGE}:{name}", "exec"), found)
    return found


def module(name: str, where: Path) -> Any:
    """The recipe as an importable module in ``where`` (a process pool pickles by name)."""
    (where / f"adminnet_recipe_{name}.py").write_text(source(name), encoding="utf-8")
    sys.path.insert(0, str(where))
    try:
        return importlib.import_module(f"adminnet_recipe_{name}")
    finally:
        sys.path.remove(str(where))


def sample_lines(copies: int = 3, *, utf8: bool = False) -> list[bytes]:
    """Valid persons of the example and every broken Person vector, ``copies`` times.

    ``utf8``: leave out the line that is not UTF-8 (Spark's text source decodes every
    line, replacing such bytes, see docs/scale.md).
    """
    lines = [to_json(p).encode() for p in lan_mou_2017().persons]
    for case in json.loads((VECTORS / "broken_documents.json").read_text(encoding="utf-8")):
        if case["type"] != "Person":
            continue
        if "hex" in case:
            if utf8:
                continue
            lines.append(bytes.fromhex(case["hex"]))
        elif "text" in case:
            lines.append(str(case["text"]).encode())
        else:
            lines.append(json.dumps(case["document"], ensure_ascii=False).encode())
    lines += [b"", b"   "]
    return [line.replace(b"\n", b" ") for line in lines] * copies


def sample_file(where: Path, copies: int = 3, *, utf8: bool = False) -> Path:
    path = where / "persons.jsonl"
    path.write_bytes(b"\n".join(sample_lines(copies, utf8=utf8)) + b"\n")
    return path
