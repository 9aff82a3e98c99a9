"""What an office file holds once read: paragraphs and tables of plain text, in reading order.

A Word file is a sequence of paragraphs and tables; an Excel sheet is one table whose title rows are
rows like any other. A table is a grid of cells with their spans (merged cells are one cell covering
several positions), so that the importers can find labels and what stands beside or below them,
whatever the template's exact column positions.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional, Union


@dataclass(slots=True)
class GridCell:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1

    @property
    def last_row(self) -> int:
        return self.row + self.rowspan - 1

    @property
    def last_col(self) -> int:
        return self.col + self.colspan - 1


@dataclass(slots=True)
class Table:
    """A grid of text cells (a Word table, or an Excel sheet); ``where`` names it in messages."""

    where: str
    cells: list[GridCell]
    _at: dict = field(default_factory=dict, repr=False)
    n_rows: int = field(default=0, init=False)
    n_cols: int = field(default=0, init=False)

    def __post_init__(self):
        # The grid's size once: row_cells asks for it in every row, and a scan of all cells there made
        # reading a sheet quadratic (80,000 cells took a minute).
        for cell in self.cells:
            for r in range(cell.row, cell.last_row + 1):
                for c in range(cell.col, cell.last_col + 1):
                    self._at.setdefault((r, c), cell)
        self.n_rows = max((c.last_row + 1 for c in self.cells), default=0)
        self.n_cols = max((c.last_col + 1 for c in self.cells), default=0)

    def at(self, row: int, col: int) -> Optional[GridCell]:
        return self._at.get((row, col))

    def row_cells(self, row: int) -> list[GridCell]:
        """The distinct cells covering grid row ``row``, left to right (a span shows in every row it covers)."""
        seen, result = set(), []
        for col in range(self.n_cols):
            cell = self._at.get((row, col))
            if cell is not None and id(cell) not in seen:
                seen.add(id(cell))
                result.append(cell)
        return result

    def rows(self) -> Iterator[list[GridCell]]:
        for row in range(self.n_rows):
            yield self.row_cells(row)


@dataclass(slots=True)
class Paragraph:
    text: str


Block = Union[Paragraph, Table]


@dataclass(slots=True)
class OfficeText:
    """One source file read: its name, kind ('xlsx' | 'docx') and its blocks in reading order."""

    name: str
    kind: str
    blocks: list[Block]
    notes: list[str] = field(default_factory=list)  # what was ignored on the way (macros, images …)

    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]

    def clean_texts(self) -> None:
        """Drop what no document may hold (control characters, broken surrogates: model.sanitize), saying so."""
        import re
        bad = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
        removed = 0
        for block in self.blocks:
            for item in (block.cells if isinstance(block, Table) else [block]):
                cleaned, count = bad.subn("", item.text)
                if count:
                    item.text, removed = cleaned, removed + count
        if removed:
            self.notes.append(f"已去掉 {removed} 个无法保存和打印的字符（控制字符或残缺的字符）")
