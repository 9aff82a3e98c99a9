"""Layout of the 怀化 部门（单位）整体支出绩效自评表 (seed 001), printed A4 portrait.

One bordered table from 一、基本概况 to 五、评价报告综述, as the seed prints it; section headings are
full-width rows. Nine columns (169.8 mm): 0–1 the 机构名称 column of the money tables (0 alone: the side
labels of 三、自评情况) · 2–8 seven figure columns (the 支出 table uses each; the other tables merge two
where a heading is long). The row repeated on continuation pages is the indicator header.
"""
from __future__ import annotations

from typing import Optional

from ..comprehensive import (TABLE_CLASSES, ComprehensiveForm, ComprehensiveResult, Evaluator, Organisation,
                             QuantitativeRow, indicator_groups, organisation_label)
from ..document import FORM_COMPREHENSIVE, Document, UnitInfo, form_title
from ..registry import label_of, spec_of
from .builder import GridBuilder, goals_block
from .grid import Fmt, Layout, Role

WIDTHS_MM = (18.0, 16.0) + (19.4,) * 7  # 169.8 mm: A4 portrait with 20 mm margins
KEY = FORM_COMPREHENSIVE
EMPTY_DATE = "　　年　　月　　日"  # printed for a date left to be written by hand
SECTIONS = ("一、部门（单位）基本概况", "二、部门（单位）收支情况", "三、部门（单位）整体支出绩效自评情况", "四、评价人员",
            "五、评价报告综述（文字部分）")
# Where each table's figures sit: (attribute, first column, columns)
FIGURES = {
    "income": (("total", 2, 1), ("carryover", 3, 1), ("public_finance", 4, 1), ("gov_fund", 5, 1),
               ("special_account", 6, 2), ("other", 8, 1)),
    "expense": (("total", 2, 1), ("basic", 3, 1), ("personnel", 4, 1), ("public", 5, 1), ("project", 6, 1),
                ("balance_year", 7, 1), ("balance_total", 8, 1)),
    "three_public": (("total", 2, 1), ("reception", 3, 1), ("vehicle_operation", 4, 2),
                     ("vehicle_purchase", 6, 2), ("overseas", 8, 1)),
    "assets": (("total", 2, 1), ("in_use", 3, 2), ("leased", 5, 2), ("other", 7, 2)),
}
TABLE_HEADINGS = {"income": "年度收入情况（万元）", "expense": "部门（单位）年度支出和结余情况（万元）"}
WHERE_IN = "其中："


def _label(attribute: str) -> str:
    return spec_of(ComprehensiveForm, attribute).label


def _heading(g: GridBuilder, text: str, binding: Optional[str] = None) -> None:
    g.full(text, Role.HEADER, align="left", binding=binding)
    g.newline()


# --- 一、部门（单位）基本概况 -------------------------------------------------------------------

def _pair_row(g: GridBuilder, form: ComprehensiveForm, left: str, right: str, fmt: Fmt = Fmt.TEXT) -> None:
    for col, name in ((0, left), (5, right)):
        g.cell(col, _label(name), Role.LABEL, colspan=2)
        g.field(col + 2, f"{KEY}.{name}", getattr(form, name), fmt, colspan=3 if col == 0 else 2,
                align="center" if fmt.numeric else "left")
    g.newline()


def _basic_info(g: GridBuilder, form: ComprehensiveForm) -> None:
    _heading(g, SECTIONS[0])
    _pair_row(g, form, "contact", "contact_phone")
    _pair_row(g, form, "staff_authorized", "staff_actual", Fmt.COUNT)
    for name in ("duties", "main_work", "achievements"):
        g.cell(0, _label(name), Role.LABEL, colspan=2)
        g.field(2, f"{KEY}.{name}", getattr(form, name), colspan=7)
        g.newline()


# --- 二、部门（单位）收支情况 -------------------------------------------------------------------

