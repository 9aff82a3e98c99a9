"""Addresses of the document's fields (paths), shared by checks, layouts, edits and the window.

A path is dotted attribute names from the Document, with ``[id]`` to pick a list item by id:

    unit.name
    overall.funding.executed
    overall.indicators[r12].score
    projects[p3].current.annual
    basic.special_rows[s2].final

Derived values that a layout shows and a finding can point at have *computed keys* in the
same style, under the form they belong to: ``overall.funding.rate``, ``overall.total.score``,
``overall.level1[效益指标].points``, ``basic.staff.control_rate``. They are never written.
"""
from __future__ import annotations

import re
from typing import Any

_SEGMENT = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:\[(?P<key>[^\]]+)\])?$")


class PathError(KeyError):
    pass


def _split(path: str) -> list[tuple[str, str | None]]:
    parts = []
    for segment in path.split("."):
        match = _SEGMENT.match(segment)
        if not match:
            raise PathError(path)
        parts.append((match.group("name"), match.group("key")))
    return parts


def _step(obj: Any, name: str, key: str | None, path: str) -> Any:
    if name.startswith("_") or not hasattr(obj, name):
        raise PathError(path)
    value = getattr(obj, name)
    if key is None:
        return value
    if not isinstance(value, list):
        raise PathError(path)
    for item in value:
        if getattr(item, "id", None) == key:
            return item
    raise PathError(path)


def resolve(root: Any, path: str) -> tuple[Any, str]:
    """(the object holding the field, the field's attribute name)."""
    parts = _split(path)
    obj = root
    for name, key in parts[:-1]:
        obj = _step(obj, name, key, path)
        if obj is None:
            raise PathError(path)
    name, key = parts[-1]
    if key is not None:
        raise PathError(path)  # a whole list item is not a field
    if name.startswith("_") or not hasattr(obj, name):
        raise PathError(path)
    return obj, name


def get(root: Any, path: str) -> Any:
    obj, name = resolve(root, path)
    return getattr(obj, name)


def put(root: Any, path: str, value: Any) -> None:
    obj, name = resolve(root, path)
    setattr(obj, name, value)


def item(root: Any, path: str) -> Any:
    """The object a path names, list items included (projects[p3], overall.indicators[r2])."""
    obj = root
    for name, key in _split(path):
        obj = _step(obj, name, key, path)
    return obj


def row_path(form_key: str, row_id: str, field: str) -> str:
    return f"{form_key}.indicators[{row_id}].{field}"


def form_of(path: str) -> str:
    """The form key a path belongs to: basic, overall, projects[p1] (or unit)."""
    return path.split(".", 1)[0]
