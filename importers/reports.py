"""The reports read from the files (importers.read_report) put into the document, each with its project.

A 项目 report belongs to the project its title or the line under it names (the longest name found); with
one project, to that one; otherwise to the next project that has no report yet, which the 导入报告 says.
A section's text longer than a stored text may be (model.registry.MAX_TEXT) goes on in sections marked
（续）, so nothing is cut. Imported sections are the unit's own text, not drafts.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Callable, Optional

from model.document import Document
from model.registry import MAX_TEXT
from model.report import OVERALL, PROJECT, REPORT_KINDS, Report, ReportSection, overall_report, report_key

from .read_report import ReadSection, ReportRead


def _key(text: str) -> str:
    return re.sub(r"[\s\u3000]", "", unicodedata.normalize("NFKC", text or ""))


def _project_for(doc: Document, read: ReportRead) -> tuple[Optional[object], str]:
    """(the project, a note when it was only guessed by order) — (None, why) when there is none."""
    free = [p for p in doc.projects if not any(r.kind == PROJECT and r.project == p.id for r in doc.reports)]
    names = _key(read.names)
    named = [p for p in free if len(_key(p.name)) >= 2 and _key(p.name) in names]
    if named:
        return max(named, key=lambda p: len(_key(p.name))), ""
    if not doc.projects:
        return None, "文档中没有项目支出绩效自评表，这份项目报告未导入（请同时导入项目表）"
    if not free:
        return None, "每个项目都已有报告，这份项目报告未导入"
    if len(doc.projects) == 1:
        return free[0], ""
    return free[0], f"标题中没有写项目名称，按顺序对应到项目“{free[0].name}”，请核对"


def _chunks(section: ReadSection) -> list[tuple[str, str]]:
    """(heading, text) pieces of at most MAX_TEXT characters: the first under the heading, the rest （续）."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for paragraph in section.paragraphs:
        for start in range(0, max(len(paragraph), 1), MAX_TEXT):
            part = paragraph[start:start + MAX_TEXT]
            if current and size + 1 + len(part) > MAX_TEXT:
                pieces.append("\n".join(current))
                current, size = [], 0
            size += len(part) + (1 if current else 0)
            current.append(part)
    pieces.append("\n".join(current))
    return [(section.heading if i == 0 else f"{section.heading}（续）", text) for i, text in enumerate(pieces)]


def add_reports(doc: Document, reads: list[tuple[ReportRead, str]], new_id: Callable[[str], str],
                read_log: list, problems: list, notes: list) -> None:
    """Add the reports ``reads`` ((report, source file)) to ``doc``; what happened goes to the 导入报告 lists."""
    for read, source in reads:
        name = REPORT_KINDS[read.kind]
        where = f"“{source}”中的{name}“{read.title}”"
        project_id = ""
        if read.kind == OVERALL:
            if overall_report(doc) is not None:
                problems.append((where, "文档中已有一份整体支出绩效自评报告，这一份未导入"))
                continue
        else:
            project, why = _project_for(doc, read)
            if project is None:
                problems.append((where, why))
                continue
            if why:
                notes.append(f"{where}：{why}")
            project_id = project.id
        report = Report(new_id("rp"), read.kind, project_id, read.outline.id, read.title, read.subtitle,
                        read.attachment)
        continued = 0
        for section in read.sections:
            for number, (heading, text) in enumerate(_chunks(section)):
                report.sections.append(ReportSection(new_id("h"), section.level, section.numbered and number == 0,
                                                     heading, section.key if number == 0 else "", text))
                continued += number > 0
        doc.reports.append(report)
        key = report_key(report.id)
        read_log.append((key, "自评报告", f"{len(report.sections)} 节"))
        own = sum(1 for s in read.sections if s.heading and not s.key)
        text = f"{where}：按提纲“{read.outline.name or '（无提纲）'}”读入 {len(report.sections)} 节"
        if own:
            text += f"，其中 {own} 节的标题不在提纲中，已单独成节"
        if continued:
            text += f"；{continued} 节文字过长，接在“（续）”节中"
        notes.append(text)
