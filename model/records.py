"""The document as JSON data and back, field by field from the registry (model.registry).

Writing walks each record's declared fields in order; reading checks every member's presence, type and
range with model.jsonread and names the place of the first problem in Chinese. A member that is missing
takes the field's default, except ids, framework references and the year, which a file must carry.
"""
from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from typing import Any, Optional

from .document import Document, ProjectForm, ordered_indicators
from .framework import framework_from_reader
from .jsonread import FormatError, Reader, dec_text
from .numbers import MAX_DECIMALS, MAX_FIGURE, least_value
from .registry import NUMBER_KINDS, FieldKind, FieldSpec, specs
from .sanitize import shown, text_problem

ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,40}")
_REQUIRED = (FieldKind.ID, FieldKind.FRAMEWORK, FieldKind.YEAR)  # members a file must carry
_GROUP_LABELS = {"lines": "经费控制情况"}
_ITEM_WORDS = {ProjectForm: "张项目表"}  # 第3张项目表 rather than 第3行


# --- writing -------------------------------------------------------------------------------

def record_out(obj: Any) -> dict:
    data: dict[str, Any] = {}
    for name, spec in specs(type(obj)):
        target = data if spec.group is None else data.setdefault(spec.group, {})
        target[spec.json_key(name)] = _value_out(spec, getattr(obj, name))
    return data


def _value_out(spec: FieldSpec, value: Any) -> Any:
    kind = spec.kind
    if kind is FieldKind.RECORD:
        return None if value is None else record_out(value)
    if kind is FieldKind.RECORDS:
        return [record_out(item) for item in value]
    if kind.numeric:
        return dec_text(value)
    return value


def document_out(doc: Document, header: dict) -> dict:
    """The whole file's data: ``header`` (format, version …), 单位信息, the labels, the frameworks, then the
    forms that use them."""
    body = record_out(doc)
    data = dict(header)
    data["unit"] = body.pop("unit")
    data["labels"] = body.pop("labels")
    data["frameworks"] = [fw.to_dict() for fw in doc.frameworks.values()]
    data.update(body)
    return data


# --- reading -------------------------------------------------------------------------------

class _Context:
    """What reading one file keeps track of: ids used so far, frameworks the forms may name."""

    def __init__(self, frameworks: set[str]):
        self.seen: set[str] = set()
        self.frameworks = frameworks

    def ident(self, reader: Reader) -> str:
        ident = reader.text(allow_empty=False)
        if not ID_PATTERN.fullmatch(ident):
            reader.fail(f"编号“{shown(ident)}”只能由字母、数字、-、_ 组成")
        if ident in self.seen:
            reader.fail(f"编号“{ident}”重复")
        self.seen.add(ident)
        return ident


def _default(spec: FieldSpec, attribute_default: Any) -> Any:
    """What a missing member means (the JSON form of the field's default)."""
    if spec.kind in _REQUIRED:
        return ...
    if spec.kind is FieldKind.RECORDS:
        return []
    if spec.kind is FieldKind.RECORD:
        return None if spec.optional else {}
    return attribute_default


def record_in(reader: Reader, cls: type, ctx: _Context) -> Any:
    reader.obj()
    values: dict[str, Any] = {}
    groups: dict[str, Reader] = {}
    defaults = _attribute_defaults(cls)
    for name, spec in specs(cls):
        holder = reader
        if spec.group is not None:
            holder = groups.get(spec.group)
            if holder is None:
                holder = groups[spec.group] = reader.field(spec.group, _GROUP_LABELS.get(spec.group, spec.group),
                                                           {}).obj()
        member = holder.field(spec.json_key(name), spec.label, _default(spec, defaults.get(name)))
        values[name] = _value_in(member, spec, ctx)
        if name == "name" and isinstance(values[name], str) and values[name] and cls in _ITEM_WORDS:
            reader.where = f"{reader.where}（{shown(values[name])}）"
    for group in groups.values():
        group.no_unknown_fields()
    reader.no_unknown_fields()
    return cls(**values)


def _value_in(reader: Reader, spec: FieldSpec, ctx: _Context) -> Any:
    kind = spec.kind
    if kind.text:
        if spec.optional and reader.value is None:
            return None
        return reader.text(allow_empty=not spec.required, max_length=spec.max_length)
    if kind.numeric:
        return reader.decimal(minimum=least_value(spec))
    if kind is FieldKind.BOOL:
        return reader.boolean()
    if kind is FieldKind.CHOICE:
        return reader.choice(dict(spec.choices))
    if kind in (FieldKind.YEAR, FieldKind.INTEGER):
        if kind is FieldKind.INTEGER and reader.value is None:
            return None
        return reader.integer(minimum=spec.minimum, maximum=spec.maximum)
    if kind is FieldKind.ID:
        return ctx.ident(reader)
    if kind is FieldKind.FRAMEWORK:
        ident = reader.text(allow_empty=False)
        if ident not in ctx.frameworks:
            reader.fail(f"引用的指标体系“{shown(ident)}”不在文件的指标体系列表中")
        return ident
    if kind is FieldKind.RECORD:
        if spec.optional and reader.value is None:
            return None
        return record_in(reader, spec.record, ctx)
    if kind is FieldKind.RECORDS:
        return _records_in(reader, spec.record, ctx)
    raise AssertionError(kind)  # pragma: no cover - every kind is handled above


