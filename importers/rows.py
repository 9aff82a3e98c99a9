"""An office file as one sequence of rows, whatever its tables: what the form readers walk through.

A paragraph is a row of one cell; a table contributes its grid rows, a merged cell showing in every row it
covers (so 一级指标 and 二级指标 are "carried down" through their merges), and a blank under a label in a
flattened table (PDF converted to Excel) can be carried down by the reader that expects it. Texts are
compared in a normal form: full-width to half-width, no white space at all (年初\\n预算数 = 年初预算数), no
trailing colon.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Optional

from .blocks import GridCell, OfficeText, Paragraph, Table

_SPACE = re.compile(r"\s+")


def norm(text: str) -> str:
    """Text as labels are compared: NFKC, no white space, no trailing colon."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text or "")).rstrip(":")


def clean(text: str) -> str:
    """A value as typed, without the padding templates leave (full-width spaces, line ends)."""
    return (text or "").replace("\u3000", " ").strip()


@dataclass(slots=True)
class RowCell:
    text: str  # as read (line breaks kept)
    key: str  # norm(text)
    col: int  # first grid column
    last_col: int
    first: bool  # the cell starts in this row (False: a vertical merge continues here)
    cell: Optional[GridCell]  # None for a paragraph

    def overlaps(self, col: int, last_col: int) -> bool:
        return self.col <= last_col and col <= self.last_col


@dataclass(slots=True)
class Row:
    cells: list[RowCell]
    where: str  # 表格 and row number, for the import report
    table: Optional[int]  # index of its table in the file, None for a paragraph

    def nonempty(self) -> list[RowCell]:
        return [c for c in self.cells if c.key]

    def find(self, *labels: str, start: bool = False) -> Optional[RowCell]:
        """The first cell whose text is (or, with ``start``, begins with) one of ``labels``."""
        wanted = [norm(label) for label in labels]
        for cell in self.cells:
            if any(cell.key == w or (start and cell.key.startswith(w)) for w in wanted):
                return cell
        return None

    def right_of(self, cell: RowCell) -> Optional[RowCell]:
        """The next cell to the right of ``cell`` (its value, in a label | value row)."""
        later = [c for c in self.cells if c.col > cell.last_col]
        return later[0] if later else None

    def under(self, header: RowCell) -> Optional[RowCell]:
        """The cell of this row that stands in ``header``'s columns (its value in a table)."""
        for cell in self.cells:
            if cell.overlaps(header.col, header.last_col):
                return cell
        return None


def rows_of(source: OfficeText) -> list[Row]:
    rows: list[Row] = []
    table_index = 0
    for block in source.blocks:
        if isinstance(block, Paragraph):
            if block.text.strip():
                rows.append(Row([RowCell(block.text, norm(block.text), 0, 0, True, None)], source.name, None))
            continue
        rows.extend(_table_rows(block, table_index))
        table_index += 1
    return rows


def _table_rows(table: Table, index: int) -> Iterable[Row]:
    for number in range(table.n_rows):
        cells = [RowCell(c.text, norm(c.text), c.col, c.last_col, c.row == number, c) for c in table.row_cells(number)]
        yield Row(cells, f"{table.where} 第{number + 1}行", index)
