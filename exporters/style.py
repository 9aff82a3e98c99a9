"""Print conventions shared by every exporter (RULES.md §7, GB/T 9704-2012 practice).

Fonts are named as Word/WPS/Excel know them on Chinese Windows; the PDF writer maps them to
embeddable TrueType files (exporters/fonts.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from model.layout import Layout, Role

A4_MM = (210.0, 297.0)
TITLE_FONT = "方正小标宋简体"  # 二号
BODY_FONT = "仿宋"  # 五号 in tables
HEADING_FONT = "黑体"
NUMBER_FONT = "Times New Roman"  # Latin digits in Word


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


@dataclass(frozen=True)
class Page:
    width_mm: float
    height_mm: float
    left_mm: float
    right_mm: float
    top_mm: float
    bottom_mm: float

    @property
    def body_width_mm(self) -> float:
        return self.width_mm - self.left_mm - self.right_mm


def page_for(layout: Layout) -> Page:
    """A4 in the form's orientation; side margins centre the table (never narrower than 10 mm)."""
    width, height = (A4_MM[1], A4_MM[0]) if layout.landscape else A4_MM
    side = max(10.0, (width - layout.width_mm) / 2)
    return Page(width, height, side, side, 15.0 if layout.landscape else 20.0, 15.0 if layout.landscape else 20.0)


SIGNATURE_SPACE_MM = 12.0  # blank space above the signature line, for the stamp and signatures
