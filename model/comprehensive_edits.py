"""Row edits of the 怀化 comprehensive form: 机构, 定量指标 and 评价人员 rows inserted, removed, moved.

Each builder checks first and raises ``EditError`` (Chinese) without touching the document; the result is
an ordinary InsertItem / RemoveItem / MoveItem / SetField, so undo, the window and scripts treat these
rows like every other list of the document.
"""
from __future__ import annotations

import re
from typing import Optional

from .comprehensive import Evaluator, Organisation, QuantitativeRow, find_row
from .comprehensive_template import builtin_template
from .document import FORM_COMPREHENSIVE, Document
from .edits import EditError, InsertItem, MoveItem, RemoveItem, SetField
from .factory import new_comprehensive

KEY = FORM_COMPREHENSIVE
# list attribute → (what a row is called, id prefix, the field a new row's cursor goes to)
LISTS = {"organisations": ("机构", "o", "name"), "indicators": ("定量指标", "r", "name"),
         "evaluators": ("评价人员", "e", "name")}
_ROW = re.compile(rf"^{KEY}\.(?P<list>{'|'.join(LISTS)})\[(?P<id>[^\]]+)\]")


def row_of(path: Optional[str]) -> Optional[tuple[str, str]]:
    """(list attribute, row id) of a cell path inside one of the form's rows, else None."""
    match = _ROW.match(path or "")
    return (match.group("list"), match.group("id")) if match else None


def list_of(path: Optional[str]) -> Optional[str]:
    """The list a cell belongs to, rows or their heading (the 二、四 headings, the 定量 side label)."""
    found = row_of(path)
    if found:
        return found[0]
    for name in LISTS:
        if path == f"{KEY}.{name}":
            return name
    return None


def _form(doc: Document):
    if doc.comprehensive is None:
        raise EditError("本文档没有部门（单位）整体支出绩效自评表（怀化）")
    return doc.comprehensive


def _rows(doc: Document, list_name: str) -> list:
    if list_name not in LISTS:
        raise EditError(f"综合自评表没有“{list_name}”")
    return getattr(_form(doc), list_name)


def _index(rows: list, row_id: str) -> int:
    index = find_row(rows, row_id)
    if index is None:
        raise EditError("找不到这一行，可能已被删除")
    return index


def insert_row(doc: Document, list_name: str, after: Optional[str] = None,
               before: Optional[str] = None) -> InsertItem:
    """A blank row after ``after``, before ``before``, or at the end; a 定量 row joins its neighbour's
    一级/二级指标 (at the end: the last row's)."""
    rows = _rows(doc, list_name)
    what, prefix, _ = LISTS[list_name]
    index = len(rows)
    anchor = None
    if after is not None or before is not None:
        index = _index(rows, after if after is not None else before)
        anchor = rows[index]
        index += after is not None
    elif rows:
        anchor = rows[-1]
    ident = doc.new_id(prefix)
    if list_name == "organisations":
        item = Organisation(ident, f"二级机构{len(rows)}")
    elif list_name == "evaluators":
        item = Evaluator(ident)
    else:
        if anchor is None:
            category = builtin_template().categories[0]
            level1, level2 = category.level1, category.level2[0][0]
        else:
            level1, level2 = anchor.level1, anchor.level2
        item = QuantitativeRow(ident, level1, level2)
    return InsertItem(f"{KEY}.{list_name}", index, item, f"插入{what}行")


def insert_indicator(doc: Document, level1: str, level2: str) -> InsertItem:
    """A blank 定量 row at the end of its 二级指标, or where the template's order puts a new 二级指标."""
    rows = _rows(doc, "indicators")
    if not level1.strip() or not level2.strip():
        raise EditError("一级指标和二级指标不能为空")
    same = [i for i, row in enumerate(rows) if (row.level1, row.level2) == (level1, level2)]
    if same:
        index = same[-1] + 1
    else:  # after the rows of every category the template lists before this one
        order = builtin_template().order()
        rank = order.index((level1, level2)) if (level1, level2) in order else len(order)
        index = 0
        for position, row in enumerate(rows):
            key = (row.level1, row.level2)
            if (order.index(key) if key in order else len(order)) <= rank:
                index = position + 1
    return InsertItem(f"{KEY}.indicators", index, QuantitativeRow(doc.new_id("r"), level1, level2),
                      f"插入“{level2}”指标行")


def remove_row(doc: Document, list_name: str, row_id: str) -> RemoveItem:
    rows = _rows(doc, list_name)
    index = _index(rows, row_id)
    if list_name == "organisations" and len(rows) == 1:
        raise EditError("至少要保留一个机构行（局机关）")
    row = rows[index]
    what = LISTS[list_name][0]
    name = getattr(row, "name", "") or getattr(row, "level2", "")
    return RemoveItem(f"{KEY}.{list_name}", index, row, f"删除{what}行“{name}”" if name else f"删除{what}行")


def move_row(doc: Document, list_name: str, row_id: str, step: int) -> MoveItem:
    """Up (−1) or down (+1); a 定量 row stays within its 二级指标, as on the standard forms."""
    rows = _rows(doc, list_name)
    index = _index(rows, row_id)
    target = index + step
    what = LISTS[list_name][0]
    if step not in (-1, 1) or not 0 <= target < len(rows):
        raise EditError("已经是第一行" if step < 0 else "已经是最后一行")
    if list_name == "indicators":
        row, other = rows[index], rows[target]
        if (row.level1, row.level2) != (other.level1, other.level2):
            where = "第一" if step < 0 else "最后一"
            raise EditError(f"“{row.name or '该行'}”已是“{row.level2}”中的{where}行，只能在同一个二级指标内移动")
    return MoveItem(f"{KEY}.{list_name}", index, target, f"移动{what}行")


def toggle_form(doc: Document) -> SetField:
    """Add the 怀化 form (blank, as the template has it) or remove it with everything in it (undoable)."""
    if doc.comprehensive is not None:
        return SetField(KEY, doc.comprehensive, None, "移除部门（单位）整体支出绩效自评表（怀化）")
    if not doc.frameworks:
        raise EditError("文档没有指标体系，无法确定评价等次")
    framework = doc.overall.framework_id if doc.overall is not None else next(iter(doc.frameworks))
    return SetField(KEY, None, new_comprehensive(doc, framework), "添加部门（单位）整体支出绩效自评表（怀化）")
