"""A small helper that places cells row by row while a form's layout is built."""
from __future__ import annotations

from typing import Any, Optional

from ..registry import specs
from .grid import Cell, Fmt, Role
from .values import format_value

_DEFAULT_ALIGN = {Role.TITLE: "center", Role.SUBTITLE: "left", Role.HEADER: "center", Role.LABEL: "center",
                  Role.INPUT: "left", Role.COMPUTED: "center", Role.VERTICAL: "center", Role.NOTE: "left",
                  Role.SIGNATURE: "left"}


class GridBuilder:
    def __init__(self, n_cols: int):
        self.n_cols = n_cols
        self.cells: list[Cell] = []
        self.row = 0

    def newline(self, count: int = 1) -> None:
        self.row += count

    def cell(self, col: int, text: str, role: Role, *, colspan: int = 1, rowspan: int = 1,
             binding: Optional[str] = None, fmt: Fmt = Fmt.TEXT, value: Any = None,
             align: Optional[str] = None) -> Cell:
        if align is None:
            align = "right" if fmt.numeric and role in (Role.INPUT, Role.COMPUTED) else _DEFAULT_ALIGN[role]
        cell = Cell(self.row, col, text, role, rowspan, colspan, binding, fmt, value, align)
        self.cells.append(cell)
        return cell

    def full(self, text: str, role: Role, **kw) -> Cell:
        return self.cell(0, text, role, colspan=self.n_cols, **kw)

    def field(self, col: int, path: str, value: Any, fmt: Fmt = Fmt.TEXT, **kw) -> Cell:
        """An input the accountant types into."""
        return self.cell(col, format_value(fmt, value), Role.INPUT, binding=path, fmt=fmt, value=value, **kw)

    def computed(self, col: int, key: str, value: Any, fmt: Fmt, *, empty: str = "", **kw) -> Cell:
        text = format_value(fmt, value) if value is not None else empty
        return self.cell(col, text, Role.COMPUTED, binding=key, fmt=fmt, value=value, **kw)


def goals_block(g: GridBuilder, label: str, path: str, goals: Any) -> None:
    """年度总体目标 and the like: ``label`` over two rows beside the two texts of ``goals`` (预期目标 and 实际完成…),
    each over four columns under its declared label."""
    halves = tuple(zip((1, 5), specs(type(goals))))
    g.cell(0, label, Role.LABEL, rowspan=2)
    for col, (_, spec) in halves:
        g.cell(col, spec.label, Role.HEADER, colspan=4)
    g.newline()
    for col, (name, _) in halves:
        g.field(col, f"{path}.{name}", getattr(goals, name), colspan=4)
    g.newline()
