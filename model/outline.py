"""Report outlines (报告提纲) with their drafting templates: data in resources/outlines/*.json, never code.

An outline names a report's sections in order (nested: 一、 holds its （一）…) and, per section, the
template that drafts it from the forms. A bureau changes its wording by editing the file; the strict
reader names the place of any mistake, including an unknown placeholder, in Chinese.

Template pieces (each yields paragraphs of the drafted text; docs/reports.md explains them with examples):

* ``"文字{占位符}文字[[可省略的分句{占位符}]]"``: a paragraph; it is left out when a placeholder outside
  ``[[ ]]`` has no value in the forms, and a ``[[ ]]`` clause is left out alone when one inside it has none or 0;
* ``{"if": "占位符", "text": "…", "else": "…"}``: ``text`` when the figure is there and not 0, else ``else``;
* ``{"each": "项目"|"指标", "text": "…", "where": "达成"|"未达成"|"有偏差原因", "level1": ["产出指标"],
  "join": "；", "before": "…", "after": "…", "else": "…"}``: ``text`` once per project or indicator row
  (optionally only some), each its own paragraph or, with ``join``, all in one paragraph between ``before``
  and ``after``; ``else`` when there is none.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Optional

from .jsonread import FormatError, Reader
from .report import MAX_HEADING, MAX_LEVEL, OVERALL, REPORT_KINDS
from .report_facts import FILTERS, LOOPS, SCALARS
from .resources import resource_dir

PLACEHOLDER = re.compile(r"\{([^{}\s]{1,30})\}")
CLAUSE = re.compile(r"\[\[(.*?)\]\]", re.S)
KEY = re.compile(r"[A-Za-z0-9_-]{1,60}")


@dataclass(frozen=True, slots=True)
class Piece:
    """One element of a section's template."""

    text: str
    each: Optional[str] = None  # 项目 | 指标: repeat per item
    condition: Optional[str] = None  # "if": the placeholder that decides
    otherwise: str = ""  # "else"
    where: Optional[str] = None  # one of report_facts.FILTERS
    level1: tuple[str, ...] = ()  # only indicator rows of these 一级指标
    join: Optional[str] = None  # all items in one paragraph, separated by this
    before: str = ""
    after: str = ""


@dataclass(frozen=True, slots=True)
class OutlineSection:
    key: str
    heading: str
    level: int
    numbered: bool = True
    required: bool = True  # an empty one is a finding
    plans: bool = False  # speaks of what is planned: years after the report's year are expected there
    template: tuple[Piece, ...] = ()


@dataclass(frozen=True, slots=True)
class Outline:
    id: str
    name: str
    kind: str  # overall | project
    title: str  # template of the report's title
    subtitle: str  # template of the line under it ("" none)
    sections: tuple[OutlineSection, ...]  # flattened, in print order
    note: str = ""

    def section(self, key: str) -> Optional[OutlineSection]:
        return next((s for s in self.sections if s.key == key), None)


def _check_text(reader: Reader, text: str, names: dict, what: str) -> None:
    for name in PLACEHOLDER.findall(text):
        if name not in names:
            reader.fail(f"{what}中的占位符“{{{name}}}”不认识；可用的有 {'、'.join(sorted(names))[:400]}")
    stripped = CLAUSE.sub("", text)
    if "[[" in stripped or "]]" in stripped:
        reader.fail(f"{what}中的“[[”与“]]”不成对")
    if PLACEHOLDER.sub("", stripped).count("{") or PLACEHOLDER.sub("", stripped).count("}"):
        reader.fail(f"{what}中有不成对的花括号，占位符应写成“{{名称}}”")


def _piece(reader: Reader, kind: str) -> Piece:
    scalars = SCALARS[kind]
    if isinstance(reader.value, str):
        _check_text(reader, reader.value, scalars, "段落")
        return Piece(reader.text(allow_empty=False))
    reader.obj()
    each = reader.field("each", "循环", None).text() or None
    names = dict(scalars)
    if each is not None:
        if each not in LOOPS[kind]:
            reader.fail(f"循环“{each}”不认识；{REPORT_KINDS[kind]}可用 {'、'.join(LOOPS[kind])}")
        names.update(LOOPS[kind][each])
    text = reader.field("text", "文字").text(allow_empty=False)
    _check_text(reader, text, names, "文字")
    condition = reader.field("if", "条件", None).text() or None
    if condition is not None and condition not in scalars:
        reader.fail(f"条件“{condition}”不是可用的占位符")
    otherwise = reader.field("else", "否则", "").text()
    _check_text(reader, otherwise, scalars, "否则")
    where = reader.field("where", "筛选", None).text() or None
    level1 = tuple(item.text(allow_empty=False) for item in reader.field("level1", "一级指标", []).items("项"))
    join = reader.field("join", "连接", None).text() if reader.has("join") else None
    before = reader.field("before", "前文", "").text()
    after = reader.field("after", "后文", "").text()
    for extra, label in ((before, "前文"), (after, "后文")):
        _check_text(reader, extra, scalars, label)
    if each != "指标" and (where is not None or level1):
        reader.fail("“筛选”和“一级指标”只用于“指标”循环")
    if where is not None and where not in FILTERS:
        reader.fail(f"筛选“{where}”不认识；可用 {'、'.join(FILTERS)}")
    if each is None and (join is not None or before or after):
        reader.fail("“连接”“前文”“后文”只用于循环")
    reader.no_unknown_fields()
    return Piece(text, each, condition, otherwise, where, level1, join, before, after)


