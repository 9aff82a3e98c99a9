"""The reports as an official document (公文, GB/T 9704-2012 practice), format-neutral: blocks and the grid.

``report_blocks`` turns a document's reports into blocks (附件 line, title, 署名行, headings, body paragraphs)
that the docx and pdf writers both render, so the two agree. The print conventions of RULES.md §7 are the
constants below; ``grid_lines`` breaks a paragraph into lines of the 28-character grid for the PDF writer,
as Word does with a document grid: a CJK character takes one cell, a Latin letter or digit half a cell,
and no line starts with closing punctuation or ends with opening punctuation (避头尾).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from model.document import Document
from model.report import (OVERALL, PROJECT, Report, has_report_text, level_of, ordered_reports, paragraphs,
                          project_of, section_numbers)

MM = 72 / 25.4  # points per millimetre
PAGE_MM = (210.0, 297.0)  # A4
MARGIN_TOP_MM, MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM = 37.0, 35.0, 28.0, 26.0
TEXT_WIDTH_PT = (PAGE_MM[0] - MARGIN_LEFT_MM - MARGIN_RIGHT_MM) * MM  # the 156 mm text block: 442 pt
LINE_PT = 28.0  # fixed line spacing of the body: 22 lines in the 225 mm text block
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
BODY_PT = 16.0  # 三号
TITLE_PT = 22.0  # 二号
TITLE_LINE_PT = 35.0  # the title's own fixed line spacing
PAGE_NUMBER_PT = 14.0  # 四号
PAGE_NUMBER_GAP_MM = 7.0  # below the text block
INDENT_CHARS = 2  # first-line indent of every paragraph and heading

# Font names as Word/WPS know them on Chinese Windows, with the fallback a machine without them uses.
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"  # 一、
KAI_FONT = "楷体_GB2312"  # （一）
PAGE_NUMBER_FONT = "宋体"
NUMBER_FONT = "Times New Roman"  # Latin letters and digits in Word
FALLBACKS = {BODY_FONT: "仿宋", KAI_FONT: "楷体", TITLE_FONT: "宋体"}

ATTACHMENT, TITLE, SUBTITLE, HEADING, BODY = "attachment", "title", "subtitle", "heading", "body"


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # attachment | title | subtitle | heading | body
    text: str  # a heading's text includes its number
    level: int = 0  # headings: 1 一、 2 （一） 3 1. 4 （1）
    new_page: bool = False  # a report after the first starts a page


def printed_reports(doc: Document, kind: str) -> list[Report]:
    """The reports of ``kind`` that are printed: those with text (a 项目 report only while its project exists)."""
    return [r for r in ordered_reports(doc) if r.kind == kind and has_report_text(r)
            and (kind == OVERALL or project_of(doc, r) is not None)]


def report_blocks(reports: Iterable[Report]) -> list[Block]:
    blocks: list[Block] = []
    for index, report in enumerate(reports):
        first = True
        if report.attachment:
            blocks.append(Block(ATTACHMENT, f"附件{report.attachment}", new_page=index > 0))
            first = False
        typed = [t.strip() for t in report.title.split("\n") if t.strip()] or [" "]
        for line in [part for t in typed for part in title_lines(t)]:
            blocks.append(Block(TITLE, line, new_page=index > 0 and first))
            first = False
        if report.subtitle.strip():
            blocks.append(Block(SUBTITLE, report.subtitle.strip()))
        for number, section in zip(section_numbers(report.sections), report.sections):
            heading = f"{number}{section.heading.strip()}"
            if heading:
                blocks.append(Block(HEADING, heading, level_of(section)))
            blocks += [Block(BODY, text) for text in paragraphs(section.text)]
    return blocks


# --- the title's lines (标题回行: 词意完整，排列对称) ---------------------------------------------

TITLE_CELLS = int(TEXT_WIDTH_PT // TITLE_PT)  # 20 characters of 二号
# where a title may turn: before the kind of report, after 年度, after a place (市 州 县 区) or a unit's kind
_REPORT_KIND = re.compile(r"(?:部门|单位|部门（单位）)?(?:整体|项目)?(?:支出)?绩效(?:自评|评价)报告$")
_TURNS = re.compile(r"(?<=年度)|(?<=[省市州县区])(?![省市州县区])|(?<=中心)|(?<=委员会)|(?<=办公室)|(?<=[局站队院])|(?<=[所部])(?![门属])")


def _cells(text: str) -> float:
    return sum(cell_width(c) for c in text.strip())  # a space where the title turns is not printed


def title_lines(title: str, cells: int = TITLE_CELLS) -> list[str]:
    """A title too long for one line, turned where its words allow: the kind of report on a line of its own
    (2024年度株洲市天元区征地工作协调服务中心 / 整体支出绩效自评报告), else the most even turn; only a title
    with no such place is left to the ordinary line breaking."""
    if _cells(title) <= cells:
        return [title]
    kind = _REPORT_KIND.search(title)
    if kind is not None and title[:kind.start()].strip() and _cells(kind.group()) <= cells:
        head = title_lines(title[:kind.start()], cells)
        return head + [kind.group()]
    turns = sorted({m.start() for m in _TURNS.finditer(title) if 0 < m.start() < len(title)})
    even = [(abs(_cells(title[:t]) - _cells(title[t:])), t) for t in turns
            if _cells(title[:t]) <= cells and _cells(title[t:]) <= cells]
    if even:
        head, tail = _turn(title, min(even)[1])
        return [head, tail]
    fitting = [t for t in turns if _cells(title[:t]) <= cells]
    if fitting:  # three lines or more: as much as fits first, the rest turned again
        head, tail = _turn(title, fitting[-1])
        return [head] + title_lines(tail, cells)
    return [title]


def _turn(title: str, at: int) -> tuple[str, str]:
    """The title turned at ``at``; a space there stays at the end of the first line (not printed), so the
    lines joined give the title back, as a reader of the file finds it."""
    tail = title[at:]
    spaces = len(tail) - len(tail.lstrip())
    return title[:at] + tail[:spaces], tail[spaces:]


def file_kinds(doc: Document) -> list[str]:
    """Which report files the document gives: overall and/or project."""
    return [kind for kind in (OVERALL, PROJECT) if printed_reports(doc, kind)]


# --- the character grid (PDF) ------------------------------------------------------------------

NO_LINE_START = set("，。、；：？！）》」』”’〕】…—,.;:?!)%")
NO_LINE_END = set("（《「『“‘〔【(")


def cell_width(char: str) -> float:
    """Cells a character takes: ASCII (letters, digits, half-width punctuation) half a cell, others one."""
    return 0.5 if ord(char) < 0x2E80 and char not in "“”‘’—…" else 1.0


def _word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in ".%")


def _tokens(text: str) -> list[str]:
    """Characters, with runs of Latin letters and digits (1454.55, 99.32%, S330) kept as one token."""
    tokens: list[str] = []
    for char in text:
        if tokens and _word_char(char) and _word_char(tokens[-1][-1]):
            tokens[-1] += char
        else:
            tokens.append(char)
    return tokens


@dataclass(frozen=True, slots=True)
class GridLine:
    chars: tuple[tuple[str, float], ...]  # (character, x in cells from the line's start)
    justified: bool  # spread over the full width (every line of a paragraph but its last)


Width = Callable[[str], float]


def grid_lines(text: str, cells: int = CHARS_PER_LINE, indent: float = INDENT_CHARS,
               cell_width: Width = cell_width) -> list[GridLine]:
    """``text`` broken into lines of ``cells`` cells, the first indented by ``indent`` cells;
    ``cell_width`` says how many cells a character takes."""
    lines: list[list[str]] = []
    current: list[str] = []
    used = indent
    for token in _tokens(text):
        if token.isspace() and not current and lines:  # a line never starts with a space
            continue
        width = sum(cell_width(c) for c in token)
        if current and used + width > cells + 1e-9:
            if token[0] in NO_LINE_START:  # pull the last character down with it
                carry = [current.pop()] if len(current) > 1 else []
            else:
                carry = []
            while current and current[-1][-1] in NO_LINE_END and len(current) > 1:
                carry.insert(0, current.pop())
            lines.append(current)
            current, used = carry, sum(cell_width(c) for t in carry for c in t)
        if width > cells:  # a token longer than a line (a long number): break it anywhere
            for char in token:
                if used + cell_width(char) > cells + 1e-9:
                    lines.append(current)
                    current, used = [], 0.0
                current.append(char)
                used += cell_width(char)
            continue
        current.append(token)
        used += width
    lines.append(current)
    result = []
    for number, tokens in enumerate(lines):
        start = indent if number == 0 else 0.0
        chars: list[tuple[str, float]] = []
        x = start
        for char in "".join(tokens):
            chars.append((char, x))
            x += cell_width(char)
        result.append(GridLine(tuple(chars), number < len(lines) - 1))
    return result


def justify(line: GridLine, cells: int = CHARS_PER_LINE, cell_width: Width = cell_width) -> list[tuple[str, float]]:
    """The line's characters with the space left at its end shared out between them (not after the last)."""
    if not line.justified or len(line.chars) < 2:
        return list(line.chars)
    last_char, last_x = line.chars[-1]
    spare = cells - (last_x + cell_width(last_char))
    if spare <= 0:
        return list(line.chars)
    step = spare / (len(line.chars) - 1)
    return [(char, x + step * index) for index, (char, x) in enumerate(line.chars)]


def text_block_pt() -> tuple[float, float, float, float]:
    """(left, top, width, height) of the text block in points from the page's top-left corner."""
    return MARGIN_LEFT_MM * MM, MARGIN_TOP_MM * MM, TEXT_WIDTH_PT, (PAGE_MM[1] - MARGIN_TOP_MM - MARGIN_BOTTOM_MM) * MM


def cell_pt() -> float:
    """Width of one grid cell: the text block's width over 28 (15.79 pt, a 三号 character slightly condensed)."""
    return TEXT_WIDTH_PT / CHARS_PER_LINE


__all__ = ["Block", "GridLine", "file_kinds", "grid_lines", "justify", "printed_reports", "report_blocks"]
