"""The written self-evaluation reports (自评报告): a 整体支出绩效自评报告 and 项目支出绩效自评报告 per project.

A report is a list of sections in print order, each with its level (一、 / （一） / 1. / （1）), its heading
and its text. The nesting is implied by the levels, so that sections are added, renamed and moved with
the ordinary list edits (model.edits) and every change is undoable. Section numbers are not stored: they
follow from the order (GB/T 9704 numbering), so moving a section renumbers the rest.

A section drafted from the forms carries ``draft`` until the user edits its text; ``key`` names the
outline section (model.outline) whose template drafts it, empty for sections the user added.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from .registry import FieldKind, records, value

K = FieldKind
REPORT_PREFIX = "reports"  # report keys and paths: reports[rp1].sections[h3].text
OVERALL, PROJECT = "overall", "project"
REPORT_KINDS = {OVERALL: "整体支出绩效自评报告", PROJECT: "项目支出绩效自评报告"}
MAX_LEVEL = 4
MAX_HEADING = 200


@dataclass(slots=True)
class ReportSection:
    """One numbered part of a report: 一、预算单位基本情况, （一）基本支出情况, 1.产出指标完成情况分析 …"""

    id: str = value(K.ID, "编号")
    level: int = value(K.INTEGER, "层级", 1, minimum=1, maximum=MAX_LEVEL)  # 1 一、 2 （一） 3 1. 4 （1）
    numbered: bool = value(K.BOOL, "编号", True)  # False: the heading prints without a number (seed 002)
    heading: str = value(K.TEXT, "标题", "", max_length=MAX_HEADING)  # without its number
    key: str = value(K.TEXT, "提纲节", "", max_length=60)  # the outline section drafting it; "" none
    text: str = value(K.LONG_TEXT, "正文", "")  # paragraphs separated by line breaks
    draft: bool = value(K.BOOL, "草稿", False)  # drafted and not edited since


@dataclass(slots=True)
class Report:
    """整体支出绩效自评报告 (kind overall) or one project's 项目支出绩效自评报告 (kind project)."""

    id: str = value(K.ID, "编号")
    kind: str = value(K.CHOICE, "报告类别", OVERALL, choices=REPORT_KINDS)
    project: str = value(K.TEXT, "项目", "", max_length=40)  # the project form's id (项目报告)
    outline: str = value(K.TEXT, "提纲", "", max_length=60)  # id of the outline it was made from
    title: str = value(K.TEXT, "报告标题", "", max_length=MAX_HEADING)  # as printed
    subtitle: str = value(K.TEXT, "署名行", "", max_length=MAX_HEADING)  # the unit's name under the title
    attachment: Optional[int] = value(K.INTEGER, "附件号", None, hint="不印", minimum=0, maximum=99)
    sections: list[ReportSection] = records(ReportSection, "章节")


# --- keys and names -------------------------------------------------------------------------

def report_key(ident: str) -> str:
    return f"{REPORT_PREFIX}[{ident}]"


def is_report_key(key: str) -> bool:
    return key.startswith(REPORT_PREFIX + "[") and key.endswith("]")


def report_id_of(key: str) -> str:
    if not is_report_key(key):
        raise KeyError(key)
    return key[len(REPORT_PREFIX) + 1:-1]


def section_path(report_id: str, section_id: str, field: str = "text") -> str:
    return f"{report_key(report_id)}.sections[{section_id}].{field}"


def find_report(doc, ident: str) -> Report:
    for report in doc.reports:
        if report.id == ident:
            return report
    raise KeyError(ident)


def overall_report(doc) -> Optional[Report]:
    return next((r for r in doc.reports if r.kind == OVERALL), None)


def project_report(doc, project_id: str) -> Optional[Report]:
    return next((r for r in doc.reports if r.kind == PROJECT and r.project == project_id), None)


def project_of(doc, report: Report):
    """The project form a 项目报告 is about; None for the 整体 report or when the project was deleted."""
    if report.kind != PROJECT:
        return None
    return next((p for p in doc.projects if p.id == report.project), None)


def report_title(doc, key: str) -> str:
    """How a person names the report: 整体支出绩效自评报告, 项目支出绩效自评报告（双碳资金）."""
    report = find_report(doc, report_id_of(key))
    if report.kind == OVERALL:
        return REPORT_KINDS[OVERALL]
    project = project_of(doc, report)
    return f"{REPORT_KINDS[PROJECT]}（{project.name or '未命名项目' if project else '项目已删除'}）"


def ordered_reports(doc) -> list[Report]:
    """The 整体 report first, then the project reports in the projects' order (orphans last)."""
    order = {p.id: index for index, p in enumerate(doc.projects)}
    return sorted(doc.reports, key=lambda r: (r.kind != OVERALL, order.get(r.project, len(order))))


# --- numbering (GB/T 9704: 一、 （一） 1. （1）) ------------------------------------------------

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (numbers past 99 stay in digits)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    text = ("" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十"))
    return text + (_DIGITS[ones] if ones else "")


def number_text(level: int, n: int) -> str:
    if level <= 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def level_of(section: ReportSection) -> int:
    return min(MAX_LEVEL, max(1, section.level or 1))


def section_numbers(sections: Iterable[ReportSection]) -> list[str]:
    """The printed number of each section (\"\" for unnumbered ones), counters restarting under each parent."""
    counters = [0] * (MAX_LEVEL + 1)
    numbers = []
    for section in sections:
        level = level_of(section)
        for deeper in range(level + 1, MAX_LEVEL + 1):
            counters[deeper] = 0
        if section.numbered:
            counters[level] += 1
            numbers.append(number_text(level, counters[level]))
        else:
            numbers.append("")
    return numbers


def full_heading(number: str, section: ReportSection) -> str:
    return f"{number}{section.heading.strip()}"


def block_end(sections: list[ReportSection], index: int) -> int:
    """Index past the section at ``index`` and its sub-sections."""
    level = level_of(sections[index])
    end = index + 1
    while end < len(sections) and level_of(sections[end]) > level:
        end += 1
    return end


def has_text(sections: list[ReportSection], index: int) -> bool:
    """Does the section or one of its sub-sections hold text?"""
    return any(s.text.strip() for s in sections[index:block_end(sections, index)])


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a section's text: its non-empty lines, stripped."""
    return [line.strip() for line in (text or "").replace("\r\n", "\n").split("\n") if line.strip()]


def word_count(text: str) -> int:
    """字数 as a Chinese office counts it: every character that is not white space."""
    return sum(1 for ch in text or "" if not ch.isspace())


def has_report_text(report: Report) -> bool:
    return any(s.text.strip() for s in report.sections)


def walk_ids(reports: Iterable[Report]) -> Iterator[str]:
    """Every id used by the reports (Document.all_ids)."""
    for report in reports:
        yield report.id
        for section in report.sections:
            yield section.id
