"""The format-neutral grid: cells with text, spans, a style role and an optional binding."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Optional


class Role(str, Enum):
    """How a cell looks and behaves; exporters map roles to fonts, borders and fills."""

    TITLE = "title"  # 部门整体支出绩效自评表 (above the table, no border)
    SUBTITLE = "subtitle"  # 附件1, 填报单位：（盖章）, （2024年度）
    HEADER = "header"  # column headings inside the table
    LABEL = "label"  # fixed row labels inside the table
    INPUT = "input"  # a value the accountant types (white, editable)
    COMPUTED = "computed"  # a derived value (shaded, read-only)
    VERTICAL = "vertical"  # a label written top to bottom (绩效指标)
    NOTE = "note"  # 说明：…, 备注：… (below the table)
    SIGNATURE = "signature"  # 填报人：… 单位负责人签字： (below the table, room to sign)


class Fmt(str, Enum):
    """How a cell's value is written."""

    TEXT = "text"
    AMOUNT = "amount"  # 万元, 2 decimals (1820.23)
    POINTS = "points"  # typed 分值/得分 (10, 9.5)
    SCORE = "score"  # computed score, 2 decimals (9.93, 92.93)
    PERCENT = "percent"  # value is a fraction; printed 99.32%
    COUNT = "count"  # people (29)
    AREA = "area"  # m², 2 decimals

    @property
    def numeric(self) -> bool:
        return self is not Fmt.TEXT


@dataclass(slots=True)
class Cell:
    row: int
    col: int
    text: str  # what is printed (already formatted)
    role: Role
    rowspan: int = 1
    colspan: int = 1
    binding: Optional[str] = None  # a field path (INPUT) or a computed key (COMPUTED)
    fmt: Fmt = Fmt.TEXT
    value: Any = None  # Decimal (a fraction for PERCENT) or str; None when empty
    align: str = "center"  # left | center | right

    @property
    def editable(self) -> bool:
        return self.role is Role.INPUT and self.binding is not None

    @property
    def last_row(self) -> int:
        return self.row + self.rowspan - 1

    @property
    def last_col(self) -> int:
        return self.col + self.colspan - 1


# 表上数 (typed beside the form) → the computed cell it is checked against
_STAND_INS = {"stated_total": "total.score", "stated_rate": "funding.rate",
              "stated_funding_score": "funding.score", "stated_funding": "funding"}


@dataclass(slots=True)
class Layout:
    key: str  # form key: basic | overall | projects[p1]
    kind: str  # basic_data | overall | project
    title: str  # the printed title
    sheet_name: str  # 附件2 整体自评表 …
    landscape: bool
    column_widths_mm: tuple[float, ...]
    cells: list[Cell]
    n_rows: int
    table_rows: range  # rows drawn as the bordered table
    header_rows: range  # rows of the table repeated at the top of each printed page
    _grid: dict = field(default_factory=dict, repr=False)
    _bindings: dict = field(default_factory=dict, repr=False)
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # derived data, worked out once (heights.py)

    def __post_init__(self):
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    if (r, c) in self._grid:
                        raise ValueError(f"overlapping cells at {(r, c)} in {self.key}")
                    self._grid[(r, c)] = cell
            if cell.binding:
                self._bindings[cell.binding] = cell

    @property
    def n_cols(self) -> int:
        return len(self.column_widths_mm)

    @property
    def width_mm(self) -> float:
        return sum(self.column_widths_mm)

    def at(self, row: int, col: int) -> Optional[Cell]:
        """The cell covering (row, col), spans included."""
        return self._grid.get((row, col))

    def anchored(self, row: int, col: int) -> Optional[Cell]:
        """The cell whose top-left corner is (row, col)."""
        cell = self._grid.get((row, col))
        return cell if cell is not None and (cell.row, cell.col) == (row, col) else None

    def signature(self) -> tuple:
        """What the printed form depends on (cells, their text and roles, rows, widths): equal signatures
        print alike, so widths and page plans are remembered by it (an export writes three formats of
        the same layouts; the window prints and previews the same ones again)."""
        cells = self.memo.get("cells")
        if cells is None:
            cells = self.memo["cells"] = tuple((c.row, c.col, c.rowspan, c.colspan, c.role, c.fmt is not Fmt.TEXT,
                                                c.text) for c in self.cells)
        return (self.landscape, self.n_rows, self.table_rows, self.header_rows, self.column_widths_mm, cells)

    def bound(self, binding: str) -> Optional[Cell]:
        return self._bindings.get(binding)

    def anchor_for(self, path: str) -> Optional[Cell]:
        """The cell that shows ``path`` (a finding's location), or the nearest one when the value is
        not on the form: a figure typed beside the form (表上数) points at the computed cell it is
        compared with; a 一级指标 with no rows left at the 分值 total."""
        cell = self._bindings.get(path)
        if cell is not None:
            return cell
        form, _, rest = path.partition(".")
        stand_in = _STAND_INS.get(rest.split(".", 1)[0])
        if stand_in is not None:
            cell = self._bindings.get(f"{form}.{stand_in}" if "." not in rest else
                                      f"{form}.funding.{rest.rsplit('.', 1)[-1]}")
            if cell is not None:
                return cell
        if ".level1[" in path:
            return self._bindings.get(f"{form}.total.points")
        prefix = path.rsplit(".", 1)[0] + "."
        return next((c for c in self.cells if c.binding and c.binding.startswith(prefix)), None)

    def empty_columns(self, row: int) -> list[int]:
        """The columns of ``row`` no cell covers (ruled but blank in a printed table)."""
        empty = self.memo.get("empty columns")
        if empty is None:
            empty = self.memo["empty columns"] = {
                r: [c for c in range(self.n_cols) if (r, c) not in self._grid] for r in range(self.n_rows)}
        return empty[row]

    def cells_in_row(self, row: int) -> list[Cell]:
        """The cells that start in ``row``, left to right (a new list: callers may keep it)."""
        rows = self.memo.get("cells by row")
        if rows is None:
            rows = self.memo["cells by row"] = {}
            for cell in sorted(self.cells, key=lambda c: (c.row, c.col)):
                rows.setdefault(cell.row, []).append(cell)
        return list(rows.get(row, ()))

    def before_table(self) -> range:
        return range(0, self.table_rows.start)

    def after_table(self) -> range:
        return range(self.table_rows.stop, self.n_rows)

    def indicator_row_id(self, row: int) -> Optional[str]:
        """The id of the indicator row shown on grid row ``row`` (for row commands)."""
        for col in range(self.n_cols):
            cell = self.at(row, col)
            if cell is not None and cell.row == row and cell.binding and ".indicators[" in cell.binding:
                return cell.binding.split(".indicators[", 1)[1].split("]", 1)[0]
        return None
