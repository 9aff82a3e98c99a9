"""Fields by path: the registry entry behind ``projects[p3].current.annual``, and reading typed text into it.

The window's editors (which input is refused, with what message), the edit records' labels
(撤销“修改全年执行数”) and the layouts all ask here; the answers come from the declarations in
model/document.py (model.registry).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .document import Document
from .numbers import figure_problem
from .parsing import ParseError, foreign_digit, normalize, parse_number
from .registry import MAX_SHORT_TEXT, MAX_TEXT, FieldKind, FieldSpec, spec_of
from .sanitize import shown, text_problem

__all__ = ["FieldKind", "FieldSpec", "MAX_SHORT_TEXT", "MAX_TEXT", "field_kind", "field_label", "parse_field",
           "spec_for"]

_ITEM = re.compile(r"\[[^\]]*\]")


@lru_cache(maxsize=4096)
def _spec_for_pattern(pattern: str) -> FieldSpec:
    cls, spec = Document, None
    parts = pattern.split(".")
    for index, part in enumerate(parts):
        spec = spec_of(cls, part.removesuffix("[*]"))
        if index < len(parts) - 1:
            if spec.record is None:
                raise KeyError(pattern)
            cls = spec.record
    return spec


def spec_for(path: str) -> FieldSpec:
    """The declaration of the field at ``path``; KeyError for a computed key or an unknown path."""
    return _spec_for_pattern(_ITEM.sub("[*]", path))


def field_kind(path: str) -> FieldKind:
    try:
        return spec_for(path).kind
    except KeyError:
        return FieldKind.TEXT


def field_label(path: str) -> str:
    try:
        return spec_for(path).label
    except KeyError:
        return path.rsplit(".", 1)[-1]


def _yes_no(text: Any, label: str) -> bool:
    if isinstance(text, bool):
        return text
    value = str(text).strip()
    if value in ("是", "√", "✓", "1", "true", "不适用"):
        return True
    if value in ("否", "", "0", "false"):
        return False
    raise ParseError(f"{label}应为“是”或“否”")


def _whole_number(text: Any, spec: FieldSpec, empty_ok: bool) -> Any:
    raw = str(text if text is not None else "")
    value = normalize(raw).rstrip("年")  # full-width digits too
    if not value and empty_ok:
        return None
    low, high = spec.minimum, spec.maximum
    example = "例如 2024" if spec.kind is FieldKind.YEAR else f"{low}—{high} 之间的整数"
    if foreign_digit(raw) or not value.isascii() or not value.isdigit():  # ③ is 3 after normalize()
        raise ParseError(f"{spec.label}“{shown(raw.strip())}”应为整数，{example}")
    number = int(value[:6])
    if not low <= number <= high or len(value) > 6:
        raise ParseError(f"{spec.label} {value[:6]} 不在 {low}—{high} 之间")
    return number


def parse_field(path: str, text: Any) -> Any:
    """The value to store for what the user typed into the field at ``path``.

    Raises ParseError with a Chinese message; the caller keeps the old value.
    """
    try:
        spec = spec_for(path)
    except KeyError:
        raise ParseError("这一格不能直接填写") from None
    kind, label = spec.kind, spec.label
    if kind.numeric:
        try:
            value = parse_number(text if isinstance(text, str) else str(text), kind)
        except ParseError as error:
            raise ParseError(f"{label}：{error}") from None
        problem = None if value is None else figure_problem(value, spec)  # the rule files are read with
        if problem is not None:  # here only the sign can be wrong: parse_number keeps the bounds
            raise ParseError(f"{label}“{shown(str(text).strip())}”{problem}")
        return value
    if kind is FieldKind.YEAR:
        return _whole_number(text, spec, empty_ok=False)
    if kind is FieldKind.INTEGER:
        return _whole_number(text, spec, empty_ok=True)
    if kind is FieldKind.BOOL:
        return _yes_no(text, label)
    if kind is FieldKind.CHOICE:
        for key, name in spec.choices.items():
            if text in (key, name):
                return key
        raise ParseError(f"{label}应为 {'、'.join(spec.choices.values())} 之一")
    if not kind.text:
        raise ParseError(f"{label}不能直接填写")
    text = "" if text is None else str(text)
    if spec.required and not text.strip():
        raise ParseError(f"{label}不能为空")
    if len(text) > spec.max_length:
        raise ParseError(f"{label}过长（{len(text)} 字，上限 {spec.max_length} 字）")
    problem = text_problem(text, multiline=kind is FieldKind.LONG_TEXT)
    if problem is not None:
        raise ParseError(f"{label}：{problem}")
    return text
