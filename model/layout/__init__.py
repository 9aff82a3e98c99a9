"""One layout per mandated form: a grid of cells that the window and every exporter render.

A layout is built from the document and its evaluation, so it has exactly as many indicator,
project and 专项 rows as the document. Titles and notes are cells too (roles TITLE, NOTE,
SIGNATURE) outside the bordered ``table_rows``; exporters that need paragraphs (docx, pdf) turn
those rows into paragraphs, the spreadsheet and the window keep them as cells.
"""
from .build import build_layout, build_layouts
from .grid import Cell, Fmt, Layout, Role

__all__ = ["Cell", "Fmt", "Layout", "Role", "build_layout", "build_layouts", "forget_remembered"]


def forget_remembered() -> None:
    """Forget the widths, line breaks and page plans remembered for layouts seen before (benchmarks
    measure an export as the first one after an edit)."""
    from . import heights, linebreak, paging, widths
    widths._fitted.clear()
    widths._measure.cache_clear()
    paging._planned.clear()
    heights._lines.cache_clear()
    linebreak.break_points.cache_clear()
