"""Cell styles and cell values of the .xlsx writer.

openpyxl hashes a Font/Border/Alignment each time one is assigned to a cell, which dominates the
export of a large document. A form uses a dozen style combinations, so each is built once on the
first cell that needs it and copied to the others as openpyxl's own style array.
"""
from __future__ import annotations

from copy import copy
from decimal import Decimal
from typing import Any, Optional

from openpyxl.styles import Alignment, Border, Font, Side

from model.layout import Cell, Fmt, Role
from model.money import percent, q2
from model.sanitize import printable

from .style import ROLE_STYLES
from .xlsx_sizes import holds_number

GB2312_CHARSET = 134  # tells Excel and WPS the font is a CJK font
NUMBER_FORMATS = {
    Fmt.AMOUNT: "0.00",
    Fmt.SCORE: "0.00",
    Fmt.AREA: "0.00",
    Fmt.PERCENT: "0.00%",
    Fmt.POINTS: "General",  # 10 and 9.5 as typed
    Fmt.COUNT: "General",
    Fmt.TEXT: "General",
}
FORMULA_STARTS = ("=", "+", "-", "@")  # what Excel would take as the start of a formula

_THIN = Side(style="thin", color="FF000000")
TABLE_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
NO_BORDER = Border()
# A cell drawn in two parts with no rule between them (the 绩效指标 column beside the repeated header)
OPEN_BORDERS = {None: TABLE_BORDER, "bottom": Border(left=_THIN, right=_THIN, top=_THIN),
                "top": Border(left=_THIN, right=_THIN, bottom=_THIN)}


def role_font(role: Role) -> Font:
    style = ROLE_STYLES[role]
    return Font(name=style.font, size=style.size_pt, bold=style.bold, charset=GB2312_CHARSET)


def cell_value(cell: Cell) -> tuple[Any, bool]:
    """(value to write, is a number). Numbers are written as printed, text is cleaned for XML.

    A figure holds the value the form prints (amounts rounded to 2 decimals, the rate as the
    printed percentage), so that a reviewer adding up cells in Excel gets the printed totals.
    """
    if holds_number(cell):
        value = Decimal(cell.value)
        if cell.fmt in (Fmt.AMOUNT, Fmt.SCORE, Fmt.AREA):
            value = q2(value)
        elif cell.fmt is Fmt.PERCENT:
            value = percent(value) / 100
        return value, True
    # XML forbids most control characters; Word's manual line break (\x0b) becomes a real one
    text = printable((cell.text or "").replace("\x0b", "\n"))
    return (text or None), False


class StyleBook:
    """Builds each style combination once and stamps it on the cells that share it."""

    def __init__(self):
        self._styles: dict[tuple, Any] = {}

    def apply(self, target, role: Optional[Role], align: str, bordered: bool, fmt: Fmt = Fmt.TEXT,
              as_text: bool = False, open_side: Optional[str] = None) -> None:
        """Style ``target``; ``open_side`` ('top' or 'bottom') leaves out that rule of a bordered cell."""
        vertical = "bottom" if role is Role.SIGNATURE else "center"  # the blank room to sign is above
        key = (role, align, bordered, fmt, as_text, open_side)
        style = self._styles.get(key)
        if style is not None:
            target._style = copy(style)  # openpyxl's StyleArray; see the module docstring
            return
        font_role = role or Role.INPUT
        target.font = role_font(font_role)
        target.border = OPEN_BORDERS[open_side] if bordered else NO_BORDER
        number = fmt is not Fmt.TEXT
        target.alignment = Alignment(
            horizontal=align if align in ("left", "center", "right") else "center",
            vertical=vertical,
            # a number cannot wrap: Excel shows ### when it is too wide, so let it shrink instead;
            # stacked text needs no wrapping, and LibreOffice left-aligns it when wrapping is on
            wrap_text=not number and role is not Role.VERTICAL,
            shrink_to_fit=number,
            text_rotation=255 if role is Role.VERTICAL else 0,
            indent=1 if bordered and not number and align in ("left", "right") else 0,  # off the rules
        )
        target.number_format = NUMBER_FORMATS[fmt]
        if as_text:
            target.quotePrefix = True  # Excel keeps "=1+1" text even after the cell is edited
        self._styles[key] = copy(target._style)
