"""Reading a printed 部门整体支出绩效自评表 or 项目支出绩效自评表 by its labels.

Each block is found by its heading row (年初预算数 … 执行率 得分; 预期目标 / 实际完成情况; 一级指标 … 偏差原因),
and each value is the cell under the heading's columns (or, in a label | value row, right of the label, or
inside the label's own cell: 其中：一般公共预算：188.91). 一级指标 and 二级指标 carry down through merged or
blank cells. Printed 执行率, 资金执行得分, 年度资金总额 and 总分 become the form's 表上数, so the checks compare
them with what the figures give.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Optional

from model.document import FundingLine, IndicatorRow
from model.registry import FieldKind, label_of, specs
from model.document import ExpenseParts, IncomeParts

from .rows import Row, RowCell, clean, norm
from .segments import FormReader, Segment
from .values import Unreadable, figure, footer_fields, inline_value, level1_label, wordings

UNIT_NAME_LABELS = wordings("unit_name", "部门名称", "单位名称")
FUNDING_COLUMNS = {"initial": ("年初预算数",), "annual": ("全年预算数", "调整后预算数"), "executed": ("全年执行数",),
                   "points": ("分值",), "rate": ("执行率",), "score": wordings("score")}
# 项目资金 rows by their source (the wording read becomes Labels.source_current …)
SOURCES = {source: wordings(f"source_{source}", *others) for source, others in (
    ("current", ("财政拨款",)), ("carryover", ("上年结转",)), ("other", ()), ("special_account", ()))}
INDICATOR_COLUMNS = {"level1": ("一级指标",), "level2": ("二级指标",), "name": ("三级指标",),
                     "target": ("年度指标值", "指标值"), "actual": ("实际完成值", "完成值", "完成情况"),
                     "points": ("分值", "权重"), "score": wordings("score"),
                     "deviation": ("偏差原因分析及改进措施", "偏差原因分析", "偏差原因")}
_LEVEL1_NAMES = ("产出指标", "效益指标", "满意度指标", "成本指标", "决策指标", "过程指标", "绩效指标")
GOAL_COLUMNS = {"expected": ("预期目标", "年初设定目标"), "actual": ("实际完成情况", "全年完成情况", "实际完成")}


@dataclass
class ReadIndicator:
    level1: str
    level1_points: Optional[Decimal]
    level2: str
    row: IndicatorRow


@dataclass
class ScoredRead:
    """What was read of one scored form, before it is matched with a framework."""

    kind: str  # overall | project
    values: dict[str, object] = field(default_factory=dict)  # field path inside the form → value
    labels: dict[str, str] = field(default_factory=dict)  # Labels field → wording read
    unit: dict[str, str] = field(default_factory=dict)  # UnitInfo field → text
    funding_points: Optional[Decimal] = None
    indicators: list[ReadIndicator] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (where, message)


class ScoredReader(FormReader):
    def __init__(self, segment: Segment):
        self.read = ScoredRead(segment.kind)
        super().__init__(segment, self.read.problems)

    # --- small tools ---
    def _headers(self, row: Row, columns: dict[str, tuple[str, ...]]) -> dict[str, RowCell]:
        found = {}
        for name, texts in columns.items():
            cell = row.find(*texts)
            if cell is not None:
                found[name] = cell
                self.segment.use(cell)
        return found

    def _find_row(self, start: int, test: Callable[[Row], bool]) -> Optional[int]:
        for index in range(start, len(self.rows)):
            if test(self.rows[index]):
                return index
        return None

    # --- the form ---
    def run(self) -> ScoredRead:
        self._unit_or_project_names()
        funding_at = self._find_row(0, lambda r: r.find("年初预算数") is not None and r.find("全年执行数") is not None)
        goals_at = self._find_row(0, lambda r: any(r.find(*t) for t in GOAL_COLUMNS.values()) and
                                  r.find("年初预算数") is None and r.find("一级指标") is None)
        table_at = self._find_row(0, lambda r: r.find("一级指标") is not None and r.find("三级指标") is not None)
        if funding_at is not None:
            self._funding(funding_at, goals_at if goals_at is not None else table_at)
        if goals_at is not None:
            self._goals(goals_at)
        if table_at is not None:
            self._indicators(table_at)
        else:
            self.read.problems.append((self.segment.title, "找不到绩效指标表头（一级指标、二级指标、三级指标 …）"))
        for row in self.rows:
            text = " ".join(c.text for c in row.nonempty())
            if any(mark in text for mark in ("填报人", "填表人", "联系电话", "填报日期")):
                self.read.unit.update(footer_fields(text))
                self.segment.use(*row.nonempty())
        return self.read

    def _unit_or_project_names(self) -> None:
        read = self.read
        for row in self.rows[:6]:
            for cell in row.nonempty():
                if self.segment.kind == "overall" and cell.key in UNIT_NAME_LABELS:
                    value = row.right_of(cell)
                    read.labels["unit_name"] = cell.key
                    read.unit["name"] = clean(value.text) if value else ""
                    self.segment.use(cell, value)
                elif self.segment.kind == "project":
                    for name, label in (("name", "项目支出名称"), ("department", "主管部门"), ("implementer", "实施单位"),
                                        ("code", "项目编码")):
                        if cell.key == label:
                            value = row.right_of(cell)
                            read.values[name] = clean(value.text) if value else ""
                            self.segment.use(cell, value)
                if cell.key == "单位编码":
                    value = row.right_of(cell)
                    read.unit["code"] = clean(value.text) if value else ""
                    self.segment.use(cell, value)
                if cell.key == "部门职责" and self.segment.kind == "overall":
                    value = row.right_of(cell)
                    read.values["duties"] = clean(value.text) if value else ""
                    self.segment.use(cell, value)
                if cell.key in ("合计", "(2)项目支出") and self.segment.kind == "overall":  # seed 002's two rows
                    figures = [c for c in row.nonempty() if c is not cell]
                    path = "funding.executed" if cell.key == "合计" else "expense.project"
                    read.labels["funding_as_totals"] = True
                    read.values[path] = self.figure(row, figures[-1] if figures else None, FieldKind.AMOUNT,
                                                     cell.key)
                    self.segment.use(cell, *figures)

    def _funding(self, at: int, stop: Optional[int]) -> None:
        header = self._headers(self.rows[at], FUNDING_COLUMNS)
        score_label = header.get("score")
        if score_label is not None:
            self.read.labels["score"] = score_label.key
        block = self.rows[at + 1: stop if stop is not None else len(self.rows)]
        is_project = self.segment.kind == "project"
        for row in block:
            side = row.cells[0] if row.cells else None
            if side is not None and not side.first:
                self.segment.use(side)  # the merged side label (年度预算申请 / 项目资金)
            total = row.find("年度资金总额", start=True)
            if total is not None:
                self.segment.use(total)
                self._funding_row(row, header, "stated_funding" if is_project else "funding", stated=True)
                continue
            if is_project:
                self._source_row(row, header)
            else:
                self._parts_row(row)
        for cell in self.rows[at].nonempty():
            if cell.key in ("年度预算申请(万元)", "项目资金(万元)", "资金来源", "年度预算申请"):
                self.segment.use(cell)

    def _funding_row(self, row: Row, header: dict[str, RowCell], line: str, stated: bool) -> None:
        values = self.read.values
        for name in ("initial", "annual", "executed"):
            if name in header:
                values[f"{line}.{name}"] = self.figure(row, row.under(header[name]), FieldKind.AMOUNT,
                                                        label_of(FundingLine, name))
        if not stated:
            return
        if "points" in header:
            self.read.funding_points = self.figure(row, row.under(header["points"]), FieldKind.POINTS, "分值")
        if "rate" in header:
            values["stated_rate"] = self.figure(row, row.under(header["rate"]), FieldKind.RATE, "执行率")
        if "score" in header:
            values["stated_funding_score"] = self.figure(row, row.under(header["score"]), FieldKind.POINTS, "得分")

    def _source_row(self, row: Row, header: dict[str, RowCell]) -> None:
        for source, texts in SOURCES.items():
            for cell in row.nonempty():
                key = cell.key.removeprefix("其中:").removeprefix("其中")
                if key in texts:
                    self.segment.use(cell)
                    self.read.labels[f"source_{source}"] = key
                    self._funding_row(row, header, source, stated=False)
                    return

    def _parts_row(self, row: Row) -> None:
        """按收入性质分 / 按支出性质分 rows: labels with their figure inline or in the next cell."""
        parts = [(f"income.{name}", spec.label) for name, spec in specs(IncomeParts)]
        parts += [(f"expense.{name}", spec.label) for name, spec in specs(ExpenseParts)]
        for cell in row.nonempty():
            if cell.key in ("按收入性质分", "按支出性质分"):
                self.segment.use(cell)
                continue
            key = cell.key.removeprefix("其中:")
            for path, label in parts:
                if not key.startswith(norm(label)):
                    continue
                self.segment.use(cell)
                inline = inline_value(key, label)
                if inline is not None:
                    try:
                        self.read.values[path] = figure(inline)
                    except Unreadable as error:
                        self.problem(row, f"{label}：{error}")
                else:
                    value = row.right_of(cell)
                    if value is not None and not any(value.key.removeprefix("其中:").startswith(norm(l))
                                                     for _, l in parts):
                        self.read.values[path] = self.figure(row, value, FieldKind.AMOUNT, label)
                break

    def _goals(self, at: int) -> None:
        header = self._headers(self.rows[at], GOAL_COLUMNS)
        for cell in self.rows[at].nonempty():
            if cell.key == "年度总体目标":
                self.segment.use(cell)
        if at + 1 >= len(self.rows):
            return
        row = self.rows[at + 1]
        for name, cell in header.items():
            value = row.under(cell)
            if value is not None and value is not cell and value.first:
                self.read.values[f"goals.{name}"] = clean(value.text)
                self.segment.use(value)
        for cell in row.cells:
            if not cell.first:
                self.segment.use(cell)

    def _indicators(self, at: int) -> None:
        header = self._headers(self.rows[at], INDICATOR_COLUMNS)
        if "score" in header:
            self.read.labels.setdefault("score", header["score"].key)
        for cell in self.rows[at].nonempty():
            if cell.key == "绩效指标":
                self.segment.use(cell)
        level1, level1_points, level2 = "", None, ""
        for row in self.rows[at + 1:]:
            first = row.nonempty()[0] if row.nonempty() else None
            if first is not None and first.key.startswith("总分"):
                self._total_row(row, header)
                break
            if row.find("一级指标") is not None and row.find("三级指标") is not None:
                self.segment.use(*row.nonempty())  # the header repeated on a continuation page
                continue
            filled = row.nonempty()
            if filled and len(row.cells) < len(header) and all(c.key.endswith(("指标", "分)")) for c in filled):
                for cell in filled:  # a template's 产出指标 / 数量指标 line above its rows
                    name, points = level1_label(cell.text)
                    if points is not None or name in _LEVEL1_NAMES:
                        level1, level1_points = name, points
                    else:
                        level2 = name
                    self.segment.use(cell)
                continue
            cells = {name: row.under(cell) for name, cell in header.items()}
            for cell in row.cells:
                if not cell.first or cell.key == "绩效指标":
                    self.segment.use(cell)
            l1 = cells.get("level1")
            if l1 is not None and l1.key:
                level1, level1_points = level1_label(l1.text)
                self.segment.use(l1)
            l2 = cells.get("level2")
            if l2 is not None and l2.key:
                level2 = l2.key
                self.segment.use(l2)
            texts = {name: clean(cells[name].text) if cells.get(name) is not None else ""
                     for name in ("name", "target", "actual", "deviation")}
            numbers = {name: cells.get(name) for name in ("points", "score")}
            if not any(texts.values()) and not any(c is not None and c.key for c in numbers.values()):
                self.segment.use(*cells.values())
                continue  # a blank template row
            if texts["name"] in ("……", "…", "...") and not any(texts[n] for n in ("target", "actual")):
                self.segment.use(*cells.values())
                continue
            for name in ("name", "target", "actual", "deviation"):
                self.segment.use(cells.get(name))
            points = self.figure(row, numbers["points"], FieldKind.POINTS, "分值")
            score = self.figure(row, numbers["score"], FieldKind.POINTS, "得分")
            na = "不适用" in (norm(texts["target"]), norm(texts["actual"]), norm(texts["name"])) or (
                norm(texts["name"]) in ("无", "/", "不适用") and not (texts["target"] or texts["actual"])
                and points is None and score is None)  # seed 000: 生态效益指标 “无”, nothing else
            indicator = IndicatorRow("", level1, level2, texts["name"], texts["target"], texts["actual"], points, score,
                                     texts["deviation"], not_applicable=na)
            self.read.indicators.append(ReadIndicator(level1, level1_points, level2, indicator))

    def _total_row(self, row: Row, header: dict[str, RowCell]) -> None:
        self.segment.use(*row.nonempty()[:1])
        points_cell = row.under(header["points"]) if "points" in header else None
        score_cell = row.under(header["score"]) if "score" in header else None
        if score_cell is None or score_cell is points_cell:  # 总分 | 100 | 99 with other columns
            figures = [c for c in row.nonempty()[1:]]
            points_cell, score_cell = (figures + [None, None])[:2]
        self.figure(row, points_cell, FieldKind.POINTS, "分值合计")
        self.read.values["stated_total"] = self.figure(row, score_cell, FieldKind.POINTS, "总分")


def read_scored(segment: Segment) -> ScoredRead:
    return ScoredReader(segment).run()


__all__ = ["ReadIndicator", "ScoredRead", "read_scored"]
