"""How a layout is set in type on paper: fonts and sizes per role, paddings, line pitch (RULES.md §7).

These are the facts every printed rendering shares (the PDF, Word, Excel, the window's 打印) and that
the layout itself needs to fit its columns and estimate its row heights. Fonts are named as Word, WPS
and Excel know them on Chinese Windows; the PDF writer maps them to embeddable files (exporters/fonts.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from .grid import Role

TITLE_FONT = "方正小标宋简体"  # 二号 in the rules; 小二 here so every form title fits one line
BODY_FONT = "仿宋"  # 五号 in tables
HEADING_FONT = "黑体"
NUMBER_FONT = "Times New Roman"  # Latin digits in Word

PT_PER_MM = 72 / 25.4
MM_PER_PT = 25.4 / 72


@dataclass(frozen=True)
class TextStyle:
    font: str
    size_pt: float
    bold: bool = False


ROLE_STYLES = {
    Role.TITLE: TextStyle(TITLE_FONT, 18.0),  # 小二: every form title fits one line, portrait too
    Role.SUBTITLE: TextStyle(BODY_FONT, 12.0),  # 小四
    Role.HEADER: TextStyle(BODY_FONT, 10.5, bold=True),  # 五号 bold
    Role.LABEL: TextStyle(BODY_FONT, 10.5),
    Role.INPUT: TextStyle(BODY_FONT, 10.5),
    Role.COMPUTED: TextStyle(BODY_FONT, 10.5),
    Role.VERTICAL: TextStyle(BODY_FONT, 10.5, bold=True),
    Role.NOTE: TextStyle(BODY_FONT, 10.5),
    Role.SIGNATURE: TextStyle(BODY_FONT, 12.0),  # 小四, room to sign
}

LINE_PITCH = 1.25  # baseline to baseline over the font size (Word's cells are set to it exactly)
SIGNATURE_SPACE_MM = 12.0  # blank space above the signature line, for the stamp and signatures
CELL_PAD_X_MM = 1.0  # left and right, inside a bordered cell
CELL_PAD_Y_MM = 0.75  # above and below the text of a bordered cell
MIN_ROW_MM = 6.0  # a table row is at least this tall, as on the printed forms: room to write by hand
TIGHT_PAD_Y_MM, TIGHT_MIN_ROW_MM = 0.3, 5.3  # the same for a form that saves a page with them
# Space above and below the rows outside the table (title, 附件N, notes, signature line), in points.
OUTSIDE_SPACE_PT = {
    Role.TITLE: (0.0, 8.0),
    Role.SUBTITLE: (0.0, 4.0),
    Role.NOTE: (4.0, 0.0),
    Role.SIGNATURE: (SIGNATURE_SPACE_MM * PT_PER_MM, 2.0),
}


def size_pt(role: Role) -> float:
    return ROLE_STYLES[role].size_pt


def line_mm(role: Role) -> float:
    """Height of one line of text of ``role``, in mm."""
    return ROLE_STYLES[role].size_pt * LINE_PITCH * MM_PER_PT


def em_mm(role: Role) -> float:
    """Width of one em (a Chinese character) of ``role``, in mm."""
    return ROLE_STYLES[role].size_pt * MM_PER_PT
