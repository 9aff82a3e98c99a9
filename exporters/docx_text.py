"""The rows above and below a form's table as paragraphs: 附件N, the title, 填报单位 and the year,
the notes and the signature line.

A row with several cells (填报单位：（盖章） … （2024年度）, 填报人：… 单位负责人签字：) becomes one
paragraph whose parts sit at tab stops where their cells would be, so the line reads like the
printed form; parts that would collide are pushed right, and a line that cannot hold them at
their places is spread evenly instead.
"""
from __future__ import annotations

from model.layout import Cell, Layout, Role
from model.layout.linebreak import balanced, char_em
from model.layout.typeset import OUTSIDE_SPACE_PT, em_mm
from model.layout.widths import em_measure, usable_mm

from .docx_xml import ROLE_PARAGRAPH_STYLE, paragraph, text_runs, twips
from .style import ROLE_STYLES

GAP_MM = 4.0  # least room between two parts of one line


def text_width_mm(text: str, size_pt: float) -> float:
    return sum(char_em(ch) for ch in text) * size_pt * 0.3528


def before_table_xml(layout: Layout, body_width_mm: float) -> str:
    """附件N, the title and the 填报单位 line; each kept with the table below it."""
    return "".join(_row(layout, row, body_width_mm, keep_next=True) for row in layout.before_table())


def after_table_xml(layout: Layout, body_width_mm: float, sect_pr: str) -> str:
    """Notes and the signature line, kept together with the table's last row; the last paragraph
    carries the form's section properties."""
    rows = list(layout.after_table())
    if not rows:
        return paragraph("FormNote", sect_pr=sect_pr)
    parts = []
    for index, row in enumerate(rows):
        cells = layout.cells_in_row(row)
        # air between the table and the 说明/备注, room to sign and stamp above the signature line
        space = int(round(OUTSIDE_SPACE_PT.get(cells[0].role, (0.0, 0.0))[0] * 20)) if cells else 0
        last = index == len(rows) - 1
        parts.append(_row(layout, row, body_width_mm, keep_next=not last, spacing_before=space,
                          sect_pr=sect_pr if last else ""))
    return "".join(parts)


def title_lines(title: str, width_mm: float) -> str:
    """A title too long for one line, broken into even lines at a bracket if one serves, as official
    titles are set, not wrapped with a short tail; the same lines the pagination plan counts."""
    if "\n" in title:
        return title
    return "\n".join(balanced(title, usable_mm(width_mm) / em_mm(Role.TITLE), em_measure))


def _row(layout: Layout, row: int, body_width_mm: float, *, keep_next: bool = False, spacing_before: int = 0,
         sect_pr: str = "") -> str:
    cells = layout.cells_in_row(row)
    if not cells:
        return paragraph("FormNote", keep_next=keep_next, sect_pr=sect_pr)
    style = ROLE_PARAGRAPH_STYLE[cells[0].role]
    if len(cells) == 1 and cells[0].col == 0:
        cell = cells[0]
        text = title_lines(cell.text, layout.width_mm) if cell.role is Role.TITLE else cell.text
        return paragraph(style, text_runs(text, cell.role), jc=cell.align, keep_next=keep_next,
                         spacing_before=spacing_before, sect_pr=sect_pr)
    tabs, content = _tabbed(layout, cells, body_width_mm)
    return paragraph(style, content, keep_next=keep_next, tabs=tabs, spacing_before=spacing_before,
                     sect_pr=sect_pr)


def _tabbed(layout: Layout, cells: list[Cell], body_width_mm: float):
    """Tab stops and runs that put each cell's text where the cell is in the table's columns."""
    offset = (body_width_mm - layout.width_mm) / 2  # the table is centred on the text area
    edges = [offset]
    for width in layout.column_widths_mm:
        edges.append(edges[-1] + width)
    widths = [text_width_mm(c.text, ROLE_STYLES[c.role].size_pt) for c in cells]
    stops, end = [], 0.0  # (kind, position, start of text) per cell
    for cell, width in zip(cells, widths):
        left, right = edges[cell.col], edges[cell.col + cell.colspan]
        kind, pos = {"left": ("left", left), "center": ("center", (left + right) / 2),
                     "right": ("right", right)}[cell.align]
        start = {"left": pos, "center": pos - width / 2, "right": pos - width}[kind]
        if stops and start < end + GAP_MM:  # would collide with the part before it
            kind, pos = "left", end + GAP_MM
            start = pos
        stops.append((kind, max(pos, 0.0)))
        end = max(start, 0.0) + width
    if end > body_width_mm:  # the parts do not fit at their places: spread them evenly
        gap = max(body_width_mm - sum(widths), GAP_MM * (len(cells) - 1)) / max(1, len(cells) - 1)
        stops = [("left", sum(widths[:i]) + gap * i) for i in range(len(cells))]
    tabs, runs = [], []
    for index, (cell, (kind, pos)) in enumerate(zip(cells, stops)):
        if index or kind != "left" or pos > 0.05:
            tabs.append((kind, twips(pos)))
            runs.append("<w:r><w:tab/></w:r>")
        runs.append(text_runs(cell.text, cell.role))
    return tabs, "".join(runs)