def _table_header(g: GridBuilder, table: str) -> None:
    """The heading rows of one money table, merged as the seed merges them."""
    cls = TABLE_CLASSES[table]
    label = lambda name: label_of(cls, name)  # noqa: E731 - short local helper
    rows = 3 if table == "expense" else 2
    g.cell(0, label_of(Organisation, "name"), Role.HEADER, colspan=2, rowspan=rows)
    g.cell(2, label("total"), Role.HEADER, rowspan=rows)
    if table == "expense":
        g.cell(3, WHERE_IN, Role.HEADER, colspan=4)
        g.cell(7, "结余", Role.HEADER, colspan=2)
        g.newline()
        g.cell(3, label("basic"), Role.HEADER, rowspan=2)
        g.cell(4, WHERE_IN, Role.HEADER, colspan=2)
        for name, col in (("project", 6), ("balance_year", 7), ("balance_total", 8)):
            g.cell(col, label(name), Role.HEADER, rowspan=2)
        g.newline()
        g.cell(4, label("personnel"), Role.HEADER)
        g.cell(5, label("public"), Role.HEADER)
        g.newline()
        return
    parts = FIGURES[table][1:]
    if table == "assets":  # 其他 stands beside 其中：, over both heading rows
        g.cell(3, WHERE_IN, Role.HEADER, colspan=4)
        g.cell(7, label("other"), Role.HEADER, colspan=2, rowspan=2)
        parts = parts[:-1]
    else:
        g.cell(3, WHERE_IN, Role.HEADER, colspan=6)
    g.newline()
    for name, col, span in parts:
        g.cell(col, label(name), Role.HEADER, colspan=span)
    g.newline()


def _figures(g: GridBuilder, table: str, base: str, figures, computed: bool) -> None:
    for name, col, span in FIGURES[table]:
        value = getattr(figures, name)
        if computed:
            g.computed(col, f"{base}.{table}.{name}", value, Fmt.AMOUNT, colspan=span)
        else:
            g.field(col, f"{base}.{table}.{name}", value, Fmt.AMOUNT, colspan=span)


def _money_tables(g: GridBuilder, form: ComprehensiveForm, result: ComprehensiveResult) -> None:
    _heading(g, SECTIONS[1], binding=f"{KEY}.organisations")
    for table in FIGURES:
        if table in TABLE_HEADINGS:
            g.full(TABLE_HEADINGS[table], Role.LABEL, align="left")
            g.newline()
        _table_header(g, table)
        g.cell(0, result.summary.name, Role.LABEL, colspan=2, align="left")
        _figures(g, table, f"{KEY}.summary", getattr(result.summary, table), computed=True)
        g.newline()
        for number, organisation in enumerate(form.organisations, start=1):
            base = f"{KEY}.organisations[{organisation.id}]"
            g.cell(0, organisation_label(number, organisation), Role.INPUT, colspan=2, binding=f"{base}.name",
                   value=organisation.name, align="left")
            _figures(g, table, base, getattr(organisation, table), computed=False)
            g.newline()


# --- 三、部门（单位）整体支出绩效自评情况 ---------------------------------------------------------

# (attribute, first column, columns) of a 定量 row's typed cells
INDICATOR_COLUMNS = (("name", 3, 3), ("target", 6, 1), ("actual", 7, 2))


def _indicators(g: GridBuilder, form: ComprehensiveForm) -> int:
    """The 定量 block; returns its header row (repeated on continuation pages)."""
    header = g.row
    g.cell(0, spec_of(ComprehensiveForm, "indicators").label, Role.LABEL, rowspan=1 + len(form.indicators),
           binding=f"{KEY}.indicators")
    g.cell(1, label_of(QuantitativeRow, "level1"), Role.HEADER)
    g.cell(2, label_of(QuantitativeRow, "level2"), Role.HEADER)
    for name, col, span in INDICATOR_COLUMNS:
        g.cell(col, label_of(QuantitativeRow, name), Role.HEADER, colspan=span)
    g.newline()
    for level1, level2s in indicator_groups(form.indicators):
        g.cell(1, level1, Role.LABEL, rowspan=sum(len(rows) for _, rows in level2s))
        for level2, rows in level2s:
            g.cell(2, level2, Role.LABEL, rowspan=len(rows))
            for row in rows:
                for name, col, span in INDICATOR_COLUMNS:
                    g.field(col, f"{KEY}.indicators[{row.id}].{name}", getattr(row, name), colspan=span,
                            align="left" if name == "name" else "center")
                g.newline()
    return header


def _result_rows(g: GridBuilder, form: ComprehensiveForm) -> None:
    g.cell(0, _label("score"), Role.LABEL, colspan=3)
    g.field(3, f"{KEY}.score", form.score, Fmt.POINTS, colspan=6, align="center")
    g.newline()
    g.cell(0, _label("grade"), Role.LABEL, colspan=3)
    g.field(3, f"{KEY}.grade", form.grade, colspan=6, align="center")
    g.newline()


# --- 四、评价人员 and the signatures ------------------------------------------------------------

EVALUATOR_COLUMNS = (("name", 0, 2), ("title", 2, 2), ("unit", 4, 3))


