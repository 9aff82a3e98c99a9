"""Changes to a document as data: each edit can be applied and reverted (撤销／重做).

The window wraps these in QUndoCommand; tests and scripts use them directly. Every builder
checks its input first and raises ``EditError`` (Chinese message) without touching the document,
so bad input never leaves a half-made change.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Optional, Protocol

from . import paths
from .document import ClosingTexts, Document, IdAllocator, IndicatorRow, NamedExpenseLine, ScoredForm, project_key
from .factory import new_project
from .fields import field_label, parse_field, spec_for
from .framework import Framework
from .numbers import figure_problem
from .parsing import normalize


class EditError(ValueError):
    """An edit that cannot be made; the message says why, in Chinese."""


class Edit(Protocol):
    label: str  # for 撤销“…” in the Edit menu

    def apply(self, doc: Document) -> None: ...

    def revert(self, doc: Document) -> None: ...

    def forms(self) -> Optional[set[str]]:
        """Form keys whose results change; None means every form (unit info, projects added)."""


@dataclass(frozen=True)
class SetField:
    path: str
    old: Any
    new: Any
    label: str

    def apply(self, doc: Document) -> None:
        paths.put(doc, self.path, self.new)

    def revert(self, doc: Document) -> None:
        paths.put(doc, self.path, self.old)

    def forms(self) -> Optional[set[str]]:
        form = paths.form_of(self.path)
        return None if form in ("unit", "labels") else {form}  # both print on every form


@dataclass(frozen=True)
class InsertItem:
    list_path: str  # overall.indicators, projects, basic.special_rows …
    index: int
    item: Any
    label: str

    def apply(self, doc: Document) -> None:
        paths.item(doc, self.list_path).insert(self.index, self.item)

    def revert(self, doc: Document) -> None:
        removed = paths.item(doc, self.list_path).pop(self.index)
        assert removed is self.item

    def forms(self) -> Optional[set[str]]:
        return None if self.list_path == "projects" else {paths.form_of(self.list_path)}


@dataclass(frozen=True)
class RemoveItem(InsertItem):
    def apply(self, doc: Document) -> None:
        InsertItem.revert(self, doc)

    def revert(self, doc: Document) -> None:
        InsertItem.apply(self, doc)


@dataclass(frozen=True)
class MoveItem:
    list_path: str
    old_index: int
    new_index: int
    label: str

    def _move(self, doc: Document, source: int, target: int) -> None:
        items = paths.item(doc, self.list_path)
        items.insert(target, items.pop(source))

    def apply(self, doc: Document) -> None:
        self._move(doc, self.old_index, self.new_index)

    def revert(self, doc: Document) -> None:
        self._move(doc, self.new_index, self.old_index)

    def forms(self) -> Optional[set[str]]:
        return None if self.list_path == "projects" else {paths.form_of(self.list_path)}


@dataclass(frozen=True)
class Compound:
    edits: tuple
    label: str

    def apply(self, doc: Document) -> None:
        for edit in self.edits:
            edit.apply(doc)

    def revert(self, doc: Document) -> None:
        for edit in reversed(self.edits):
            edit.revert(doc)

    def forms(self) -> Optional[set[str]]:
        result: set[str] = set()
        for edit in self.edits:
            forms = edit.forms()
            if forms is None:
                return None
            result |= forms
        return result


# --- fields ---------------------------------------------------------------------------------

def set_value(doc: Document, path: str, value: Any, label: Optional[str] = None) -> SetField:
    try:
        old = paths.get(doc, path)
    except paths.PathError:
        raise EditError(f"找不到要修改的单元格（{path}）") from None
    return SetField(path, old, value, label or f"修改“{field_label(path)}”")


def set_text(doc: Document, path: str, text: str) -> SetField:
    """An edit from what the user typed; ParseError (a ValueError) when it is not acceptable."""
    return set_value(doc, path, parse_field(path, text))


# --- optional rows: 部门职责, a project's 评价结论/存在的问题/改进措施 -------------------------------------

def toggle_duties(doc: Document) -> SetField:
    """Add the 部门职责 row to the overall form (empty), or remove it with its text (undoable)."""
    if doc.overall is None:
        raise EditError("本文档没有部门整体支出绩效自评表")
    if doc.overall.duties is None:
        return SetField("overall.duties", None, "", "添加“部门职责”行")
    return SetField("overall.duties", doc.overall.duties, None, "删除“部门职责”行")


def toggle_closing(doc: Document, project_id: str) -> SetField:
    """Add the 评价结论 / 存在的问题 / 改进措施 rows under a project's table, or remove them (undoable)."""
    project = doc.projects[_project_index(doc, project_id)]
    path = f"{project_key(project_id)}.closing"
    if project.closing is None:
        return SetField(path, None, ClosingTexts(), "添加“评价结论、存在的问题、改进措施”行")
    return SetField(path, project.closing, None, "删除“评价结论、存在的问题、改进措施”行")


