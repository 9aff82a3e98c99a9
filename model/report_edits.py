"""Edits of a report's sections: typing a text, adding, removing, moving and (un)indenting sections.

A section moves and is removed together with its sub-sections (its block); each change is one undo step.
"""
from __future__ import annotations

from typing import Optional

from dataclasses import dataclass

from . import paths
from .carried import carried_entry
from .document import Document
from .edits import Compound, EditError, InsertItem, MoveItem, RemoveItem, SetField, set_text
from .fields import field_label
from .report import MAX_LEVEL, Report, ReportSection, block_end, find_report, level_of, report_key, section_path


def _report(doc: Document, report_id: str) -> Report:
    try:
        return find_report(doc, report_id)
    except KeyError:
        raise EditError("找不到这份报告，可能已被删除") from None


def _index(report: Report, section_id: str) -> int:
    for index, section in enumerate(report.sections):
        if section.id == section_id:
            return index
    raise EditError("找不到这一节，可能已被删除")


def _list_path(report: Report) -> str:
    return f"{report_key(report.id)}.sections"


def _name(section: ReportSection) -> str:
    return section.heading.strip() or "未命名的一节"


def set_section_text(doc: Document, report_id: str, section_id: str, text: str):
    """The user's text for a section: it is no longer a draft (one undo step); ParseError if too long."""
    report = _report(doc, report_id)
    section = report.sections[_index(report, section_id)]
    path = f"{_list_path(report)}[{section_id}]"
    edit = set_text(doc, f"{path}.text", text)
    label = f"修改报告“{_name(section)}”"
    if not section.draft:
        return SetField(edit.path, edit.old, edit.new, label)
    return Compound((SetField(edit.path, edit.old, edit.new, label), SetField(f"{path}.draft", True, False, label)),
                    label)


@dataclass(frozen=True)
class KeepCarried(RemoveItem):
    """沿用: last year's text kept as it is — its 上年文字 note removed (the text's form is re-checked)."""

    def forms(self):
        return {paths.form_of(self.item.path)}


def keep_carried(doc: Document, path: str) -> KeepCarried:
    """Keep the text at ``path`` as last year wrote it: no longer marked 上年文字 (one undo step)."""
    found = carried_entry(doc, path)
    if found is None:
        raise EditError("这段文字不是沿用的上年文字（或已修改过）")
    index, entry = found
    name = field_label(path) if not path.startswith("reports[") else "报告这一节"
    return KeepCarried("carried", index, entry, f"沿用上年文字（{name}）")


def keep_section_text(doc: Document, report_id: str, section_id: str) -> KeepCarried:
    report = _report(doc, report_id)
    section = report.sections[_index(report, section_id)]
    edit = keep_carried(doc, section_path(report_id, section_id))
    return KeepCarried(edit.list_path, edit.index, edit.item, f"沿用上年文字“{_name(section)}”")


def add_section(doc: Document, report_id: str, after: Optional[str] = None, heading: str = "新的一节",
                child: bool = False) -> InsertItem:
    """A new section after section ``after`` and its sub-sections (or at the end), at its level;
    ``child``: as the first sub-section of ``after``."""
    report = _report(doc, report_id)
    sections = report.sections
    level, index = 1, len(sections)
    if after is not None:
        position = _index(report, after)
        level = level_of(sections[position])
        if child:
            if level >= MAX_LEVEL:
                raise EditError(f"章节最多 {MAX_LEVEL} 层")
            level, index = level + 1, position + 1
        else:
            index = block_end(sections, position)
    section = ReportSection(doc.new_id("h"), level, True, heading.strip() or "新的一节")
    return InsertItem(_list_path(report), index, section, f"添加报告章节“{section.heading}”")


def remove_section(doc: Document, report_id: str, section_id: str) -> Compound:
    """Remove a section with its sub-sections (their texts too; undoable)."""
    report = _report(doc, report_id)
    start = _index(report, section_id)
    end = block_end(report.sections, start)
    path = _list_path(report)
    label = f"删除报告章节“{_name(report.sections[start])}”"
    return Compound(tuple(RemoveItem(path, index, report.sections[index], label)
                          for index in range(end - 1, start - 1, -1)), label)


def _sibling_before(sections: list[ReportSection], index: int) -> Optional[int]:
    level = level_of(sections[index])
    for position in range(index - 1, -1, -1):
        other = level_of(sections[position])
        if other == level:
            return position
        if other < level:
            return None
    return None


def _moves(path: str, start: int, size: int, target: int, label: str) -> tuple:
    """Move the block [start, start+size) so that it begins at ``target`` (< start)."""
    return tuple(MoveItem(path, start + k, target + k, label) for k in range(size))


def move_section(doc: Document, report_id: str, section_id: str, step: int) -> Compound:
    """Move a section with its sub-sections before (step −1) or after (+1) its neighbour of the same level."""
    report = _report(doc, report_id)
    sections = report.sections
    index = _index(report, section_id)
    label = f"移动报告章节“{_name(sections[index])}”"
    path = _list_path(report)
    if step < 0:
        before = _sibling_before(sections, index)
        if before is None:
            raise EditError(f"“{_name(sections[index])}”已是同级的第一节")
        return Compound(_moves(path, index, block_end(sections, index) - index, before, label), label)
    end = block_end(sections, index)
    if end >= len(sections) or level_of(sections[end]) != level_of(sections[index]):
        raise EditError(f"“{_name(sections[index])}”已是同级的最后一节")
    return Compound(_moves(path, end, block_end(sections, end) - end, index, label), label)


def change_level(doc: Document, report_id: str, section_id: str, delta: int) -> Compound:
    """Make a section (and its sub-sections) one level deeper (+1, 降一级) or higher (−1, 升一级)."""
    report = _report(doc, report_id)
    sections = report.sections
    index = _index(report, section_id)
    level = level_of(sections[index])
    end = block_end(sections, index)
    if delta > 0:
        if index == 0 or level > level_of(sections[index - 1]):
            raise EditError("第一节或已是上一节的下级，不能再降级")
        if max(level_of(s) for s in sections[index:end]) >= MAX_LEVEL:
            raise EditError(f"章节最多 {MAX_LEVEL} 层")
    elif level <= 1:
        raise EditError("已是第一层章节")
    label = f"{'降低' if delta > 0 else '提升'}报告章节“{_name(sections[index])}”的层级"
    path = _list_path(report)
    return Compound(tuple(SetField(f"{path}[{s.id}].level", s.level, level_of(s) + (1 if delta > 0 else -1), label)
                          for s in sections[index:end]), label)
