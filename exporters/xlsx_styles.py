"""Cell styles and cell values of the .xlsx writer, and the workbook's styles part (xl/styles.xml).

A form uses a dozen style combinations (role, alignment, ruled or not, number format, …): each gets one
cell format (xf) the first time a cell needs it, and the cells that share it name it by its number.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Optional

from model.layout import Cell, Fmt, Role
from model.money import percent, q2
from model.sanitize import printable

from .common import xml_escape
from .ooxml import DECLARATION
from .style import ROLE_STYLES
from .xlsx_package import MAIN
from .xlsx_sizes import NORMAL_FONT, holds_number

GB2312_CHARSET = 134  # tells Excel and WPS the font is a CJK font
NUMBER_FORMATS = {  # Excel's built-in number formats: 0 General, 2 0.00, 10 0.00%
    Fmt.AMOUNT: 2,  # 0.00
    Fmt.SCORE: 2,
    Fmt.AREA: 2,
    Fmt.PERCENT: 10,  # 0.00%
    Fmt.POINTS: 0,  # 10 and 9.5 as typed
    Fmt.COUNT: 0,
    Fmt.TEXT: 0,
}

_THIN = '<{side} style="thin"><color rgb="FF000000"/></{side}>'
# borders: none, ruled, and a cell drawn in two parts with no rule between them (the 绩效指标 column
# beside the repeated header): its upper part open below, its lower part open above
BORDERS = {
    (False, None): "<border><left/><right/><top/><bottom/><diagonal/></border>",
    (True, None): "<border>" + "".join(_THIN.format(side=s) for s in ("left", "right", "top", "bottom")) + "<diagonal/></border>",
    (True, "bottom"): "<border>" + "".join(_THIN.format(side=s) for s in ("left", "right", "top")) + "<bottom/><diagonal/></border>",
    (True, "top"): "<border>" + "".join(_THIN.format(side=s) for s in ("left", "right")) + "<top/>"
                   + _THIN.format(side="bottom") + "<diagonal/></border>",
}
_BORDER_IDS = {key: index for index, key in enumerate(BORDERS)}


def clean_text(text: str) -> str:
    """Text as a cell can hold it: no control characters; Word's manual line break (\\x0b) a real one."""
    return printable(text.replace("\x0b", "\n"))


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
    text = clean_text(cell.text or "")
    return (text or None), False


def _font_xml(role: Role) -> str:
    style = ROLE_STYLES[role]
    bold = "<b/>" if style.bold else ""
    return f'<font>{bold}<sz val="{style.size_pt:g}"/><name val="{xml_escape(style.font)}"/><charset val="{GB2312_CHARSET}"/></font>'


class StyleBook:
    """The workbook's cell formats, each made once and named by its index in cellXfs."""

    def __init__(self):
        name, size = NORMAL_FONT  # font 0, the Normal style's: the unit of every column width (xlsx_sizes)
        self._fonts: dict[Optional[Role], int] = {None: 0}
        self._font_xml = [f'<font><sz val="{size:g}"/><name val="{name}"/><family val="2"/></font>']
        self._xfs: dict[tuple, int] = {}
        self._xf_xml = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']

    def index(self, role: Optional[Role], align: str, bordered: bool, fmt: Fmt = Fmt.TEXT,
              as_text: bool = False, open_side: Optional[str] = None, one_line: bool = False) -> int:
        """The format of a cell; ``open_side`` ('top' or 'bottom') leaves out that rule of a ruled cell;
        ``one_line``: a text the plan sets on one line (a phone number, 已完成), which shrinks rather than
        wraps where the renderer's font is wider (LibreOffice's stand-in for 仿宋): its row is one line tall."""
        key = (role, align, bordered, fmt, as_text, open_side, one_line)
        found = self._xfs.get(key)
        if found is None:
            found = self._xfs[key] = len(self._xf_xml)
            self._xf_xml.append(self._xf(*key))
        return found

    def _font(self, role: Role) -> int:
        found = self._fonts.get(role)
        if found is None:
            found = self._fonts[role] = len(self._font_xml)
            self._font_xml.append(_font_xml(role))
        return found

    def _xf(self, role, align, bordered, fmt, as_text, open_side, one_line) -> str:
        number = fmt is not Fmt.TEXT
        shrink = number or one_line
        attributes = {
            "horizontal": align if align in ("left", "center", "right") else "center",
            "vertical": "bottom" if role is Role.SIGNATURE else "center",  # the blank room to sign is above
            # a number cannot wrap: Excel shows ### when it is too wide, so let it shrink instead;
            # stacked text needs no wrapping, and LibreOffice left-aligns it when wrapping is on
            "wrapText": "1" if not shrink and role is not Role.VERTICAL else None,
            "shrinkToFit": "1" if shrink else None,
            "textRotation": "255" if role is Role.VERTICAL else None,
            "indent": "1" if bordered and not number and align in ("left", "right") else None,  # off the rules
        }
        alignment = " ".join(f'{k}="{v}"' for k, v in attributes.items() if v is not None)
        border = _BORDER_IDS[(bordered, open_side if bordered else None)]
        quote = ' quotePrefix="1"' if as_text else ""  # Excel keeps "=1+1" text even after the cell is edited
        return (f'<xf numFmtId="{NUMBER_FORMATS[fmt]}" fontId="{self._font(role or Role.INPUT)}" fillId="0"'
                f' borderId="{border}" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"'
                f' applyAlignment="1"{quote}><alignment {alignment}/></xf>')

    def xml(self) -> str:
        """xl/styles.xml."""
        return (f'{DECLARATION}<styleSheet xmlns="{MAIN}">'
                f'<fonts count="{len(self._font_xml)}">{"".join(self._font_xml)}</fonts>'
                '<fills count="2"><fill><patternFill patternType="none"/></fill>'
                '<fill><patternFill patternType="gray125"/></fill></fills>'
                f'<borders count="{len(BORDERS)}">{"".join(BORDERS.values())}</borders>'
                '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                f'<cellXfs count="{len(self._xf_xml)}">{"".join(self._xf_xml)}</cellXfs>'
                '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
                '</styleSheet>')
