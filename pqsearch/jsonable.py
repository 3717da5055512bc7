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


# Types returned as they are, looked up before anything else: most values of a result (a
# hit's strings, numbers and its highlights' offsets) are these.
_PLAIN = frozenset({str, int, float, bool, type(None)})
# Class -> the names of its fields when it is a dataclass, else None.
_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _field_names(kind: type) -> tuple[str, ...] | None:
    if kind not in _FIELDS:
        found = dataclasses.fields(kind) if dataclasses.is_dataclass(kind) else None
        _FIELDS[kind] = None if found is None else tuple(f.name for f in found)
    return _FIELDS[kind]


def _jsonable(value: Any) -> Any:
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is tuple or kind is list:
        return [_jsonable(v) for v in value]
    # The fields of each dataclass found once: asking `dataclasses` for them on every value
    # was most of the conversion of a page of 20 hits (1,300 values).
    names = _field_names(kind)
    if names is not None:
        # Field by field: `dataclasses.asdict` deep-copies every value first (a third of
        # a search's time once serialised).
        return {name: _jsonable(getattr(value, name)) for name in names}
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