# --- indicator rows -------------------------------------------------------------------------

def scored_form(doc: Document, form_key: str) -> ScoredForm:
    """The scored form (整体表 or a project's) at ``form_key``; EditError when there is none."""
    try:
        form = doc.form(form_key)
    except KeyError:
        form = None
    if form is None or not hasattr(form, "indicators"):
        raise EditError(f"找不到表“{form_key}”")
    return form


def row_index(form: ScoredForm, row_id: str) -> int:
    for index, row in enumerate(form.indicators):
        if row.id == row_id:
            return index
    raise EditError("找不到这一行指标，可能已被删除")


def check_category(framework: Framework, level1: str, level2: str) -> None:
    """EditError unless (level1, level2) is one of the framework's 指标类别."""
    group = framework.group(level1)
    if group is None or level2 not in group.level2:
        raise EditError(f"“{level1}／{level2}”不是指标体系“{framework.name}”中的指标类别")


def category_end(framework: Framework, rows: list[IndicatorRow], level1: str, level2: str) -> int:
    """Where a row of the framework's category (level1, level2) goes at its group's end: after the last of
    ``rows`` in that group or in a group the framework lists before it."""
    order = [(g.name, l2) for g in framework.level1 for l2 in g.level2]
    rank = order.index((level1, level2))
    index = 0
    for position, existing in enumerate(rows):
        key = (existing.level1, existing.level2)
        if key in order and order.index(key) <= rank:
            index = position + 1
    return index


def insert_indicator(doc: Document, form_key: str, level1: str, level2: str,
                     after: Optional[str] = None, row: Optional[IndicatorRow] = None,
                     before: Optional[str] = None) -> InsertItem:
    """A new 三级指标 row in group (level1, level2): before row ``before``, after row ``after``,
    or at the group's end."""
    form = scored_form(doc, form_key)
    framework = doc.framework_for(form)
    check_category(framework, level1, level2)
    if after is not None or before is not None:
        index = row_index(form, after if after is not None else before)
        anchor = form.indicators[index]
        if (anchor.level1, anchor.level2) != (level1, level2):
            raise EditError("只能在同一个二级指标内插入行")
        if after is not None:
            index += 1
    else:
        index = category_end(framework, form.indicators, level1, level2)
    new = row or IndicatorRow(doc.new_id("r"), level1, level2)
    return InsertItem(f"{form_key}.indicators", index, new, f"插入“{level2}”指标行")


def remove_indicator(doc: Document, form_key: str, row_id: str) -> RemoveItem:
    form = scored_form(doc, form_key)
    index = row_index(form, row_id)
    row = form.indicators[index]
    return RemoveItem(f"{form_key}.indicators", index, row, f"删除指标行“{row.name or row.level2}”")


def move_indicator(doc: Document, form_key: str, row_id: str, step: int) -> MoveItem:
    """Move a row up (step −1) or down (+1) within its 二级指标."""
    form = scored_form(doc, form_key)
    index = row_index(form, row_id)
    row = form.indicators[index]
    target = index + step
    if step not in (-1, 1) or not 0 <= target < len(form.indicators) or (
            form.indicators[target].level1, form.indicators[target].level2) != (row.level1, row.level2):
        where = "第一" if step < 0 else "最后一"
        raise EditError(f"“{row.name or '该行'}”已是“{row.level2}”中的{where}行，只能在同一个二级指标内移动")
    return MoveItem(f"{form_key}.indicators", index, target, f"移动指标行“{row.name or row.level2}”")


# --- projects -------------------------------------------------------------------------------

def _project_index(doc: Document, project_id: str) -> int:
    for index, project in enumerate(doc.projects):
        if project.id == project_id:
            return index
    raise EditError("找不到这个项目，可能已被删除")


def add_project(doc: Document, name: str = "", index: Optional[int] = None,
                framework_id: Optional[str] = None) -> InsertItem:
    if framework_id is not None and framework_id not in doc.frameworks:
        raise EditError(f"文档中没有指标体系“{framework_id}”")
    if not doc.frameworks:
        raise EditError("文档没有指标体系，无法添加项目")
    try:
        name = parse_field("projects[new].name", name.strip())  # what typing the name into the form accepts
    except ValueError as error:
        raise EditError(str(error)) from None
    project = new_project(doc, name, framework_id, starter_rows=True)
    position = len(doc.projects) if index is None else max(0, min(index, len(doc.projects)))
    return InsertItem("projects", position, project, f"添加项目“{project.name or '新项目'}”")


