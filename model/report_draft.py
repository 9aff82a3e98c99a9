"""Making reports from an outline and drafting their sections from the forms (起草).

Every change is an edit (model.edits) so the window can undo it. Drafting never replaces what the user
wrote without being asked: ``draft_all`` fills only empty sections and sections still holding an
unedited draft; ``draft_section`` of a section with the user's text is for the caller to confirm (the
window shows the old and the new text side by side first).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .document import Document, IdAllocator
from .edits import Compound, EditError, InsertItem, RemoveItem, SetField
from .evaluation import Evaluation
from .jsonread import FormatError
from .outline import Outline, default_outline, find_outline
from .report import (OVERALL, PROJECT, REPORT_KINDS, Report, ReportSection, find_report, overall_report, project_of,
                     project_report, report_key)
from .report_facts import Context, facts
from .report_template import draft_text, fill


@dataclass(frozen=True)
class InsertReport(InsertItem):
    """A report added: the navigation changes, so every view refreshes (forms() is None)."""

    def forms(self):
        return None


@dataclass(frozen=True)
class RemoveReport(RemoveItem):
    def forms(self):
        return None


def new_report(doc: Document, evaluation: Evaluation, outline: Outline, project=None,
               ids: Optional[IdAllocator] = None) -> Report:
    """A report with the outline's sections, all empty, and its title filled from the forms."""
    ids = ids or IdAllocator(doc.all_ids())
    context = facts(doc, evaluation, outline.kind, project)
    title = fill(outline.title, context.values) or REPORT_KINDS[outline.kind]
    subtitle = fill(outline.subtitle, context.values) or "" if outline.subtitle else ""
    report = Report(ids("rp"), outline.kind, project.id if project is not None else "", outline.id, title, subtitle)
    report.sections = [ReportSection(ids("h"), s.level, s.numbered, s.heading, s.key) for s in outline.sections]
    return report


def chosen_outline(ident: Optional[str], kind: str) -> Outline:
    """The outline ``ident`` for a report of ``kind`` (the default one when none is named); EditError if unfit."""
    if not ident:
        try:
            return default_outline(kind)
        except FormatError as error:  # no outline installed, or a broken outline file
            raise EditError(str(error)) from None
    outline = find_outline(ident)
    if outline is None:
        raise EditError(f"找不到报告提纲“{ident}”")
    if outline.kind != kind:
        raise EditError(f"提纲“{outline.name}”用于{REPORT_KINDS[outline.kind]}，不能用于{REPORT_KINDS[kind]}")
    return outline


class AllReportsMade(EditError):
    """Every report the document's forms call for exists already: nothing to add (not a failure for 起草)."""


def create_reports(doc: Document, evaluation: Evaluation, *, overall: bool = True, projects: bool = True,
                   outline: Optional[str] = None, project_outline: Optional[str] = None) -> Compound:
    """The 整体 report (if the document has an overall form and no such report) and a 项目 report for each
    project without one, as one undoable step; EditError when there is nothing to add."""
    ids = IdAllocator(doc.all_ids())
    added: list[Report] = []
    if overall and doc.overall is not None and overall_report(doc) is None:
        added.append(new_report(doc, evaluation, chosen_outline(outline, OVERALL), None, ids))
    if projects:
        chosen = chosen_outline(project_outline, PROJECT) if doc.projects else None
        for project in doc.projects:
            if project_report(doc, project.id) is None:
                added.append(new_report(doc, evaluation, chosen, project, ids))
    if not added:
        if doc.overall is None and not doc.projects:
            raise EditError("本文档没有部门整体支出绩效自评表或项目支出绩效自评表，不另写自评报告"
                            "（怀化综合表的“五、评价报告综述”在表中填写）")
        raise AllReportsMade("各份自评报告都已建立")
    start = len(doc.reports)
    return Compound(tuple(InsertReport("reports", start + i, r, "建立自评报告") for i, r in enumerate(added)),
                    "建立整体支出绩效自评报告" if added[0].kind == OVERALL and len(added) == 1 else
                    f"建立 {len(added)} 份自评报告")


def remove_report(doc: Document, report_id: str) -> RemoveReport:
    for index, report in enumerate(doc.reports):
        if report.id == report_id:
            return RemoveReport("reports", index, report, "删除自评报告")
    raise EditError("找不到这份报告，可能已被删除")


# --- drafting -------------------------------------------------------------------------------

def report_context(doc: Document, evaluation: Evaluation, report: Report) -> Context:
    return facts(doc, evaluation, report.kind, project_of(doc, report))


def section_draft(doc: Document, evaluation: Evaluation, report: Report, section: ReportSection,
                  context: Optional[Context] = None) -> Optional[str]:
    """The drafted text of ``section``; None when its outline section has no template."""
    outline = find_outline(report.outline)
    part = outline.section(section.key) if outline is not None and section.key else None
    if part is None or not part.template:
        return None
    if report.kind == PROJECT and project_of(doc, report) is None:
        return None
    return draft_text(part.template, context or report_context(doc, evaluation, report))


def _find(doc: Document, report_id: str, section_id: str) -> tuple[Report, ReportSection]:
    try:
        report = find_report(doc, report_id)
    except KeyError:
        raise EditError("找不到这份报告，可能已被删除") from None
    for section in report.sections:
        if section.id == section_id:
            return report, section
    raise EditError("找不到这一节，可能已被删除")


def _set_draft(report: Report, section: ReportSection, text: str, label: str) -> Compound:
    path = f"{report_key(report.id)}.sections[{section.id}]"
    return Compound((SetField(f"{path}.text", section.text, text, label),
                     SetField(f"{path}.draft", section.draft, True, label)), label)


def draft_section(doc: Document, evaluation: Evaluation, report_id: str, section_id: str) -> Compound:
    """Draft one section (replacing its text: the caller confirms first when the user wrote it)."""
    report, section = _find(doc, report_id, section_id)
    text = section_draft(doc, evaluation, report, section)
    if text is None:
        raise EditError(f"“{section.heading}”没有起草模板（提纲中没有这一节，或报告的项目已删除），请直接填写")
    return _set_draft(report, section, text, f"起草“{section.heading}”")


@dataclass
class DraftResult:
    edit: Optional[Compound]
    drafted: int  # sections given a (new) draft
    kept: list[str]  # headings of sections with the user's own text, left alone


def draft_all(doc: Document, evaluation: Evaluation, report_ids: Optional[list[str]] = None) -> DraftResult:
    """Draft every section that is empty or still an unedited draft, in the given reports (default all)."""
    parts, kept, drafted = [], [], 0
    for report in doc.reports:
        if report_ids is not None and report.id not in report_ids:
            continue
        context = report_context(doc, evaluation, report)
        for section in report.sections:
            if section.text.strip() and not section.draft:
                kept.append(section.heading)
                continue
            text = section_draft(doc, evaluation, report, section, context)
            if not text or (text == section.text and section.draft):
                continue
            parts += _set_draft(report, section, text, "").edits
            drafted += 1
    edit = Compound(tuple(parts), f"起草 {drafted} 节") if parts else None
    return DraftResult(edit, drafted, kept)
