"""Layouts of the 部门整体支出绩效自评表 and the 项目支出绩效自评表 (seeds 000, 002, 003, 004).

Nine columns, printed landscape:
0 side label (年度预算申请 / 年度总体目标 / 绩效指标) · 1 一级指标 · 2 二级指标 · 3 三级指标 · 4 年度指标值 ·
5 实际完成值 · 6 分值 · 7 得分 · 8 偏差原因分析及改进措施
"""
from __future__ import annotations

from typing import Optional

from ..document import (ClosingTexts, Document, ExpenseParts, FundingLine, IncomeParts, IndicatorRow, Labels,
                        ScoredForm, indicator_groups)
from ..framework import Framework
from ..registry import label_of, specs
from ..scoring import FormResult
from .attachments import attachment_text
from .builder import GridBuilder, goals_block
from .grid import Fmt, Layout, Role

WIDTHS_MM = (16.0, 22.0, 28.0, 54.0, 24.0, 28.0, 12.0, 16.0, 64.0)  # 264 mm: A4 landscape, 15 mm margins
_ROW_COLUMNS = ("level1", "level2", "name", "target", "actual", "points", "score", "deviation")
PROJECT_NOTE = "备注：一个一级项目支出一张表。"
# Labels.funding_as_totals (seed 002): these rows stand in for the 年度预算申请 block
TOTAL_ROWS = (("合计", "funding.executed"), ("（2）项目支出", "expense.project"))
PROJECT_TITLE = "项目支出绩效自评表"


def indicator_headers(labels: Labels) -> tuple[str, ...]:
    """一级指标 … 得分 (or 自评得分) … 偏差原因分析及改进措施."""
    return tuple(labels.score if name == "score" else label_of(IndicatorRow, name) for name in _ROW_COLUMNS)


def funding_headers(labels: Labels) -> tuple[str, ...]:
    return tuple(label_of(FundingLine, name) for name in ("initial", "annual", "executed")) + (
        "分值", "执行率", labels.score)


def _heading(g: GridBuilder, attachment: Optional[str], title: str, year: int) -> None:
    if attachment:
        g.full(attachment, Role.SUBTITLE)
        g.newline()
    g.full(title, Role.TITLE)
    g.newline()
    g.cell(0, "填报单位：（盖章）", Role.SUBTITLE, colspan=4)
    g.cell(4, f"（{year}年度）", Role.SUBTITLE, colspan=3, align="center")
    g.newline()


def _funding_header(g: GridBuilder, labels: Labels) -> None:
    g.cell(1, "", Role.HEADER, colspan=2)
    for offset, text in enumerate(funding_headers(labels)):
        g.cell(3 + offset, text, Role.HEADER)
    g.newline()


def _funding_block(g: GridBuilder, side_label: str, rows: int, key: str, result: FormResult,
                   typed_total: bool, form, labels: Labels) -> None:
    """The side label, the column headings and the 年度资金总额 row: typed on the overall form,
    the sum of its sources (computed) on a project form."""
    g.cell(0, side_label, Role.LABEL, rowspan=rows)
    _funding_header(g, labels)
    g.cell(1, "年度资金总额", Role.LABEL, colspan=2)
    for offset, name in enumerate(("initial", "annual", "executed")):
        if typed_total:
            g.field(3 + offset, f"{key}.funding.{name}", getattr(form.funding, name), Fmt.AMOUNT)
        else:
            g.computed(3 + offset, f"{key}.funding.{name}", getattr(result.funding, name), Fmt.AMOUNT)
    _funding_results(g, key, result)
    g.newline()


def _funding_results(g: GridBuilder, key: str, result: FormResult) -> None:
    g.computed(6, f"{key}.funding.points", result.funding_points, Fmt.POINTS)
    g.computed(7, f"{key}.funding.rate", result.rate, Fmt.PERCENT, empty="—")
    g.computed(8, f"{key}.funding.score", result.funding_score if result.funding_points else None, Fmt.SCORE,
               empty="—" if not result.funding_points else "")


def _wide_row(g: GridBuilder, label: str, path: str, value) -> None:
    """A label over the three left columns and its text over the rest (预算部门名称, 部门职责 …)."""
    g.cell(0, label, Role.LABEL, colspan=3)
    g.field(3, path, value, colspan=6)
    g.newline()


