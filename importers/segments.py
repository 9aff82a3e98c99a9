"""Finding the forms in a file by their titles, and keeping track of what each reader understood.

A form starts at its title (整体支出绩效评价基础数据表, 整体支出绩效自评表, 项目支出绩效自评表), perhaps after an
附件N line, and runs to the next title. Within a form every cell a reader uses is marked, so that the
import report can list exactly the cells nobody understood.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from model.registry import FieldKind

from .rows import Row, RowCell, norm
from .values import Unreadable, attachment_in, figure, year_in

_TITLE = re.compile(r"^(?:附件\d+)?(?:(?:19|20)\d{2}年度?)?(?P<title>.{2,30}?(?:基础数据表|绩效自评表))$")
_STATIC = ("说明:", "备注:", "填报单位:", "注:")  # printed notes: nothing to import


_COMPREHENSIVE = re.compile(r"^一、(?:部门)?(?:\(单位\))?基本概况")  # the 怀化 form's first section
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\(?\d+[)、.])")
_REPORT = re.compile(r"^(?:附件\d+)?(?:(?:19|20)\d{2}年度?)?(?P<title>.{0,60}?自评报告)$")


def title_kind(key: str) -> Optional[str]:
    """'basic' | 'overall' | 'project' | 'report' for a title's normal-form text, else None."""
    bare = re.sub(r"^附件\d+:?", "", key)
    if _REPORT.match(bare) and ":" not in bare and not _NUMBERED.match(bare):  # not 详见附件：… or 一、…自评报告
        return "report"
    match = _TITLE.match(key)
    if not match:
        return None
    title = match.group("title")
    if title.endswith("基础数据表"):
        return "basic"
    if "项目支出" in title:
        return "project"
    if "整体支出" in title:
        return "overall"
    return None


def printed_title(text: str) -> str:
    """The title as printed, without 附件N, the year and white space (部门（单位）整体支出绩效自评表)."""
    compact = re.sub(r"\s+", "", text)
    compact = re.sub(r"^附件\s*\d+", "", compact)
    return re.sub(r"^(?:19|20)\d{2}年度?", "", compact)


@dataclass
class Segment:
    kind: str  # basic | overall | project | report | comprehensive
    title: str  # the title as printed (without 附件N and the year)
    rows: list[Row]
    year: Optional[int] = None
    attachment: Optional[int] = None
    used: set = field(default_factory=set)
    heading: str = ""  # the title line exactly as printed

    def use(self, *cells: Optional[RowCell]) -> None:
        for cell in cells:
            if cell is not None:
                self.used.add(id(cell.cell) if cell.cell is not None else id(cell))

    def is_used(self, cell: RowCell) -> bool:
        return (id(cell.cell) if cell.cell is not None else id(cell)) in self.used

    def leftovers(self) -> list[tuple[str, str]]:
        """(where, text) of the non-empty cells no reader used (each merged cell once)."""
        seen, result = set(), []
        for row in self.rows:
            for cell in row.nonempty():
                ident = id(cell.cell) if cell.cell is not None else id(cell)
                if ident in seen or self.is_used(cell) or cell.key.startswith(_STATIC):
                    continue
                seen.add(ident)
                result.append((row.where, cell.text.strip()))
        return result


class FormReader:
    """What the readers of one form share: its segment and rows, and the (where, message) problems they list."""

    def __init__(self, segment: Segment, problems: list[tuple[str, str]]):
        self.segment, self.rows, self.problems = segment, segment.rows, problems

    def problem(self, row: Row, message: str) -> None:
        self.problems.append((row.where, message))

    def figure(self, row: Row, cell: Optional[RowCell], kind: FieldKind, what: str) -> Optional[Decimal]:
        """The figure in ``cell``, marked used (None when blank); one that does not read is a problem, not a guess."""
        self.segment.use(cell)
        if cell is None or not cell.key:
            return None
        try:
            return figure(cell.text, kind)
        except Unreadable as error:
            self.problem(row, f"{what}：{error}")
            return None


def split(rows: list[Row]) -> tuple[list[Segment], list[Row]]:
    """The forms found in ``rows`` and the rows before the first one (not part of any form)."""
    segments: list[Segment] = []
    outside: list[Row] = []
    pending_attachment: Optional[int] = None
    for index, row in enumerate(rows):
        cells = row.nonempty()
        if len(cells) == 1:
            number = attachment_in(cells[0].text)
            if number is not None and len(cells[0].key) <= 4:
                pending_attachment = number
                continue
            if row.table is not None and _COMPREHENSIVE.match(norm(cells[0].text.split("\n")[0])):
                _start_comprehensive(segments, pending_attachment)
                pending_attachment = None
            kind = title_kind(cells[0].key)
            if kind is not None:
                segment = Segment(kind, printed_title(cells[0].text), [], year_in(cells[0].text),
                                  attachment_in(cells[0].text) or pending_attachment, heading=cells[0].text)
                segment.use(cells[0])
                segments.append(segment)
                pending_attachment = None
                continue
        if segments:
            segments[-1].rows.append(row)
        else:
            outside.append(row)
    return segments, outside


def _start_comprehensive(segments: list[Segment], attachment: Optional[int]) -> None:
    """The 怀化 form begins at 一、部门（单位）基本概况: its title (our export prints one, seed 001 none) is that of
    the 整体自评表, so a segment just opened by that title becomes the comprehensive form."""
    last = segments[-1] if segments else None
    if last is not None and last.kind == "overall" and all(len(row.nonempty()) <= 2 for row in last.rows):
        last.kind = "comprehensive"
    elif last is None or last.kind != "comprehensive":
        segments.append(Segment("comprehensive", "", [], None, attachment))
