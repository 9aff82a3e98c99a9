"""Reading a printed 自评报告 into sections: the report's kind, its outline, and each paragraph under its heading.

A report starts at its title (…自评报告, found by importers.segments); the line under it, when short, is the
署名行 (the unit's name, seed 000). Every later line is a heading or a paragraph of the section above it.
A numbered line (importers.report_headings) is a heading when it reads like one and either continues the
numbering (一、 after 四、 … ; （一） under a new 一、) or matches a heading of the outline; a number that
starts over (seed 004's 一、工作开展情况 inside 六、) begins a list inside the text, and the numbered lines
after it stay text until the numbering of the headings goes on (七、). An unnumbered line is a heading only
when it is one of the outline's (其他需要说明的情况). Of the outlines of the report's kind, the one whose
headings match best is chosen; headings it lacks become sections of their own, so nothing is lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from model.jsonread import FormatError
from model.outline import Outline, OutlineSection, outlines_for
from model.report import MAX_LEVEL, OVERALL, PROJECT

from .report_headings import heading_like, numbered, similarity
from .rows import Row, clean
from .segments import Segment

ACCEPT = 0.75  # a heading out of the numbering sequence is still one when it matches the outline this well
KEY = 0.6  # a heading takes the outline section it matches at least this well (drafting, required, plans)
PLACE = 0.3  # … or, numbered in sequence, the outline section at its place when they share some words
UNNUMBERED = 0.9  # an unnumbered line is a heading only when it is (nearly) the outline's
_SUBTITLE_MAX = 40
MAX_LINES = 5000  # lines searched for headings (a 100-page report has about 2000 paragraphs)


@dataclass
class ReadSection:
    level: int
    numbered: bool
    heading: str
    key: str = ""
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class ReportRead:
    kind: str  # overall | project
    title: str  # as printed, without 附件N
    subtitle: str  # the line under the title ("" none)
    attachment: Optional[int]
    outline: Outline
    sections: list[ReadSection]
    matched: int  # sections whose heading is one of the outline's

    @property
    def names(self) -> str:
        """Where a 项目 report names its project: the title and the line under it."""
        return self.title + self.subtitle


def report_title(text: str) -> str:
    """The printed title without a leading 附件N (and without padding); a title turned over lines is one."""
    text = text.replace("\r", "").replace("\n", "")
    return clean(re.sub(r"^[\s\u3000]*附件[\s\u3000]*\d{1,2}[\s\u3000:：]*", "", text))


def report_kind(title: str) -> str:
    return PROJECT if "项目支出" in re.sub(r"\s+", "", title) else OVERALL


def lines_of(rows: list[Row]) -> list[str]:
    """The report's text lines: paragraphs as they are; a table row (rare in a report) as one line."""
    lines = []
    for row in rows:
        cells = [c for c in row.nonempty() if c.first]
        if not cells:
            continue
        if len(cells) == 1:
            lines += [line for line in cells[0].text.replace("\r", "").split("\n") if line.strip()]
        else:
            lines.append("　".join(clean(c.text).replace("\n", " ") for c in cells))
    return lines


