"""Print conventions shared by every exporter (RULES.md §7, GB/T 9704-2012 practice).

The type itself (fonts and sizes per role, paddings, line pitch) is described with the layout, in
model/layout/typeset.py, since the layout fits its columns and estimates its rows by it; this module
adds the page: A4 in the form's orientation and its margins.
"""
from __future__ import annotations

from dataclasses import dataclass

from model.layout import Layout
from model.layout.typeset import (BODY_FONT, HEADING_FONT, NUMBER_FONT, ROLE_STYLES, SIGNATURE_SPACE_MM,
                                  TITLE_FONT, TextStyle)

__all__ = ["A4_MM", "BODY_FONT", "HEADING_FONT", "NUMBER_FONT", "Page", "ROLE_STYLES", "SIGNATURE_SPACE_MM",
           "TITLE_FONT", "TextStyle", "page_for", "plan_form"]

A4_MM = (210.0, 297.0)


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

    @property
    def body_height_mm(self) -> float:
        return self.height_mm - self.top_mm - self.bottom_mm


def page_for(layout: Layout) -> Page:
    """A4 in the form's orientation; side margins centre the table (never narrower than 10 mm)."""
    width, height = (A4_MM[1], A4_MM[0]) if layout.landscape else A4_MM
    side = max(10.0, (width - layout.width_mm) / 2)
    return Page(width, height, side, side, 15.0 if layout.landscape else 20.0, 15.0 if layout.landscape else 20.0)


def plan_form(layout: Layout):
    """The printed pages of ``layout`` on its A4 page (model/layout/paging.py)."""
    from model.layout.paging import plan_pages
    return plan_pages(layout, page_for(layout).body_height_mm)
