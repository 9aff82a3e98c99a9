"""Layout of the 部门（单位）整体支出绩效评价基础数据表 (seeds 003, 004), printed portrait.

Seven columns: 0 row label · 1–2, 3–4, 5–6 the three figures of 经费控制情况 (each over two
columns) · 1…6 individually for 楼堂馆所控制情况.
"""
from __future__ import annotations

from ..document import EXPENSE_LINES, BasicDataForm, Document, expense_line_label
from ..evaluation import BasicResult
from ..registry import label_of
from .attachments import attachment_text
from .builder import GridBuilder
from .grid import Fmt, Layout, Role

WIDTHS_MM = (58.0, 19.0, 19.0, 19.0, 19.0, 19.0, 19.0)  # 172 mm: A4 portrait, 19 mm margins
NOTE = "说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。"
_LISTS_AFTER = {"special_total": "special_rows", "transfer_total": "transfer_rows"}


def _line(g: GridBuilder, label_cell, path: str, values) -> None:
    label_cell()
    for offset, (name, value) in enumerate(zip(("prior", "budget", "final"), values)):
        g.field(1 + 2 * offset, f"{path}.{name}", value, Fmt.AMOUNT, colspan=2)
    g.newline()


def _hidden_transfer(doc: Document) -> bool:
    """4、上级转移支付 is left off when the unit prints no empty one and it holds nothing (seed 003)."""
    basic = doc.basic
    return (not doc.labels.show_empty_transfer and not basic.transfer_rows
            and all(v is None for v in basic.transfer_total.values()))


def basic_layout(doc: Document, result: BasicResult) -> Layout:
    basic = doc.basic
    year = doc.unit.year
    g = GridBuilder(len(WIDTHS_MM))
    labels = doc.labels
    title = f"{year}年度{labels.basic_title}"
    attachment = attachment_text(doc, "basic")
    if attachment:
        g.full(attachment, Role.SUBTITLE)
        g.newline()
    g.full(title, Role.TITLE)
    g.newline()
    table_start = g.row
    if basic.show_unit_name:
        g.cell(0, labels.unit_name, Role.LABEL)
        g.field(1, "unit.name", doc.unit.name, colspan=6)
        g.newline()
    if labels.show_codes or doc.unit.code:
        g.cell(0, label_of(type(doc.unit), "code"), Role.LABEL)
        g.field(1, "unit.code", doc.unit.code, colspan=6)
        g.newline()

    g.cell(0, "财政供养人员情况（人）", Role.LABEL, rowspan=2)
    for offset, text in enumerate((label_of(BasicDataForm, "staff_authorized"),
                                   f"{year}年{label_of(BasicDataForm, 'staff_actual')}", "控制率")):
        g.cell(1 + 2 * offset, text, Role.HEADER, colspan=2)
    g.newline()
    g.field(1, "basic.staff_authorized", basic.staff_authorized, Fmt.COUNT, colspan=2)
    g.field(3, "basic.staff_actual", basic.staff_actual, Fmt.COUNT, colspan=2)
    g.computed(5, "basic.staff.control_rate", result.control_rate, Fmt.PERCENT, colspan=2)
    g.newline()

    header = g.row
    g.cell(0, "经费控制情况（万元）", Role.HEADER)
    for offset, text in enumerate((f"{year - 1}年决算数", f"{year}年预算数", f"{year}年决算数")):
        g.cell(1 + 2 * offset, text, Role.HEADER, colspan=2)
    g.newline()
    for name, _, _ in EXPENSE_LINES:
        if name == "transfer_total" and _hidden_transfer(doc):
            continue
        text = expense_line_label(labels, name)
        line = basic.line(name)
        _line(g, lambda: g.cell(0, text, Role.LABEL, align="left"), f"basic.{name}", line.values())
        if name in _LISTS_AFTER:
            list_name = _LISTS_AFTER[name]
            for row in getattr(basic, list_name):
                path = f"basic.{list_name}[{row.id}]"
                _line(g, lambda: g.field(0, f"{path}.name", row.name), path, row.values())

    building = basic.building
    g.cell(0, f"楼堂馆所控制情况（{year}年完工项目）", Role.LABEL, rowspan=2)
    for offset, text in enumerate(("批复规模（m²）", "实际规模（m²）", "规模控制率", "预算投资（万元）",
                                   "实际投资（万元）", "投资概算控制率")):
        g.cell(1 + offset, text, Role.HEADER)
    g.newline()
    g.field(1, "basic.building.approved_area", building.approved_area, Fmt.AREA)
    g.field(2, "basic.building.actual_area", building.actual_area, Fmt.AREA)
    g.computed(3, "basic.building.scale_rate", result.scale_rate, Fmt.PERCENT)
    g.field(4, "basic.building.budget_investment", building.budget_investment, Fmt.AMOUNT)
    g.field(5, "basic.building.actual_investment", building.actual_investment, Fmt.AMOUNT)
    g.computed(6, "basic.building.investment_rate", result.investment_rate, Fmt.PERCENT)
    g.newline()
    g.cell(0, "厉行节约保障措施", Role.LABEL)
    g.field(1, "basic.thrift_measures", basic.thrift_measures, colspan=6)
    g.newline()
    table_stop = g.row

    g.full(NOTE, Role.NOTE)
    g.newline()
    unit = doc.unit
    g.cell(0, "单位负责人签字：", Role.SIGNATURE)
    g.cell(1, f"填表人：{unit.preparer}", Role.SIGNATURE, colspan=2)
    g.cell(3, f"联系电话：{unit.phone}", Role.SIGNATURE, colspan=2)
    g.cell(5, f"填报日期：{unit.fill_date}", Role.SIGNATURE, colspan=2)
    g.newline()
    sheet = f"{attachment} 基础数据表" if attachment else "基础数据表"
    return Layout("basic", "basic_data", title, sheet, False, WIDTHS_MM, g.cells, g.row,
                  range(table_start, table_stop), range(header, header + 1))
