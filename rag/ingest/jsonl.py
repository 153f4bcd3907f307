"""JSON Lines read one object a line, with errors that name file:line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def json_objects(path: Path, raw: str,
                 error: type[Exception]) -> Iterator[tuple[str, dict[str, Any]]]:
    """("file:line", object) for each non-blank line; a bad line raises ``error``."""
    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"{where}: not valid JSON ({exc.msg})") from exc
        if not isinstance(rec, dict):
            raise error(f"{where}: expected a JSON object")
        yield where, rec