def _records_in(reader: Reader, cls: type, ctx: _Context) -> list:
    if _is_flat(cls) and isinstance(reader.value, list):
        fast = _flat_records(reader.value, cls, ctx)
        if fast is not None:
            return fast
    return [record_in(item, cls, ctx) for item in reader.items(_ITEM_WORDS.get(cls, "行"))]


# --- a fast path for long lists of flat rows (indicator rows, 专项 rows) ------------------------
# A document of fifty projects holds a thousand rows; the strict reader's bookkeeping per member would
# be most of the load time. Well-formed rows are read directly; on anything unusual the whole list is
# read again strictly, so that the message names the problem exactly as the strict reader would.

_BOUNDED_DECIMAL = re.compile(r"-?[0-9]{1,%d}(?:\.[0-9]{1,%d})?" % (len(str(MAX_FIGURE)) - 1, MAX_DECIMALS))
_FLAT_KINDS = frozenset({FieldKind.TEXT, FieldKind.LONG_TEXT, FieldKind.BOOL, FieldKind.CHOICE, FieldKind.ID}) | NUMBER_KINDS
_MISSING = object()


def _is_flat(cls: type) -> bool:
    return all(spec.kind in _FLAT_KINDS and spec.group is None and not spec.optional for _, spec in specs(cls))


def _attribute_defaults(cls: type) -> dict[str, Any]:
    cached = _DEFAULTS.get(cls)
    if cached is None:
        cached = {f.name: f.default for f in dataclasses.fields(cls) if f.default is not dataclasses.MISSING}
        _DEFAULTS[cls] = cached
    return cached


_DEFAULTS: dict[type, dict[str, Any]] = {}


def _flat_value(spec: FieldSpec, value: Any) -> Any:
    kind = spec.kind
    if kind.text:
        if value is None:
            return _MISSING if spec.required else ""
        if type(value) is not str or len(value) > spec.max_length or (spec.required and not value.strip()) or (
                text_problem(value, multiline=True) is not None):
            return _MISSING
        return value
    if kind.numeric:
        if value is None:
            return None
        if type(value) is str and _BOUNDED_DECIMAL.fullmatch(value):  # within model.numbers' bounds by its shape
            if value[0] == "-" and least_value(spec) is not None:
                return _MISSING
            return Decimal(value)
        return _MISSING  # anything else (also 1.2300000, in bounds but longer) is read strictly
    if kind is FieldKind.BOOL:
        return value if type(value) is bool else _MISSING
    if kind is FieldKind.CHOICE:
        return value if type(value) is str and value in spec.choices else _MISSING
    return _MISSING  # pragma: no cover - ids are read by the caller


def _flat_records(items: list, cls: type, ctx: _Context) -> Optional[list]:
    fields = specs(cls)
    keys = frozenset(spec.json_key(name) for name, spec in fields)
    defaults = _attribute_defaults(cls)
    result, taken = [], []
    for item in items:
        if type(item) is not dict or not item.keys() <= keys:
            break
        values = {}
        for name, spec in fields:
            raw = item.get(spec.json_key(name), _MISSING)
            if spec.kind is FieldKind.ID:
                if type(raw) is not str or raw in ctx.seen or not ID_PATTERN.fullmatch(raw):
                    break
                values[name] = raw
                continue
            parsed = defaults.get(name) if raw is _MISSING else _flat_value(spec, raw)
            if parsed is _MISSING:
                break
            values[name] = parsed
        else:
            ctx.seen.add(values["id"])
            taken.append(values["id"])
            result.append(cls(**values))
            continue
        break
    else:
        return result
    ctx.seen.difference_update(taken)  # read again strictly to name the problem
    return None


# --- the document --------------------------------------------------------------------------

def document_in(root: Reader) -> Document:
    """The Document from a file's data already upgraded to the current version (``root`` is its Reader)."""
    frameworks = {}
    for item in root.field("frameworks", "指标体系").items("个指标体系"):
        framework = framework_from_reader(item)
        if framework.id in frameworks:
            item.fail(f"指标体系编号“{framework.id}”重复")
        frameworks[framework.id] = framework
    ctx = _Context(set(frameworks))
    values = {}
    defaults = _attribute_defaults(Document)
    for name, spec in specs(Document):
        default = ... if name == "unit" else _default(spec, defaults.get(name))
        values[name] = _value_in(root.field(spec.json_key(name), spec.label, default), spec, ctx)
    doc = Document(frameworks=frameworks, **values)
    for _, form in doc.scored_forms():  # rows are kept grouped in the framework's order
        form.indicators = ordered_indicators(form, doc.framework_for(form))
    return doc


__all__ = ["FormatError", "document_in", "document_out", "record_in", "record_out"]
