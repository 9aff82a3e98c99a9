"""新年度: next year's set started from this year's document (Qt-free).

What carries over is what a unit plans again: 单位信息 and the printed wording, the projects with their
indicator rows, 分值 and 年度指标值, the 年度总体目标·预期目标, the names of the 专项 rows. What is this year's
fact is cleared: 实际完成值, 得分, 偏差原因, 全年执行数 and the other funding figures, the printed 表上数. In the
基础数据表 this year's 本年决算数 become next year's 上年决算数.

The reports keep their sections and last year's text as a starting point, each text marked 上年文字 until it
is revised (model.carried); the titles and headings name the new year (2023年主要工作任务 → 2024年). Sections still holding an unedited draft stay
drafts, so 全部起草 drafts them again from the new year's forms. The 怀化 form keeps its 基本概况, 机构 names,
定性 预期目标, 定量 rows with their 指标值 and the 评价人员; its figures, 完成情况, 实际完成, 综合得分, 评价等次,
opinions and dates are cleared, and its narrative texts (年度主要工作内容, 总体运行情况及取得的成绩,
评价报告综述) are marked 上年文字 like the reports'.
"""
from __future__ import annotations

import copy
import re
from typing import Optional

from .carried import mark_carried
from .comprehensive import TABLE_CLASSES, ComprehensiveForm, QualitativeGoals
from .document import EXPENSE_LINES, BasicDataForm, Document, FundingLine, Goals, IncomeParts, ExpenseParts
from .edits import EditError
from .framework import Framework
from .report import project_of, section_path

def _carry(line) -> None:
    """本年决算数 → 上年决算数; this year's columns cleared."""
    line.prior, line.budget, line.final = line.final, None, None


def _basic(basic: BasicDataForm) -> None:
    for name, _, _ in EXPENSE_LINES:
        _carry(basic.line(name))
    for row in basic.special_rows + basic.transfer_rows:
        _carry(row)
    basic.staff_actual = None  # 编制数 rarely changes; the head count is next year's to type
    basic.building.approved_area = basic.building.actual_area = None
    basic.building.budget_investment = basic.building.actual_investment = None


def _scored(form) -> None:
    form.goals = Goals(form.goals.expected, "")
    for row in form.indicators:
        row.actual, row.score, row.deviation = "", None, ""
    form.stated_total = form.stated_rate = form.stated_funding_score = None


def _comprehensive(form: ComprehensiveForm) -> list[str]:
    """Clear this year's facts of the 怀化 form; the paths of its narrative texts to mark as last year's."""
    for organisation in form.organisations:
        for table, cls in TABLE_CLASSES.items():
            setattr(organisation, table, cls())
    form.goals = QualitativeGoals(form.goals.expected, "")
    for row in form.indicators:
        row.actual = ""
    form.score, form.grade = None, ""
    for name in ("leader_date", "department_date", "finance_date", "department_opinion", "finance_opinion"):
        setattr(form, name, "")
    return [f"comprehensive.{name}" for name in COMPREHENSIVE_TEXTS]


COMPREHENSIVE_TEXTS = ("main_work", "achievements", "report_summary")  # narratives of the year, to be revised


def _new_year_in(text: str, old: int, new: int, keep: str = "") -> str:
    """``text`` with the year ``old`` (2023年, 2023 年度) made ``new``, except inside ``keep`` (a project's
    name that carries a year of its own: 2020年建宁大桥南北辅道项目)."""
    pattern = re.compile(rf"(?<!\d){old}(?=\s*年)")
    if keep and keep in text:
        return keep.join(pattern.sub(str(new), part) for part in text.split(keep))
    return pattern.sub(str(new), text)


def _reports(doc: Document, old: int) -> list[str]:
    """Titles and headings for the new year; the paths of the sections whose text (not a draft) is carried over."""
    carried = []
    for report in doc.reports:
        project = project_of(doc, report)
        name = project.name.strip() if project is not None else ""
        report.title = _new_year_in(report.title, old, doc.unit.year, name)
        report.subtitle = _new_year_in(report.subtitle, old, doc.unit.year, name)
        for section in report.sections:  # （二）2023年主要工作任务 → 2024年
            section.heading = _new_year_in(section.heading, old, doc.unit.year, name)
        carried += [section_path(report.id, s.id) for s in report.sections if s.text.strip() and not s.draft]
    return carried


def next_year(doc: Document, framework: Optional[Framework] = None) -> Document:
    """A new document for ``doc.unit.year + 1`` (``doc`` itself is not changed).

    ``framework`` (optional) replaces the framework of every form; rows are kept as they are and re-mapped
    by their 一级/二级指标 names, so a row that does not fit the new framework is kept and listed by the
    checks until it is moved.
    """
    new = copy.deepcopy(doc)
    new.unit.year = doc.unit.year + 1
    new.unit.fill_date = ""
    if new.basic is not None:
        _basic(new.basic)
    if new.overall is not None:
        overall = new.overall
        overall.funding, overall.income, overall.expense = FundingLine(), IncomeParts(), ExpenseParts()
        _scored(overall)
    for project in new.projects:
        for name in ("current", "carryover", "other", "special_account", "stated_funding"):
            setattr(project, name, FundingLine())
        if project.closing is not None:
            project.closing = type(project.closing)()
        _scored(project)
    texts = _reports(new, doc.unit.year)
    if new.comprehensive is not None:
        texts += _comprehensive(new.comprehensive)
    mark_carried(new, texts)
    if framework is not None:
        _change_framework(new, framework)
    return new


def fitting_framework_id(year: int) -> str:
    """The shipped framework a year calls for (resources/frameworks/years.json: the 2023 style up to 2023,
    the 2024 style from 2024 on)."""
    from .framework_file import framework_for_year
    return framework_for_year(year)[0].id


def _change_framework(doc: Document, framework: Framework) -> None:
    """Every scored form on ``framework``, rows re-mapped by their 一级/二级 names as the window's 更换指标体系
    does (model.framework_edits); a row that does not fit is kept and listed by the checks until moved. The
    frameworks of other forms (the 怀化 form's grade bands) stay."""
    from .framework_edits import change_framework, scored_keys
    keys = scored_keys(doc)
    if keys:
        try:
            change_framework(doc, keys, framework).apply(doc)
        except EditError:
            pass  # every form already uses it
