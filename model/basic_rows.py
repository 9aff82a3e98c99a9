"""Projects flow into the 基础数据表: each project form has its row under 本级专项资金 (one 专项 a row).

When a project is added, renamed or removed, the matching row is offered (or, by the user's setting, made)
as an edit of its own: added with the project's 全年预算数 and 全年执行数, renamed with it, removed with it.
Rows are matched to projects by name (as the cross-form checks match them).
"""
from __future__ import annotations

from typing import Optional

from .document import Document, NamedExpenseLine, ProjectForm
from .edits import InsertItem, RemoveItem, SetField
from .parsing import normalize


def listed_row(doc: Document, name: str) -> Optional[tuple[int, NamedExpenseLine]]:
    """(index, row) of the 本级专项资金 row named like ``name``, if the document lists one."""
    if doc.basic is None or not name.strip():
        return None
    key = normalize(name)
    for index, row in enumerate(doc.basic.special_rows):
        if normalize(row.name) == key:
            return index, row
    return None


def _new_row(doc: Document, project: ProjectForm) -> NamedExpenseLine:
    funding = project.annual_funding
    return NamedExpenseLine(doc.new_id("s"), project.name, None, funding.annual, funding.executed)


def follow_project(doc: Document, old_name: Optional[str], project: Optional[ProjectForm]):
    """The edit that keeps 本级专项资金 in step after a project was added (old_name None), renamed
    (old_name → project.name) or removed (project None), with a sentence saying what it does;
    None when there is nothing to do (no 基础数据表, no name yet, already in step)."""
    if doc.basic is None:
        return None
    special = doc.labels.special
    if project is None:  # removed
        found = listed_row(doc, old_name or "")
        if found is None:
            return None
        index, row = found
        return RemoveItem("basic.special_rows", index, row, f"删除{special}行“{row.name}”"), \
            f"同时从基础数据表的“{special}”中删除“{row.name}”行？"
    name = project.name
    if not name.strip() or listed_row(doc, name) is not None:
        return None
    before = listed_row(doc, old_name or "") if old_name else None
    if before is not None:  # renamed: the row follows
        index, row = before
        return SetField(f"basic.special_rows[{row.id}].name", row.name, name, f"{special}行改名为“{name}”"), \
            f"同时把基础数据表“{special}”中的“{row.name}”改为“{name}”？"
    row = _new_row(doc, project)
    return InsertItem("basic.special_rows", len(doc.basic.special_rows), row, f"添加{special}行“{name}”"), \
        f"同时在基础数据表的“{special}”中添加“{name}”一行（带项目表的全年预算数和执行数）？"