def _parts(cls: type) -> tuple[tuple[str, str], ...]:
    """(printed label, attribute) of 按收入性质分 / 按支出性质分, the first one with 其中：."""
    return tuple((f"{'其中：' if index == 0 else ''}{spec.label}：", name)
                 for index, (name, spec) in enumerate(specs(cls)))


def _overall_top(g: GridBuilder, doc: Document, key: str, form, result: FormResult) -> None:
    labels = doc.labels
    _wide_row(g, labels.unit_name, "unit.name", doc.unit.name)
    if labels.show_codes or doc.unit.code:
        _wide_row(g, label_of(type(doc.unit), "code"), "unit.code", doc.unit.code)
    if form.duties is not None:
        _wide_row(g, "部门职责", f"{key}.duties", form.duties)
    if labels.funding_as_totals:
        _total_rows(g, key, form)
        return
    _funding_block(g, "年度预算申请（万元）", 7, key, result, True, form, labels)
    g.cell(1, "按收入性质分：", Role.LABEL, colspan=4, align="left")
    g.cell(5, "按支出性质分：", Role.LABEL, colspan=4, align="left")
    g.newline()
    income, expense = _parts(IncomeParts), _parts(ExpenseParts)
    for index, (label, name) in enumerate(income):
        g.cell(1, label, Role.LABEL, colspan=3, align="left")
        g.field(4, f"{key}.income.{name}", getattr(form.income, name), Fmt.AMOUNT)
        if index < len(expense):
            label2, name2 = expense[index]
            g.cell(5, label2, Role.LABEL, colspan=2, align="left")
            g.field(7, f"{key}.expense.{name2}", getattr(form.expense, name2), Fmt.AMOUNT, colspan=2)
        else:  # blank under 按支出性质分, merged like the rows above
            g.cell(5, "", Role.LABEL, colspan=2)
            g.cell(7, "", Role.LABEL, colspan=2)
        g.newline()


def _total_rows(g: GridBuilder, key: str, form) -> None:
    """合计 (全年执行数) and （2）项目支出 as seed 002 prints them: label, an empty cell, the amount."""
    for label, path in TOTAL_ROWS:
        holder, name = path.split(".")
        g.cell(0, label, Role.LABEL, colspan=3)
        g.cell(3, "", Role.LABEL, colspan=3)
        g.field(6, f"{key}.{path}", getattr(getattr(form, holder), name), Fmt.AMOUNT, colspan=3, align="center")
        g.newline()


def project_sources(form, labels: Labels) -> list[tuple[str, str]]:
    """(attribute, printed label) of the 项目资金 rows under 年度资金总额, in print order."""
    rows = [("current", f"其中：{labels.source_current}"), ("carryover", labels.source_carryover),
            ("other", labels.source_other)]
    if labels.show_special_account or any(v is not None for v in form.special_account.values()):
        rows.append(("special_account", labels.source_special_account))
    return rows


def _project_top(g: GridBuilder, doc: Document, key: str, form, result: FormResult) -> None:
    labels = doc.labels
    _wide_row(g, "项目支出名称", f"{key}.name", form.name)
    if labels.show_codes or form.code:
        _wide_row(g, "项目编码", f"{key}.code", form.code)
    g.cell(0, "主管部门", Role.LABEL, colspan=3)
    g.field(3, f"{key}.department", form.department, colspan=2)
    g.cell(5, "实施单位", Role.LABEL, colspan=2)
    g.field(7, f"{key}.implementer", form.implementer, colspan=2)
    g.newline()
    sources = project_sources(form, labels)
    _funding_block(g, "项目资金（万元）", 2 + len(sources), key, result, False, form, labels)
    for source, label in sources:
        g.cell(1, label, Role.LABEL, colspan=2)
        line = getattr(form, source)
        for offset, name in enumerate(("initial", "annual", "executed")):
            g.field(3 + offset, f"{key}.{source}.{name}", getattr(line, name), Fmt.AMOUNT)
        g.newline()


