"""How records become what JSON shows."""

from __future__ import annotations

from typing import Any


def json_ready(value: Any) -> Any:
    """``value`` with every tuple made a list, all the way down (what JSON shows); dicts
    keep their keys, other values are returned as they are."""
    if isinstance(value, dict):
        return {k: json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(v) for v in value]
    return value