def _sections(reader: Reader, kind: str, level: int, keys: set[str], out: list[OutlineSection]) -> None:
    for item in reader.items("节"):
        item.obj()
        key = item.field("key", "编号").text(allow_empty=False)
        if not KEY.fullmatch(key):
            item.fail(f"编号“{key[:40]}”只能由字母、数字、-、_ 组成")
        if key in keys:
            item.fail(f"编号“{key}”重复")
        keys.add(key)
        heading = item.field("heading", "标题").text(allow_empty=False, max_length=MAX_HEADING)
        numbered = item.field("numbered", "编号显示", True).boolean()
        required = item.field("required", "必填", True).boolean()
        plans = item.field("plans", "计划性内容", False).boolean()
        template = tuple(_piece(piece, kind) for piece in item.field("template", "起草模板", []).items("段"))
        out.append(OutlineSection(key, heading, level, numbered, required, plans, template))
        if item.has("sections"):
            if level >= MAX_LEVEL:
                item.fail(f"章节最多 {MAX_LEVEL} 层")
            _sections(item.field("sections", "下级章节"), kind, level + 1, keys, out)
        else:
            item.field("sections", "下级章节", None)
        item.no_unknown_fields()


def outline_from_reader(reader: Reader) -> Outline:
    reader.obj()
    ident = reader.field("id", "编号").text(allow_empty=False)
    if not KEY.fullmatch(ident):
        reader.fail(f"编号“{ident[:40]}”只能由字母、数字、-、_ 组成")
    name = reader.field("name", "名称").text(allow_empty=False)
    kind = reader.field("kind", "报告类别").choice(REPORT_KINDS)
    title = reader.field("title", "报告标题").text(allow_empty=False, max_length=MAX_HEADING)
    subtitle = reader.field("subtitle", "署名行", "").text(max_length=MAX_HEADING)
    for text, label in ((title, "报告标题"), (subtitle, "署名行")):
        _check_text(reader, text, SCALARS[kind], label)
    note = reader.field("note", "说明", "").text()
    sections: list[OutlineSection] = []
    _sections(reader.field("sections", "章节"), kind, 1, set(), sections)
    if not sections:
        reader.fail("至少要有一节")
    reader.no_unknown_fields()
    return Outline(ident, name, kind, title, subtitle, tuple(sections), note)


def outline_from_dict(data: dict, where: str = "报告提纲") -> Outline:
    return outline_from_reader(Reader(data, where))


_builtin: dict[str, Outline] = {}
_failure: list[str] = []  # the message of a broken outline file, kept so it is not read again at every check


def reset() -> None:
    """Read the outline files again at the next use (tests change them)."""
    _builtin.clear()
    _failure.clear()


def builtin_outlines() -> dict[str, Outline]:
    """The outlines shipped in resources/outlines, by id, in file-name order (the first of a kind is its default).

    FormatError names a broken file; the outlines are read once per process."""
    if _failure:
        raise FormatError(_failure[0])
    if not _builtin:
        try:
            _builtin.update(_read_outlines())
        except FormatError as error:
            _failure.append(str(error))
            raise
    return dict(_builtin)


def _read_outlines() -> dict[str, Outline]:
    found = {}
    for path in sorted(Path(resource_dir("outlines")).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
        except (json.JSONDecodeError, UnicodeDecodeError, OSError) as error:
            where = f"（第 {error.lineno} 行）" if isinstance(error, json.JSONDecodeError) else ""
            raise FormatError(f"报告提纲文件 {path.name} 无法读取或不是有效的 JSON{where}") from None
        outline = outline_from_dict(data, f"报告提纲文件 {path.name}")
        if outline.id in found:
            raise FormatError(f"报告提纲文件 {path.name}：编号“{outline.id}”与另一个提纲重复")
        found[outline.id] = outline
    return found


def outlines_for(kind: str) -> list[Outline]:
    return [o for o in builtin_outlines().values() if o.kind == kind]


def default_outline(kind: str = OVERALL) -> Outline:
    choices = outlines_for(kind)
    if not choices:
        raise FormatError(f"没有{REPORT_KINDS[kind]}的提纲（resources/outlines）")
    return choices[0]


def find_outline(ident: str) -> Optional[Outline]:
    """The shipped outline ``ident``; None when this installation has no such outline."""
    try:
        return builtin_outlines().get(ident)
    except FormatError:
        return None