def _indicators(g: GridBuilder, key: str, form: ScoredForm, framework: Framework, result: FormResult,
                labels: Labels) -> None:
    groups = [(l1, l2, rows) for l1, l2, rows in indicator_groups(form, framework) if rows]
    g.cell(0, "绩效指标", Role.VERTICAL, rowspan=1 + sum(len(rows) for _, _, rows in groups))
    for offset, text in enumerate(indicator_headers(labels)):
        g.cell(1 + offset, text, Role.HEADER)
    g.newline()
    for index, (level1, level2, rows) in enumerate(groups):
        run = _level1_run(groups, index, framework)
        if run:  # the first group of a run of groups under one 一级指标 cell
            group = framework.group(level1)
            if _fits(framework, level1, level2):
                g.cell(1, group.label(framework.label_points, "\n"), Role.LABEL, rowspan=run,
                       binding=f"{key}.level1[{level1}].points")
            else:  # rows the framework does not know: kept at the end, listed as errors (checks)
                g.cell(1, level1, Role.LABEL, rowspan=run)
        g.cell(2, level2, Role.LABEL, rowspan=len(rows))
        for row in rows:
            path = f"{key}.indicators[{row.id}]"
            g.field(3, f"{path}.name", row.name)
            g.field(4, f"{path}.target", row.target, align="center")
            g.field(5, f"{path}.actual", row.actual, align="center")
            g.field(6, f"{path}.points", row.points, Fmt.POINTS, align="center")
            g.field(7, f"{path}.score", row.score, Fmt.POINTS, align="center")
            g.field(8, f"{path}.deviation", row.deviation)
            g.newline()
    g.cell(0, "总分", Role.LABEL, colspan=6)
    g.computed(6, f"{key}.total.points", result.points_total, Fmt.POINTS)
    g.computed(7, f"{key}.total.score", result.total, Fmt.SCORE)
    g.newline()


def _fits(framework: Framework, level1: str, level2: str) -> bool:
    group = framework.group(level1)
    return group is not None and level2 in group.level2


def _level1_run(groups: list, index: int, framework: Framework) -> int:
    """Rows under the 一级指标 cell that starts at group ``index``; 0 when the group continues a run.

    A run is consecutive groups of one 一级指标 that all fit the framework, or all do not: rows that do
    not fit come after the framework's groups (indicator_groups), so they never stretch a cell across
    other groups.
    """
    level1, level2, _ = groups[index]
    fits = _fits(framework, level1, level2)
    if index and groups[index - 1][0] == level1 and _fits(framework, *groups[index - 1][:2]) == fits:
        return 0
    rows = 0
    for other1, other2, other_rows in groups[index:]:
        if other1 != level1 or _fits(framework, other1, other2) != fits:
            break
        rows += len(other_rows)
    return rows


def _closing(g: GridBuilder, key: str, closing: ClosingTexts) -> None:
    """评价结论 / 存在的问题 / 改进措施 under the 总分 row, when the project uses them."""
    for name, spec in specs(ClosingTexts):
        _wide_row(g, spec.label, f"{key}.closing.{name}", getattr(closing, name))


def _footer(g: GridBuilder, doc: Document) -> None:
    unit = doc.unit
    g.cell(0, f"填报人：{unit.preparer}", Role.SIGNATURE, colspan=3)
    g.cell(3, f"联系电话：{unit.phone}", Role.SIGNATURE, colspan=2)
    g.cell(5, f"填报日期：{unit.fill_date}", Role.SIGNATURE, colspan=2)
    g.cell(7, "单位负责人签字：", Role.SIGNATURE, colspan=2)
    g.newline()


def scored_layout(doc: Document, key: str, form: ScoredForm, result: FormResult, number: int = 0) -> Layout:
    """The layout of the overall form (key 'overall') or of one project form."""
    framework = doc.framework_for(form)
    is_project = key != "overall"
    g = GridBuilder(len(WIDTHS_MM))
    labels = doc.labels
    title = PROJECT_TITLE if is_project else labels.overall_title
    attachment = attachment_text(doc, key)
    _heading(g, attachment, title, doc.unit.year)
    table_start = g.row
    if is_project:
        _project_top(g, doc, key, form, result)
    else:
        _overall_top(g, doc, key, form, result)
    goals_block(g, "年度总体目标", f"{key}.goals", form.goals)
    header = g.row
    _indicators(g, key, form, framework, result, labels)
    if is_project and form.closing is not None:
        _closing(g, key, form.closing)
    table_stop = g.row
    if is_project:
        g.full(PROJECT_NOTE, Role.NOTE)
        g.newline()
    _footer(g, doc)
    if is_project:
        sheet = f"{attachment}-{number} " if attachment else f"项目{number} "
        sheet += form.name or "未命名项目"
    else:
        sheet = f"{attachment} 整体自评表" if attachment else "整体自评表"
    return Layout(key, "project" if is_project else "overall", title, sheet, True, WIDTHS_MM, g.cells, g.row,
                  range(table_start, table_stop), range(header, header + 1))
