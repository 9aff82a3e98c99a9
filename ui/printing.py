"""打印 and 打印预览: the layouts painted with QPainter, page by page, as the PDF prints them.

Same grids, A4 in each form's orientation, the margins of exporters.style.page_for, fonts per
role, the header row repeated on continuation pages, the footer kept with the end of the table,
and 第 N 页 共 M 页. Works on any QPagedPaintDevice: a printer, the preview, a QPdfWriter (tests).
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPen

from exporters.style import ROLE_STYLES, SIGNATURE_SPACE_MM, Page, page_for
from model.layout import Cell, Layout, Role

FALLBACK_FAMILIES = ["仿宋", "FangSong", "仿宋_GB2312", "宋体", "SimSun", "WenQuanYi Micro Hei", "Noto Sans CJK SC"]
PAD_MM = 0.7
MIN_ROW_MM = 5.5
FOOTER_MM = 8.0  # 第 N 页 共 M 页 sits in the bottom margin, this far below the body


def role_font(role: Role) -> QFont:
    style = ROLE_STYLES[role]
    font = QFont()
    font.setFamilies([style.font, *FALLBACK_FAMILIES])
    font.setPointSizeF(style.size_pt)
    font.setBold(style.bold)
    return font


@dataclass
class PlannedPage:
    layout: Layout
    rows: list[int]  # grid rows in print order (repeated header rows included)


class _Measure:
    def __init__(self, device: QPagedPaintDevice):
        self.device = device
        self.px_per_mm = device.logicalDpiY() / 25.4
        self.fonts = {role: role_font(role) for role in Role}
        self.metrics = {role: QFontMetricsF(font, device) for role, font in self.fonts.items()}

    def text_mm(self, cell: Cell, width_mm: float) -> float:
        metrics = self.metrics[cell.role]
        if cell.role is Role.VERTICAL:
            return metrics.height() * len(cell.text.replace("\n", "")) / self.px_per_mm
        box = QRectF(0, 0, max(1.0, (width_mm - 2 * PAD_MM) * self.px_per_mm), 1e7)
        height = metrics.boundingRect(box, int(Qt.TextFlag.TextWordWrap), cell.text or " ").height()
        return height / self.px_per_mm

    def row_heights(self, layout: Layout) -> list[float]:
        heights = [0.0] * layout.n_rows
        tall = []
        for cell in layout.cells:
            width = sum(layout.column_widths_mm[cell.col:cell.last_col + 1])
            need = self.text_mm(cell, width) + 2 * PAD_MM
            if cell.role is Role.SIGNATURE:
                need += SIGNATURE_SPACE_MM
            if cell.role is Role.TITLE:
                need += 3
            if cell.rowspan == 1:
                heights[cell.row] = max(heights[cell.row], need)
            else:
                tall.append((cell, need))
        for row in layout.table_rows:
            heights[row] = max(heights[row], MIN_ROW_MM)
        for cell, need in tall:
            rows = range(cell.row, cell.last_row + 1)
            lacking = need - sum(heights[r] for r in rows)
            if lacking > 0:
                for r in rows:
                    heights[r] += lacking / len(rows)
        return heights


def plan(layout: Layout, heights: list[float], page: Page) -> list[PlannedPage]:
    """Split a form into pages between rows; repeat the header row in the block it heads."""
    body = page.height_mm - page.top_mm - page.bottom_mm
    header = list(layout.header_rows)
    after = list(layout.after_table())
    after_height = sum(heights[r] for r in after)
    pages: list[list[int]] = [[]]
    used = 0.0
    table_end = layout.table_rows.stop
    for row in range(table_end):
        height = heights[row]
        last_table_row = row == table_end - 1
        need = height + (after_height if last_table_row else 0)  # the footer goes with the last row
        if pages[-1] and used + need > body:
            repeat = header if header and row > header[-1] else []
            pages.append(list(repeat))
            used = sum(heights[r] for r in repeat)
        pages[-1].append(row)
        used += height
    pages[-1].extend(after)
    return [PlannedPage(layout, rows) for rows in pages if rows]


def plan_document(device: QPagedPaintDevice, layouts: list[Layout]) -> tuple[list[PlannedPage], dict]:
    measure = _Measure(device)
    heights = {}
    pages: list[PlannedPage] = []
    for layout in layouts:
        heights[layout.key] = measure.row_heights(layout)
        pages += plan(layout, heights[layout.key], page_for(layout))
    return pages, heights


def _page_layout(layout: Layout) -> QPageLayout:
    orientation = QPageLayout.Orientation.Landscape if layout.landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0),
                       QPageLayout.Unit.Millimeter)


def paint_layouts(device: QPagedPaintDevice, layouts: list[Layout]) -> int:
    """Paint every form on ``device``; returns the number of pages."""
    if not layouts:
        return 0
    pages, heights = plan_document(device, layouts)
    device.setPageLayout(_page_layout(pages[0].layout))
    painter = QPainter()
    if not painter.begin(device):
        raise RuntimeError("无法开始打印：打印机不可用")
    try:
        measure = _Measure(device)
        for number, planned in enumerate(pages, start=1):
            if number > 1:
                device.setPageLayout(_page_layout(planned.layout))
                device.newPage()
            _paint_page(painter, measure, planned, heights[planned.layout.key], number, len(pages))
    finally:
        painter.end()
    return len(pages)


def _paint_page(painter: QPainter, measure: _Measure, planned: PlannedPage, heights: list[float],
                number: int, total: int) -> None:
    layout = planned.layout
    page = page_for(layout)
    k = measure.px_per_mm
    x0 = page.left_mm + (page.body_width_mm - layout.width_mm) / 2
    xs = [x0]
    for width in layout.column_widths_mm:
        xs.append(xs[-1] + width)
    ys, y = {}, page.top_mm
    for position, row in enumerate(planned.rows):
        ys[position] = y
        y += heights[row]
    ys[len(planned.rows)] = y
    drawn = set()
    for position, row in enumerate(planned.rows):
        for col in range(layout.n_cols):
            cell = layout.at(row, col)
            if cell is None:
                if row in layout.table_rows:
                    _rule(painter, QRectF(xs[col] * k, ys[position] * k, (xs[col + 1] - xs[col]) * k,
                                          heights[row] * k))
                continue
            if (id(cell), position) in drawn or col != cell.col:
                continue
            positions = [p for p, r in enumerate(planned.rows) if cell.row <= r <= cell.last_row]
            block = [p for p in positions if p >= position]
            end = block[0]
            while end + 1 in block:
                end += 1
            for p in range(position, end + 1):
                drawn.add((id(cell), p))
            rect = QRectF(xs[cell.col] * k, ys[position] * k, (xs[cell.last_col + 1] - xs[cell.col]) * k,
                          (ys[end + 1] - ys[position]) * k)
            _paint_cell(painter, measure, cell, rect, cell.row in layout.table_rows)
    painter.setFont(role_font(Role.NOTE))
    painter.setPen(QPen(Qt.GlobalColor.black))
    footer = QRectF(0, (page.height_mm - page.bottom_mm + 3) * k, page.width_mm * k, FOOTER_MM * k)
    painter.drawText(footer, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), f"第 {number} 页 共 {total} 页")


def _rule(painter: QPainter, rect: QRectF) -> None:
    painter.setPen(QPen(Qt.GlobalColor.black, 0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)


_ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
          "right": Qt.AlignmentFlag.AlignRight}


def _paint_cell(painter: QPainter, measure: _Measure, cell: Cell, rect: QRectF, ruled: bool) -> None:
    if ruled:
        _rule(painter, rect)
    if not cell.text:
        return
    k = measure.px_per_mm
    painter.setFont(measure.fonts[cell.role])
    painter.setPen(QPen(Qt.GlobalColor.black))
    inner = rect.adjusted(PAD_MM * k, PAD_MM * k / 2, -PAD_MM * k, -PAD_MM * k / 2)
    if cell.role is Role.VERTICAL:
        painter.drawText(inner, int(Qt.AlignmentFlag.AlignCenter), "\n".join(cell.text.replace("\n", "")))
        return
    vertical = Qt.AlignmentFlag.AlignBottom if cell.role is Role.SIGNATURE else Qt.AlignmentFlag.AlignVCenter
    align = _ALIGN.get(cell.align, Qt.AlignmentFlag.AlignLeft)
    if cell.role is Role.TITLE:
        align = Qt.AlignmentFlag.AlignHCenter
    painter.drawText(inner, int(align | vertical | Qt.TextFlag.TextWordWrap), cell.text)
