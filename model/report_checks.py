"""Checks of the reports' text against the forms (绩效自评报告数据与财务数据口径不一致 is a standard finding).

* A figure written next to a known label (基本支出, 项目支出, 公用经费, 三公经费, 整体支出, 全年预算数,
  全年执行数, 执行率, 总分, a project's name) that none of the forms' figures for that label equals: the
  message names what the text says and what each form holds. A figure may be rounded (99.3% for 99.32%).
  A paragraph naming one project speaks of that project, and so do the paragraphs after it in the section.
* A year after the report's year in a statement of what was done (sections about plans are exempt, and so
  are sentences saying what will be done: 将, 拟, 计划, 预计 …).
* An empty required section; a report with no text at all; drafts never edited; prompt text left in;
  last year's text carried over by 新年度 and not yet revised (model.carried).
* The report's title naming another unit or year than 单位信息; a project report whose project is gone.

Each finding points at the section's text (``reports[rp1].sections[h3].text``); ``check_reports`` also
says which paragraph, for the window to mark.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable, Optional

from .carried import carried_paths
from .document import Document, ProjectForm, expense_line_name, form_title, project_key
from .findings import WARNING, Finding
from .money import fmt2, q2
from .outline import find_outline
from .report import (PROJECT, Report, has_report_text, has_text, is_report_key, level_of, ordered_reports, paragraphs,
                     project_of, report_id_of, report_key, report_title, section_numbers)
from .scoring import FormResult

PROMPT = "【请补充"
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
_PLANS = ("将", "拟", "计划", "预计", "下一步", "今后", "明年", "争取", "力争", "会在", "会应用", "打算")
_FIGURE = re.compile(r"(\d+(?:\.\d+)?)(万元|万|%|分)")
_CLAUSE_END = "，,。；;：:！？!?、（("
_SENTENCE_END = "。；;！？!?"
_NOISE = re.compile(r"[\s\u3000“”\"‘’'「」『』]")
AMOUNT, RATE, POINTS = "amount", "rate", "points"
LABELS = {"基本支出": AMOUNT, "项目支出": AMOUNT, "公用经费": AMOUNT, "三公经费": AMOUNT, "整体支出": AMOUNT,
          "全年预算数": AMOUNT, "全年执行数": AMOUNT, "执行率": RATE, "总分": POINTS}
_LABEL_RE = re.compile("|".join(sorted(LABELS, key=len, reverse=True)))


def _clean(text: str) -> str:
    """Text as the checks read it: no spaces (extracted PDFs put them around figures) and no quotes."""
    return _NOISE.sub("", text)


def _figure(number: str, unit: str) -> tuple[Decimal, str, int]:
    decimals = len(number.split(".")[1]) if "." in number else 0
    kind = {"%": RATE, "分": POINTS}.get(unit, AMOUNT)
    return Decimal(number), kind, decimals


def _agrees(written: Decimal, decimals: int, value: Optional[Decimal]) -> bool:
    """Written with ``decimals`` places, does it equal ``value`` rounded so (1454.6 for 1454.56 does)?"""
    if value is None:
        return False
    exponent = Decimal(1).scaleb(-decimals)
    return value.quantize(exponent, rounding=ROUND_HALF_UP) == written.quantize(exponent)


class _Figures:
    """What the forms hold for each label: (form name, value) per column (actual, budget, prior)."""

    def __init__(self, doc: Document, results: dict[str, FormResult]):
        self.doc, self.results = doc, results
        overall, basic = doc.overall, doc.basic
        o_title, b_title = form_title(doc, "overall"), form_title(doc, "basic")
        table: dict[str, dict[str, list[tuple[str, Optional[Decimal]]]]] = {}

        def add(label: str, column: str, where: str, value: Optional[Decimal]) -> None:
            if value is not None:
                table.setdefault(label, {}).setdefault(column, []).append((where, value))

        if overall is not None:
            add("基本支出", "actual", f"{o_title}（按支出性质分）", overall.expense.basic)
            add("项目支出", "actual", f"{o_title}（按支出性质分）", overall.expense.project)
            for label in ("整体支出", "全年执行数"):
                add(label, "actual", f"{o_title}的全年执行数", overall.funding.executed)
                add(label, "budget", f"{o_title}的全年预算数", overall.funding.annual)
            add("全年预算数", "actual", f"{o_title}的全年预算数", overall.funding.annual)
            result = results.get("overall")
            if result is not None:
                add("执行率", "actual", o_title, result.rate * 100 if result.rate is not None else None)
                add("总分", "actual", o_title, result.total)
        if basic is not None:
            for label, attribute in (("基本支出", "basic_adjustment"), ("项目支出", "project_total"),
                                     ("公用经费", "public_total"), ("三公经费", "three_public")):
                line = basic.line(attribute)
                primary = label in ("公用经费", "三公经费")  # only the 基础数据表 holds these
                row = f"{b_title}“{expense_line_name(doc.labels, attribute)}”行"
                add(label, "actual" if primary else "other", f"{row}本年决算数", line.final)
                add(label, "budget", f"{row}本年预算数", line.budget)
                add(label, "prior", f"{row}上年决算数", line.prior)
        self.table = table
        self._projects: dict[str, dict[str, dict[str, list]]] = {}

    def project(self, project: ProjectForm) -> dict[str, dict[str, list]]:
        if project.id not in self._projects:
            self._projects[project.id] = self._project(project)
        return self._projects[project.id]

    def _project(self, project: ProjectForm) -> dict[str, dict[str, list]]:
        title = form_title(self.doc, project_key(project.id))
        line = project.annual_funding
        table: dict[str, dict[str, list]] = {}
        for label in ("项目支出", "整体支出", "全年执行数"):
            table[label] = {"actual": [(f"{title}的全年执行数", line.executed)],
                            "budget": [(f"{title}的全年预算数", line.annual), (f"{title}的年初预算数", line.initial)]}
        table["全年预算数"] = {"actual": [(f"{title}的全年预算数", line.annual)]}
        result = self.results.get(project_key(project.id))
        if result is not None:
            table["执行率"] = {"actual": [(title, result.rate * 100 if result.rate is not None else None)]}
            table["总分"] = {"actual": [(title, result.total)]}
        return table


def _written(found: re.Match) -> str:
    number, unit = found.group(1), found.group(2)
    return f"{number}{unit}" if unit == "%" else f"{number} {'万元' if unit == '万' else unit}"


def _column(gap: str) -> str:
    if "预算" in gap:
        return "budget"
    if "上年" in gap or "去年" in gap:
        return "prior"
    return "actual"


def _shown(kind: str, value: Decimal) -> str:
    if kind == RATE:
        return f"{q2(value):.2f}%"
    if kind == POINTS:
        return f"{q2(value):.2f} 分"
    return f"{fmt2(value)} 万元"


class _Checker:
    def __init__(self, doc: Document, results: dict[str, FormResult]):
        self.doc, self.figures = doc, _Figures(doc, results)
        self.carried = carried_paths(doc)  # texts still last year's
        self.items: list[tuple[Finding, Optional[int]]] = []
        self.names = {_clean(p.name): p for p in doc.projects if len(_clean(p.name)) >= 2}
        # A project named like the unit (seed 000) counts only where the name is quoted: “…”
        self.unit_named = {name for name in self.names if name == _clean(doc.unit.name)}
        self.name_re = re.compile("|".join(re.escape(n) for n in sorted(self.names, key=len, reverse=True))) \
            if self.names else None

    def mentioned(self, paragraph: str, text: str) -> set[str]:
        """The projects a paragraph names (``text`` is the paragraph cleaned)."""
        found = {m.group(0) for m in self.name_re.finditer(text)} if self.name_re else set()
        if found & self.unit_named:
            quoted = re.sub(r"[\s\u3000]", "", paragraph)
            found = {n for n in found if n not in self.unit_named or f"“{n}”" in quoted or f'"{n}"' in quoted}
        return found

    def add(self, code: str, report: Report, path: str, message: str, paragraph: Optional[int] = None) -> None:
        key = report_key(report.id)
        title = report_title(self.doc, key)
        self.items.append((Finding(WARNING, code, f"{title}：{message}", key, path), paragraph))

    # --- figures ---
    def figures_in(self, report: Report, where: str, path: str, number: int, text: str,
                   context: Optional[ProjectForm]) -> None:
        table = self.figures.project(context) if context is not None else self.figures.table
        for match in _LABEL_RE.finditer(text):
            label = match.group(0)
            rest = text[match.end():match.end() + 30]
            cut = next((i for i, ch in enumerate(rest) if ch in _CLAUSE_END), len(rest))
            found = _FIGURE.search(rest[:cut])
            if found is None:
                continue
            written, kind, decimals = _figure(found.group(1), found.group(2))
            if kind != LABELS[label]:
                continue
            column = _column(rest[:found.start()])
            candidates = [(w, v) for w, v in table.get(label, {}).get(column, []) if v is not None]
            if not candidates or any(_agrees(written, decimals, v) for _, v in candidates):
                continue
            held = "；".join(f"{w}为 {_shown(kind, v)}" for w, v in candidates)
            others = [(w, v) for w, v in table.get(label, {}).get("other", []) if v is not None]
            also = "（" + "；".join(f"{w}为 {_shown(kind, v)}" for w, v in others) + "）" if others else ""
            words = {"budget": "预算", "prior": "上年"}.get(column, "")
            self.add("report.figure_mismatch", report, path,
                     f"{where}第{number}段写{label}{words} {_written(found)}，而{held}{also}，请核对", number)

    def project_amounts(self, report: Report, where: str, path: str, number: int, text: str,
                        project: ProjectForm) -> None:
        name = _clean(project.name)
        starts = [m.start() for m in re.finditer(re.escape(name), text)]
        if not starts:
            return
        line = project.annual_funding  # what the project form holds, worked out once for every mention
        values = {v for source in (line, *project.sources()) for v in source.values() if v is not None}
        for start in starts:
            end = next((i for i in range(start, len(text)) if text[i] in _SENTENCE_END), len(text))
            for found in _FIGURE.finditer(text, start + len(name), end):
                written, kind, decimals = _figure(found.group(1), found.group(2))
                if kind != AMOUNT or any(_agrees(written, decimals, v) for v in values):
                    continue
                held = "、".join(f"{label} {fmt2(v)}" for label, v in (("年初预算数", line.initial),
                                                                    ("全年预算数", line.annual),
                                                                    ("全年执行数", line.executed)) if v is not None)
                self.add("report.figure_mismatch", report, path,
                         f"{where}第{number}段写“{project.name}” {_written(found)}，而"
                         f"{form_title(self.doc, project_key(project.id))}中{held} 万元，均不相符，请核对", number)

    # --- one report ---
    def report(self, report: Report) -> None:
        doc, key = self.doc, report_key(report.id)
        outline = find_outline(report.outline)
        own = project_of(doc, report)
        if report.kind == PROJECT and own is None:
            self.add("report.orphan", report, f"{key}.title", "对应的项目支出绩效自评表已删除，报告不会导出")
            return
        self.title(report, own)
        if not has_report_text(report):
            if report.sections:
                self.add("report.section_empty", report, f"{key}.sections[{report.sections[0].id}].text",
                         "尚未填写（可点“全部起草”从各表起草）")
            return
        numbers = section_numbers(report.sections)
        drafts, prompts, carried = [], [], []
        chain: list[str] = []
        planning: list[bool] = []  # per level: does the section speak of plans (a sub-section inherits it)
        for index, section in enumerate(report.sections):
            level = level_of(section)
            chain = chain[:level - 1] + [numbers[index]]
            parents = "".join(n.rstrip("、") for n in chain[:-1])
            where = f"“{parents}{chain[-1]}{section.heading.strip()}”"
            path = f"{key}.sections[{section.id}].text"
            part = outline.section(section.key) if outline is not None and section.key else None
            if part is not None and part.required and not has_text(report.sections, index):
                self.add("report.section_empty", report, path, f"{where}是必填的一节，尚未填写")
            if section.draft and section.text.strip():
                drafts.append((section, path))
            if PROMPT in section.text:
                prompts.append((section, path))
            if path in self.carried:
                carried.append((section, path))
            plans = part.plans if part is not None else bool(planning[level - 2:level - 1] and planning[level - 2])
            planning = planning[:level - 1] + [plans]
            context = own
            for number, paragraph in enumerate(paragraphs(section.text), start=1):
                text = _clean(paragraph)
                named = self.mentioned(paragraph, text)
                if own is None and len(named) == 1:
                    context = self.names[named.pop()]
                elif own is None and len(named) > 1:
                    context = None
                self.figures_in(report, where, path, number, text, context)
                if context is not None and (own is not None or len(named) <= 1):
                    self.project_amounts(report, where, path, number, text, context)
                if not plans:
                    self.years(report, where, path, number, paragraph)
        for found, code, what in ((drafts, "report.draft_unedited", "仍是自动起草的草稿，请核对修改"),
                                  (prompts, "report.prompt_left", "仍有待补充的提示文字“【请补充：…】”"),
                                  (carried, "text.carried_unrevised",
                                   "仍是上年的文字，请按本年度情况修改（内容不必改动的可点“沿用”）")):
            if found:
                heads = "、".join(f"“{s.heading.strip()}”" for s, _ in found[:3]) + ("等" if len(found) > 3 else "")
                self.add(code, report, found[0][1], f"{len(found)} 节{what}：{heads}")

    def years(self, report: Report, where: str, path: str, number: int, paragraph: str) -> None:
        year = self.doc.unit.year
        text = _clean(paragraph)
        if not any(int(y) > year for y in _YEAR.findall(text)):
            return
        for sentence in re.split(r"[。！？!?；;]", text):
            later = [int(y) for y in _YEAR.findall(sentence) if int(y) > year]
            if later and not any(word in sentence for word in _PLANS):
                self.add("text.future_year", report, path,
                         f"{where}第{number}段写有“{later[0]}年”，晚于本报告年度 {year} 年，请核对是否笔误", number)
                return

    def title(self, report: Report, project: Optional[ProjectForm]) -> None:
        unit = self.doc.unit
        path = f"{report_key(report.id)}.title"
        heading = _clean(f"{report.title}{report.subtitle}")
        if project is not None and _clean(project.name):  # 2020年建宁大桥南北辅道项目 names a year of its own
            heading = heading.replace(_clean(project.name), "")
        name = _clean(unit.name)
        if name and name not in _clean(f"{report.title}{report.subtitle}"):
            self.add("report.unit_mismatch", report, path,
                     f"标题“{(report.title + ' ' + report.subtitle).strip()}”中没有单位信息中的单位名称“{unit.name.strip()}”，"
                     f"请核对单位名称")
        wrong = [int(y) for y in _YEAR.findall(heading) if int(y) != unit.year]
        if wrong:
            self.add("report.year_mismatch", report, path,
                     f"标题写“{wrong[0]}年”，而单位信息中的年度为 {unit.year} 年，请核对")


Items = list[tuple[Finding, Optional[int]]]


def check_reports(doc: Document, results: dict[str, FormResult], only: Optional[set[str]] = None,
                  previous: Optional[dict[str, Items]] = None) -> dict[str, Items]:
    """Findings about each report by report id, in print order, each with the number (from 1) of the paragraph
    it is about, if any. Reports not in ``only`` (ids; None: all) keep their ``previous`` findings."""
    checker = _Checker(doc, results)
    found: dict[str, Items] = {}
    for report in ordered_reports(doc):
        if only is not None and previous is not None and report.id not in only and report.id in previous:
            found[report.id] = previous[report.id]
            continue
        checker.items = []
        checker.report(report)
        found[report.id] = checker.items
    return found


def affected_reports(doc: Document, changed: Optional[Iterable[str]]) -> Optional[set[str]]:
    """Ids of the reports whose checks an edit of the forms ``changed`` (form keys) may change; None: all.

    A report's own edit concerns that report; a project's, the 整体 report (it names every project) and the
    project's own; anything else (整体表, 基础数据表, 单位信息) every report.
    """
    if changed is None:
        return None
    ids: set[str] = set()
    for key in changed:
        if is_report_key(key):
            ids.add(report_id_of(key))
        elif key.startswith("projects[") and key.endswith("]"):
            project = key[len("projects["):-1]
            ids |= {r.id for r in doc.reports if r.kind != PROJECT or r.project == project}
        else:
            return None
    return ids
