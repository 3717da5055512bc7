"""Records as JSON-ready data: dataclasses to dicts, tuples to lists, dates to ISO strings."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

# JSON-ready data, what `to_dict` returns and `json.dumps` takes.
JsonValue = str | int | float | bool | None | list["JsonValue"] | dict[str, "JsonValue"]
JsonObject = dict[str, JsonValue]


def as_dict(value: Any) -> dict[str, Any]:
    result: dict[str, Any] = _jsonable(dataclasses.asdict(value))
    return result


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # Field by field: `dataclasses.asdict` deep-copies every value first (a third of
        # a search's time once serialised).
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def jsonable(value: Any) -> Any:
    """Any result dataclass (or nesting of them) as plain JSON-ready data."""
    return _jsonable(value)