class _Parser:
    def __init__(self, outline: Outline):
        self.outline = outline
        self.sections: list[ReadSection] = []
        self.preamble: list[str] = []
        self.counters = [0] * (MAX_LEVEL + 1)
        self.used: set[str] = set()
        self.body_level: Optional[int] = None  # inside a list that restarted the numbering at this level
        self.matched = 0
        self.score = 0.0
        self.parents: list[Optional[str]] = [None] * (MAX_LEVEL + 1)  # outline key of the open section per level

    def at_place(self, level: int, number: int) -> Optional[OutlineSection]:
        """The outline's ``number``-th section of ``level`` under the outline section the parent heading took."""
        parent = self.parents[level - 1] if level > 1 else None
        if level > 1 and parent is None:
            return None
        sections, inside, children = self.outline.sections, parent is None, []
        for part in sections:
            if parent is not None and part.key == parent:
                inside = True
                continue
            if not inside:
                continue
            if parent is not None and part.level < level:
                break
            if part.level == level:
                children.append(part)
        return children[number - 1] if 0 < number <= len(children) else None

    def best(self, text: str, levels) -> tuple[float, Optional[OutlineSection]]:
        found: tuple[float, Optional[OutlineSection]] = (0.0, None)
        for part in self.outline.sections:
            if part.key in self.used or (levels is not None and part.level not in levels):
                continue
            score = similarity(text, part.heading)
            if score > found[0]:
                found = (score, part)
        return found

    def add(self, level: int, is_numbered: bool, heading: str, number: Optional[int]) -> None:
        score, part = self.best(heading, (level,))
        if score < KEY:
            score, part = self.best(heading, None)
            score = score if score >= max(KEY, 0.85) else 0.0
        if score < KEY and number == self.counters[level] + 1:
            placed = self.at_place(level, number)
            if placed is not None and placed.key not in self.used and similarity(heading, placed.heading) >= PLACE:
                score, part = KEY, placed
        key = part.key if part is not None and score >= KEY else ""
        if key:
            self.used.add(key)
            self.matched += 1
            self.score += score
        self.sections.append(ReadSection(level, is_numbered, heading, key))
        if number is not None:
            self.counters[level] = number if number > self.counters[level] else self.counters[level] + 1
        self.parents[level] = key or None
        for deeper in range(level + 1, MAX_LEVEL + 1):
            self.counters[deeper] = 0
            self.parents[deeper] = None
        self.body_level = None

    def text(self, line: str) -> None:
        (self.sections[-1].paragraphs if self.sections else self.preamble).append(clean(line))

    def line(self, line: str) -> None:
        mark = numbered(line)
        if mark is None:
            score, part = self.best(line, None) if heading_like(line) else (0.0, None)
            if part is not None and score >= UNNUMBERED and (self.body_level is None or part.level <= self.body_level):
                self.add(part.level, False, clean(line), None)
            else:
                self.text(line)
            return
        if not mark.heading_like:
            self.text(line)
            return
        level = mark.levels[0]
        if len(mark.levels) > 1:  # 1、 is 1. (level 3) or a slip for 一、
            top, _ = self.best(mark.text, (1,))
            deep, _ = self.best(mark.text, (3,))
            if not self.sections or (top >= ACCEPT and top > deep):
                level = 1
        in_sequence = mark.number == self.counters[level] + 1
        accepted = in_sequence or self.best(mark.text, (level,))[0] >= ACCEPT
        if self.body_level is not None and level > self.body_level:
            accepted = False
        if accepted:
            self.add(level, True, mark.text, mark.number)
            return
        if self.sections and level <= self.sections[-1].level:
            self.body_level = level  # the numbering starts over: a list inside the text
        self.text(line)


def _no_outline(kind: str) -> Outline:
    return Outline("", "", kind, "", "", ())


def _parse(lines: list[str], outline: Outline) -> _Parser:
    parser = _Parser(outline)
    for line in lines[:MAX_LINES]:
        parser.line(line)
    for line in lines[MAX_LINES:]:  # far beyond any real report: kept as text, not searched for headings
        parser.text(line)
    return parser


def read_report(segment: Segment, title_text: str) -> ReportRead:
    """The report in ``segment`` (its rows after the title line ``title_text``)."""
    title = report_title(title_text)
    kind = report_kind(title)
    lines = lines_of(segment.rows)
    segment.use(*[c for row in segment.rows for c in row.nonempty()])
    subtitle = ""
    try:
        outlines = outlines_for(kind) or [_no_outline(kind)]
    except FormatError:  # a broken outline file: the headings are still read, in the file's own order
        outlines = [_no_outline(kind)]
    if lines and numbered(lines[0]) is None and len(clean(lines[0])) <= _SUBTITLE_MAX and heading_like(lines[0]) \
            and not lines[0].strip().endswith(("。", "：", ":")) \
            and all(similarity(lines[0], s.heading) < UNNUMBERED for o in outlines for s in o.sections):
        subtitle, lines = clean(lines[0]), lines[1:]
    parsed = [_parse(lines, outline) for outline in outlines]
    best = max(range(len(parsed)), key=lambda i: (parsed[i].score, -i))  # ties: the default (first) outline
    parser = parsed[best]
    sections = parser.sections
    if parser.preamble:  # text before the first heading: a section without heading (printed as it is)
        sections = [ReadSection(1, False, "", "", parser.preamble)] + sections
    return ReportRead(kind, title, subtitle, segment.attachment, outlines[best], sections, parser.matched)
