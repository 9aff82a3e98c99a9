"""汇总.xlsx for a finance bureau: one row per unit, one per form, one per finding (openpyxl, no Qt).

Built from the `check --json` objects of the units (cli/summary.summarize), so the workbook says exactly
what `check` says. Three sheets: 汇总 (unit, year, the overall form's 总分 and 等次, the projects', counts of
errors and warnings, 可以提交), 各表得分 (every form), 审核发现 (every finding with its unit and cell).
"""
from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Optional

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from model.sanitize import printable

from .common import FORMULA_STARTS, write_output

UNITS = ("文件", "单位名称", "年度", "整体自评表总分", "整体自评表等次", "项目表数", "项目表最低分", "各项目表总分／等次",
         "错误", "提示", "提交前检查未处理", "可以提交", "总分待核", "读取情况")
FORMS = ("文件", "单位名称", "年度", "表", "执行率（%）", "总分", "等次", "待核")
FINDINGS = ("文件", "单位名称", "年度", "级别", "类别", "表", "单元格", "说明")
WIDTHS = {"文件": 36, "单位名称": 30, "各项目表总分／等次": 40, "表": 34, "单元格": 32, "说明": 90, "读取情况": 40}
_HEADER_FILL = PatternFill("solid", fgColor="FFE9EDF2")
_FONT = "宋体"


def _text(value: str) -> str:
    """A text cell's value: only what XML can hold (model.sanitize.printable), and no carriage return."""
    return printable(value).replace("\r", "")


def _number(text: Optional[str]):
    """A decimal string as a number cell (总分 92.93), None stays empty."""
    return None if text is None else Decimal(text)


def _sheet(workbook: Workbook, title: str, header: tuple, rows: Iterable[list]) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(name=_FONT, bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    last = 1
    for last, row in enumerate(rows, start=2):  # rows counted here: sheet.max_row costs a scan of every cell
        for column, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = sheet.cell(last, column, _text(value) if isinstance(value, str) else value)
            if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                cell.data_type = "s"  # text a unit typed is never a formula
                cell.quotePrefix = True
    for index, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(name, 12)
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{last}"


def unit_row(summary: dict) -> list:
    # the 整体 form: the Hunan 整体自评表, or the 怀化 comprehensive form that stands for it
    overall = next((f for f in summary["forms"] if f["form"] == "overall"), None) or \
        next((f for f in summary["forms"] if f["form"] == "comprehensive"), None)
    projects = [f for f in summary["forms"] if f["form"] == "project"]
    errors = sum(1 for f in summary["findings"] if f["severity"] == "error")
    lowest = min((_number(f["total_score"]) for f in projects), default=None)
    listing = "；".join(f"{f['title'].removeprefix('项目支出绩效自评表')} {f['total_score']} {f['grade']}" for f in projects)
    provisional = any(f.get("provisional") for f in summary["forms"])
    return [summary["file"], summary["unit"], summary["year"],
            _number(overall["total_score"]) if overall else None, overall["grade"] if overall else None,
            len(projects), lowest, listing, errors, len(summary["findings"]) - errors,
            summary["submission"]["open_items"], "是" if summary["submission"]["ready"] else "否",
            "是" if provisional else "否", "正常"]


def write_summary(summaries: list[dict], failures: list[tuple[str, str]], path: str | Path) -> Path:
    """The bureau's workbook at ``path`` (atomically); ``failures`` are (file, reason) that could not be read."""

    def render(buffer: io.BytesIO) -> None:
        workbook = Workbook()
        workbook.remove(workbook.active)
        units = [unit_row(s) for s in summaries]
        units += [[file, None, None, None, None, None, None, None, None, None, None, "否", None, f"无法读取：{reason}"]
                  for file, reason in failures]
        _sheet(workbook, "汇总", UNITS, units)
        _sheet(workbook, "各表得分", FORMS, (
            [s["file"], s["unit"], s["year"], f["title"], _number(f["execution_rate"]), _number(f["total_score"]),
             f["grade"], "是" if f.get("provisional") else "否"]
            for s in summaries for f in s["forms"] if f["form"] != "basic_data"))
        _sheet(workbook, "审核发现", FINDINGS, (
            [s["file"], s["unit"], s["year"], "错误" if f["severity"] == "error" else "提示",
             f.get("group_label", f.get("group", "")), f["form_title"], f.get("place") or f["location"], f["message"]]
            for s in summaries for f in s["findings"]))
        workbook.save(buffer)

    return write_output(Path(path), render)
