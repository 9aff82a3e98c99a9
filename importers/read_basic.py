"""Reading a printed 整体支出绩效评价基础数据表 by its labels.

The fixed rows of 经费控制情况 are recognised by their label in any of the bureaus' wordings (1、业务工作经费 /
业务工作专项, 3、区级专项资金（一个专项一行）…), the rows after 3、…专项资金 and 4、上级转移支付 are their items,
and each row's three figures are the cells under 上年决算数 / 本年预算数 / 本年决算数 — or, in a flattened table
whose cells drifted (a PDF converted to Excel), its three figures in order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from model.document import BasicDataForm, Labels, NamedExpenseLine
from model.registry import FieldKind, spec_of

from .rows import Row, RowCell, clean, norm
from .segments import FormReader, Segment
from .values import footer_fields, wordings

_NUMBERING = re.compile(r"^(?:\d+[、.]|其中:)+")
_LINE_NAMES = ("three_public", "vehicles", "vehicle_purchase", "vehicle_operation", "overseas", "reception",
               "project_total", "business", "operation", "special_total", "transfer_total", "public_total", "office",
               "utilities_travel", "meetings_training", "procurement", "basic_adjustment")
_WORDINGS = {"special": "本级专项资金", "business": "业务工作经费", "basic_adjustment": "部门基本支出预算调整"}
UNIT_NAME_LABELS = wordings("unit_name", "单位名称")


def core(key: str) -> str:
    """A row label without its numbering, 其中：, （一个专项一行） and trailing colon: the part that names it."""
    key = _NUMBERING.sub("", key)
    return re.sub(r"\(一个专项一行\)$", "", key).rstrip(":")


def _line_keys() -> dict[str, tuple[str, Optional[str]]]:
    """core label → (line attribute, Labels field whose wording it shows, if any), every wording included."""
    keys: dict[str, tuple[str, Optional[str]]] = {}
    for name in _LINE_NAMES:
        default = core(norm(spec_of(BasicDataForm, name).label))
        keys[default] = (name, None)
        for wording, text in _WORDINGS.items():
            if text in default:
                for variant in spec_of(Labels, wording).choices:
                    keys[default.replace(text, variant)] = (name, wording)
    return keys


LINE_KEYS = _line_keys()
LINE_KEYS["公用经费"] = ("public_total", None)
LINE_KEYS["项目支出"] = ("project_total", None)


@dataclass
class BasicRead:
    values: dict[str, object] = field(default_factory=dict)  # path inside the form → value
    special_rows: list[NamedExpenseLine] = field(default_factory=list)
    transfer_rows: list[NamedExpenseLine] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    unit: dict[str, str] = field(default_factory=dict)
    show_unit_name: bool = False
    transfer_row_printed: bool = False
    problems: list[tuple[str, str]] = field(default_factory=list)


class BasicReader(FormReader):
    def __init__(self, segment: Segment):
        self.read = BasicRead()
        super().__init__(segment, self.read.problems)

    def _figures(self, row: Row, headers: list[RowCell], skip: Optional[RowCell], kind: FieldKind,
                 what: str) -> list:
        """The figures of ``row`` under ``headers``. A full row whose cells drifted off the heading's
        columns (a PDF converted to Excel) is read in order instead."""
        values = [c for c in row.nonempty() if c is not skip]
        chosen = [row.under(h) for h in headers]
        chosen = [None if c is skip else c for c in chosen]
        if len(values) == len(headers) and {id(c) for c in chosen if c is not None and c.key} != set(map(id, values)):
            chosen = values
        return [self.figure(row, cell, kind, what) for cell in chosen]

    def run(self) -> BasicRead:
        read, rows = self.read, self.rows
        columns: list[RowCell] = []
        current_list: Optional[str] = None
        index = 0
        while index < len(rows):
            row = rows[index]
            cells = row.nonempty()
            if not cells:
                index += 1
                continue
            first = cells[0]
            key = first.key
            if key in UNIT_NAME_LABELS:
                value = row.right_of(first)
                read.unit["name"] = clean(value.text) if value else ""
                read.labels["unit_name"] = key
                read.show_unit_name = True
                self.segment.use(first, value)
            elif key == "单位编码":
                value = row.right_of(first)
                read.unit["code"] = clean(value.text) if value else ""
                self.segment.use(first, value)
            elif key.startswith("财政供养人员情况"):
                headers = [c for c in cells[1:] if c.key]
                self.segment.use(*cells)
                if index + 1 < len(rows):
                    values = self._figures(rows[index + 1], headers[:2], rows[index + 1].cells[0]
                                           if rows[index + 1].cells and not rows[index + 1].cells[0].first else None,
                                           FieldKind.COUNT, "编制数／实际在职人数")
                    read.values["staff_authorized"], read.values["staff_actual"] = values[0], values[1]
                    self.segment.use(*rows[index + 1].nonempty())
                    index += 1
            elif key.startswith("经费控制情况"):
                columns = [c for c in cells[1:] if c.key][:3]
                self.segment.use(*cells)
            elif key.startswith("楼堂馆所控制情况"):
                headers = [c for c in cells[1:] if c.key]
                self.segment.use(*cells)
                if index + 1 < len(rows):
                    nxt = rows[index + 1]
                    side = nxt.cells[0] if nxt.cells and not nxt.cells[0].first else None
                    values = self._figures(nxt, headers, side, FieldKind.AMOUNT, "楼堂馆所控制情况")
                    for name, value in zip(("approved_area", "actual_area", None, "budget_investment",
                                            "actual_investment", None), values):
                        if name:
                            read.values[f"building.{name}"] = value
                    self.segment.use(*nxt.nonempty())
                    index += 1
            elif key == "厉行节约保障措施":
                value = row.right_of(first)
                read.values["thrift_measures"] = clean(value.text) if value else ""
                self.segment.use(first, value)
            elif any(mark in " ".join(c.text for c in cells) for mark in ("填表人", "联系电话", "填报日期")):
                read.unit.update(footer_fields(" ".join(c.text for c in cells)))
                self.segment.use(*cells)
            elif columns and core(key) in LINE_KEYS:
                name, wording = LINE_KEYS[core(key)]
                if wording:
                    read.labels[wording] = core(key)
                values = self._figures(row, columns, first, FieldKind.AMOUNT, core(key))
                self.segment.use(first)
                for column, value in zip(("prior", "budget", "final"), values):
                    read.values[f"{name}.{column}"] = value
                current_list = {"special_total": "special_rows", "transfer_total": "transfer_rows"}.get(name)
                if name == "transfer_total":
                    read.transfer_row_printed = True
            elif columns and current_list is not None:
                values = self._figures(row, columns, first, FieldKind.AMOUNT, key)
                self.segment.use(first)
                getattr(read, current_list).append(NamedExpenseLine("", clean(first.text), *values))
            index += 1
        return read


def read_basic(segment: Segment) -> BasicRead:
    return BasicReader(segment).run()


__all__ = ["BasicRead", "read_basic"]
