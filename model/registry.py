"""The field registry (字段表): every stored field of the document declared once, where it is defined.

A dataclass attribute of model.document carries its ``FieldSpec`` in the field's metadata: kind,
Chinese label, input hint, JSON member name, allowed choices. Storage reads and writes the file from it,
edits parse typed text with it, the window builds its editors and messages from it, and the layouts take
their labels from it. Adding a field is one line in model/document.py.

This module knows nothing of the document itself (no import of model.document), so parsing and the
document can both use it.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import Enum
from typing import Any, Mapping, Optional

MAX_TEXT = 20000  # characters in one text cell (a long 偏差原因 is a few hundred)
MAX_SHORT_TEXT = 500  # 单位信息 and labels


class FieldKind(Enum):
    """What a field holds: decides the editor, the parser and the JSON type."""

    AMOUNT = "amount"  # 万元, exact decimal, shown with 2 decimals
    POINTS = "points"  # 分值 / 得分
    COUNT = "count"  # 人数
    AREA = "area"  # m²
    RATE = "rate"  # a percentage typed from a paper form (99.32%), stored as the percentage 99.32
    YEAR = "year"  # 年度
    INTEGER = "integer"  # a small whole number (附件 numbers)
    BOOL = "bool"
    CHOICE = "choice"  # one of ``FieldSpec.choices``
    TEXT = "text"  # one line
    LONG_TEXT = "long_text"  # multi-line: goals, 偏差原因, 厉行节约保障措施, 部门职责
    ID = "id"  # a list item's id (letters, digits, - and _)
    FRAMEWORK = "framework"  # the id of one of the document's frameworks
    RECORD = "record"  # a nested record (``FieldSpec.record`` is its class)
    RECORDS = "records"  # a list of records with ids

    @property
    def numeric(self) -> bool:
        return self in NUMBER_KINDS

    @property
    def text(self) -> bool:
        return self in (FieldKind.TEXT, FieldKind.LONG_TEXT)


NUMBER_KINDS = frozenset({FieldKind.AMOUNT, FieldKind.POINTS, FieldKind.COUNT, FieldKind.AREA, FieldKind.RATE})


@dataclass(frozen=True, slots=True)
class FieldSpec:
    kind: FieldKind
    label: str  # the Chinese name a message or an editor uses (三级指标, 全年预算数)
    hint: str = ""  # placeholder text of an editor (例如 2024)
    key: Optional[str] = None  # JSON member name, when it is not the attribute's name
    group: Optional[str] = None  # JSON sub-object holding the member (基础数据表 ``lines``)
    choices: Mapping[str, str] = dataclasses.field(default_factory=dict)  # CHOICE: value → label;
    #                                                           TEXT: variants offered (value → value)
    required: bool = False  # text that may not be empty (一级指标, a printed label)
    minimum: Any = None  # numbers: least value accepted (分值 ≥ 0); INTEGER/YEAR: range
    maximum: Any = None
    max_length: int = MAX_TEXT
    record: Optional[type] = None  # RECORD / RECORDS: the record class
    optional: bool = False  # RECORD: may be absent (null) — a form or a block not in use

    def json_key(self, attribute: str) -> str:
        return self.key or attribute


def value(kind: FieldKind, label: str, default: Any = None, **options) -> Any:
    """A stored scalar field of a record: ``annual: Amount = value(AMOUNT, "全年预算数")``."""
    return dataclasses.field(default=default, metadata={"spec": FieldSpec(kind, label, **options)})


def record(cls: type, label: str, *, optional: bool = False, **options) -> Any:
    """A nested record; ``optional`` records default to None (not in use)."""
    spec = FieldSpec(FieldKind.RECORD, label, record=cls, optional=optional, **options)
    if optional:
        return dataclasses.field(default=None, metadata={"spec": spec})
    return dataclasses.field(default_factory=cls, metadata={"spec": spec})


def records(cls: type, label: str, **options) -> Any:
    """A list of records, each with an ``id``."""
    return dataclasses.field(default_factory=list,
                             metadata={"spec": FieldSpec(FieldKind.RECORDS, label, record=cls, **options)})


def specs(cls: type) -> list[tuple[str, FieldSpec]]:
    """(attribute, spec) of every stored field of a record class, in declaration order."""
    cached = _SPECS.get(cls)
    if cached is None:
        cached = [(f.name, f.metadata["spec"]) for f in dataclasses.fields(cls) if "spec" in f.metadata]
        _SPECS[cls] = cached
    return cached


def spec_of(cls: type, attribute: str) -> FieldSpec:
    for name, spec in specs(cls):
        if name == attribute:
            return spec
    raise KeyError(f"{cls.__name__}.{attribute}")


def label_of(cls: type, attribute: str) -> str:
    return spec_of(cls, attribute).label


_SPECS: dict[type, list[tuple[str, FieldSpec]]] = {}