def _spaced(label: str) -> str:
    """A two-character heading spread as the form prints it (姓  名)."""
    return f"{label[0]}  {label[1]}" if len(label) == 2 else label


def _date(g: GridBuilder, col: int, name: str, form: ComprehensiveForm, colspan: int) -> None:
    value = getattr(form, name)
    g.cell(col, value or EMPTY_DATE, Role.INPUT, colspan=colspan, binding=f"{KEY}.{name}", value=value,
           align="right")


def _evaluators(g: GridBuilder, form: ComprehensiveForm, doc: Document) -> None:
    _heading(g, SECTIONS[3], binding=f"{KEY}.evaluators")
    for name, col, span in EVALUATOR_COLUMNS:
        g.cell(col, _spaced(label_of(Evaluator, name)), Role.HEADER, colspan=span)
    g.cell(7, _spaced("签字"), Role.HEADER, colspan=2)
    g.newline()
    for person in form.evaluators:
        for name, col, span in EVALUATOR_COLUMNS:
            g.field(col, f"{KEY}.evaluators[{person.id}].{name}", getattr(person, name), colspan=span,
                    align="center")
        g.cell(7, "", Role.LABEL, colspan=2)  # left blank to sign
        g.newline()
    # 评价组组长（签字）: room to sign over two rows, then the date
    g.cell(0, "评价组组长（签字）：", Role.LABEL, colspan=3, rowspan=3, align="left")
    g.cell(3, "", Role.LABEL, colspan=6, rowspan=2)
    g.newline(2)
    _date(g, 3, "leader_date", form, 6)
    g.newline()
    for opinion, signer, date in (("department_opinion", "部门（单位）负责人（签章）：", "department_date"),
                                  ("finance_opinion", "财政部门归口业务科室负责人（签章）：", "finance_date")):
        g.cell(0, f"{_label(opinion)}：", Role.LABEL, colspan=3, rowspan=4, align="left")
        g.field(3, f"{KEY}.{opinion}", getattr(form, opinion), colspan=6)
        g.newline()
        g.cell(3, signer, Role.LABEL, colspan=3, rowspan=2, align="right")
        g.cell(6, "", Role.LABEL, colspan=3, rowspan=2)
        g.newline(2)
        _date(g, 3, date, form, 6)
        g.newline()
    unit = doc.unit
    g.cell(0, "填报人（签名）：", Role.LABEL, colspan=2)
    g.field(2, "unit.preparer", unit.preparer, colspan=3, align="left")
    g.cell(5, f"{label_of(UnitInfo, 'phone')}：", Role.LABEL, colspan=2)
    g.field(7, "unit.phone", unit.phone, colspan=2, align="left")
    g.newline()


def comprehensive_layout(doc: Document, result: ComprehensiveResult) -> Layout:
    form = doc.comprehensive
    g = GridBuilder(len(WIDTHS_MM))
    title = form_title(doc, KEY)
    g.full(title, Role.TITLE)
    g.newline()
    g.cell(0, "填报单位：（盖章）", Role.SUBTITLE, colspan=5)
    g.cell(5, f"（{doc.unit.year}年度）", Role.SUBTITLE, colspan=4, align="center")
    g.newline()
    table_start = g.row
    _basic_info(g, form)
    _money_tables(g, form, result)
    _heading(g, SECTIONS[2])
    goals_block(g, _label("goals"), f"{KEY}.goals", form.goals)
    header = _indicators(g, form)
    _result_rows(g, form)
    _evaluators(g, form, doc)
    _heading(g, SECTIONS[4])
    g.field(0, f"{KEY}.report_summary", form.report_summary, colspan=len(WIDTHS_MM))
    g.newline()
    return Layout(KEY, "comprehensive", title, "综合自评表", False, WIDTHS_MM, g.cells, g.row,
                  range(table_start, g.row), range(header, header + 1))


SHORT_SECTIONS = ("一、基本概况", "二、收支情况", "三、整体支出绩效自评情况", "四、评价人员", "五、评价报告综述")


def section_anchors(doc: Document) -> list[tuple[str, str]]:
    """(short heading, the path of its first cell) of each section, for the window's navigation."""
    firsts = (f"{KEY}.contact", f"{KEY}.organisations", f"{KEY}.goals.expected", f"{KEY}.evaluators",
              f"{KEY}.report_summary")
    return list(zip(SHORT_SECTIONS, firsts)) if doc.comprehensive is not None else []