def remove_project(doc: Document, project_id: str) -> RemoveItem:
    index = _project_index(doc, project_id)
    project = doc.projects[index]
    return RemoveItem("projects", index, project, f"删除项目“{project.name or '未命名项目'}”")


def move_project(doc: Document, project_id: str, step: int) -> MoveItem:
    index = _project_index(doc, project_id)
    target = index + step
    if not 0 <= target < len(doc.projects):
        raise EditError("已经是第一个项目" if step < 0 else "已经是最后一个项目")
    return MoveItem("projects", index, target, f"移动项目“{doc.projects[index].name}”")


def duplicate_project(doc: Document, project_id: str) -> InsertItem:
    """A copy placed after the original, with fresh ids and 名称（副本）."""
    index = _project_index(doc, project_id)
    copy_ = copy.deepcopy(doc.projects[index])
    ids = IdAllocator(doc.all_ids())
    copy_.id = ids("p")
    for row in copy_.indicators:
        row.id = ids("r")
    limit = spec_for("projects[copy].name").max_length - len("（副本）")
    copy_.name = f"{copy_.name[:limit]}（副本）"  # still within what a file may hold
    copy_.stated_total = None
    return InsertItem("projects", index + 1, copy_, f"复制项目“{doc.projects[index].name}”")


# --- 基础数据表 rows (本级专项资金 / 上级转移支付) ------------------------------------------------

BASIC_LISTS = {"special_rows": "专项资金", "transfer_rows": "上级转移支付"}


def add_basic_row(doc: Document, list_name: str, name: str = "", index: Optional[int] = None,
                  values: tuple = (None, None, None)) -> InsertItem:
    if doc.basic is None:
        raise EditError("本文档没有基础数据表")
    if list_name not in BASIC_LISTS:
        raise EditError(f"基础数据表没有“{list_name}”")
    rows = getattr(doc.basic, list_name)
    position = len(rows) if index is None else max(0, min(index, len(rows)))
    row = NamedExpenseLine(doc.new_id("s" if list_name == "special_rows" else "t"), name, *values)
    return InsertItem(f"basic.{list_name}", position, row, f"添加{BASIC_LISTS[list_name]}行")


def remove_basic_row(doc: Document, list_name: str, row_id: str) -> RemoveItem:
    rows = getattr(doc.basic, list_name) if doc.basic is not None and list_name in BASIC_LISTS else []
    for index, row in enumerate(rows):
        if row.id == row_id:
            return RemoveItem(f"basic.{list_name}", index, row, f"删除{BASIC_LISTS[list_name]}行“{row.name}”")
    raise EditError("找不到这一行，可能已被删除")


def move_basic_row(doc: Document, list_name: str, row_id: str, step: int) -> MoveItem:
    rows = getattr(doc.basic, list_name) if doc.basic is not None and list_name in BASIC_LISTS else []
    for index, row in enumerate(rows):
        if row.id == row_id:
            if not 0 <= index + step < len(rows):
                raise EditError("已经是第一行" if step < 0 else "已经是最后一行")
            return MoveItem(f"basic.{list_name}", index, index + step, f"移动{BASIC_LISTS[list_name]}行")
    raise EditError("找不到这一行，可能已被删除")


def fill_special_rows(doc: Document) -> Compound:
    """One 本级专项资金 row per project form not yet listed (by name), with its 全年预算数 and 执行数.

    One undo step; EditError when every project is already listed.
    """
    if doc.basic is None:
        raise EditError("本文档没有基础数据表")
    listed = {normalize(row.name) for row in doc.basic.special_rows}
    ids, rows = IdAllocator(doc.all_ids()), []
    spec = spec_for("basic.special_rows[s].budget")
    for name, values in project_rows_for_basic(doc):
        if not name.strip() or normalize(name) in listed:
            continue
        if any(value is not None and figure_problem(value, spec) for value in values):
            raise EditError(f"项目“{name[:40]}”的金额合计过大，无法填入本级专项资金，请检查该项目表的金额")
        listed.add(normalize(name))
        rows.append(NamedExpenseLine(ids("s"), name, *values))
    if not rows:
        raise EditError("各项目表都已列在“本级专项资金”中")
    start = len(doc.basic.special_rows)
    return Compound(tuple(InsertItem("basic.special_rows", start + i, row, "添加专项资金行") for i, row in enumerate(rows)),
                    f"按项目表填入 {len(rows)} 个专项")


def project_rows_for_basic(doc: Document) -> list[tuple[str, tuple]]:
    """(name, (上年决算数, 本年预算数, 本年决算数)) offered from the project forms for 本级专项资金 rows."""
    return [(p.name, (None, p.annual_funding.annual, p.annual_funding.executed)) for p in doc.projects]
