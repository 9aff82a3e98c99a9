"""打印 and 打印预览: the layouts painted with QPainter on the pages the PDF has.

The pages come from the one pagination plan (model/layout/paging.py) the PDF, Word and Excel follow:
the same rows on each page at the same heights, the header row repeated, labels cut by a break printed
in each part, a row taller than a page as its piece of the text on each page (heights.printed_text),
第 N 页 共 M 页. Text is broken into lines by the same Chinese line-breaking rules
(model/layout/linebreak.py) with the printer font's metrics.

Each form prints in its orientation (基础数据表 portrait, the scored forms landscape). A PDF device
(QPdfWriter, QPrinter printing to a file, CUPS on Linux) changes orientation from page to page; the
preview and some native printers cannot once printing has begun, so the job takes the orientation of
most pages and a page in the other orientation is drawn turned by 90° on its sheet, which is how a
printer puts a landscape page on paper anyway. Works on any QPagedPaintDevice.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (QFont, QFontMetricsF, QPageLayout, QPageSize, QPagedPaintDevice, QPaintEngine, QPainter,
                           QPen)

from exporters.style import ROLE_STYLES, page_for, plan_form
from model.layout import Cell, Layout, Role
from model.layout.heights import FIXED_TEXT, printed_text, spread
from model.layout.linebreak import balanced, wrap
from model.layout.paging import PlannedPage
from model.layout.typeset import CELL_PAD_X_MM, LINE_PITCH, OUTSIDE_SPACE_PT, PT_PER_MM, TIGHT_PAD_Y_MM

FALLBACK_FAMILIES = ["仿宋", "FangSong", "仿宋_GB2312", "宋体", "SimSun", "AR PL UMing CN", "AR PL UMing TW",
                     "WenQuanYi Micro Hei", "Noto Sans CJK SC"]
PAGE_NUMBER_PT = 9.0


def role_font(role: Role, size: float | None = None) -> QFont:
    style = ROLE_STYLES[role]
    font = QFont()
    font.setFamilies([style.font, *FALLBACK_FAMILIES])
    font.setPointSizeF(size or style.size_pt)
    font.setBold(style.bold)
    return font


@dataclass
class PrintedSheet:
    """What was printed on one sheet: the form's page, and whether it was turned to fit the sheet."""

    page: PlannedPage
    landscape: bool  # the sheet's orientation
    turned: bool  # drawn at 90° (the device could not change orientation)


class _Fonts:
    """Fonts, metrics and character widths per role on one device, measured once."""

    def __init__(self, device: QPagedPaintDevice):
        self.px_per_mm = device.logicalDpiY() / 25.4
        self.fonts = {role: role_font(role) for role in Role}
        self.metrics = {role: QFontMetricsF(font, device) for role, font in self.fonts.items()}
        self._widths: dict[Role, dict[str, float]] = {role: {} for role in Role}

    def width(self, role: Role):
        cache, metrics = self._widths[role], self.metrics[role]

        def measure(char: str) -> float:
            width = cache.get(char)
            if width is None:
                width = cache[char] = metrics.horizontalAdvance(char)
            return width
        return measure

    def line_px(self, role: Role) -> float:
        return ROLE_STYLES[role].size_pt * LINE_PITCH / PT_PER_MM * self.px_per_mm

    def lines(self, layout: Layout, cell: Cell, width_px: float, piece=None) -> list[str]:
        """The cell's lines in ``width_px``; ``piece``: the lines of a row split between pages this page
        holds (Slot.lines), as the plan counts them."""
        text = printed_text(layout, cell, piece).strip()  # labels broken where every format breaks them
        if not text:
            return []
        if cell.role is Role.VERTICAL:
            return [ch for ch in text if not ch.isspace()]
        measure = self.width(cell.role)
        if cell.fmt.numeric and "\n" not in text:
            return [text]  # a figure never breaks (it is drawn smaller if it must)
        return (balanced if cell.role in FIXED_TEXT else wrap)(text, width_px, measure)


def _page_layout(landscape: bool) -> QPageLayout:
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0),
                       QPageLayout.Unit.Millimeter)


def plan_document(layouts: list[Layout]) -> list[PlannedPage]:
    return [page for layout in layouts for page in plan_form(layout)]


def paint_layouts(device: QPagedPaintDevice, layouts: list[Layout]) -> int:
    """Paint every form on ``device``; returns the number of pages."""
    return len(print_sheets(device, layouts))


def print_sheets(device: QPagedPaintDevice, layouts: list[Layout]) -> list[PrintedSheet]:
    """Paint every form on ``device``, one planned page a sheet; what went on each sheet."""
    pages = plan_document(layouts)
    if not pages:
        return []
    engine = device.paintEngine()
    switchable = engine is not None and engine.type() == QPaintEngine.Type.Pdf
    landscape = [p.layout.landscape for p in pages]
    sheet = landscape[0] if switchable else sum(landscape) * 2 >= len(landscape)
    device.setPageLayout(_page_layout(sheet))
    painter = QPainter()
    if not painter.begin(device):
        raise RuntimeError("无法开始打印：打印机不可用")
    sheets = []
    try:
        fonts = _Fonts(device)
        for number, page in enumerate(pages, start=1):
            if number > 1:
                if switchable and page.layout.landscape != sheet:
                    if device.setPageLayout(_page_layout(page.layout.landscape)):
                        sheet = page.layout.landscape
                    else:
                        switchable = False
                device.newPage()
            turned = page.layout.landscape != sheet
            painter.save()
            if turned:  # the form's page turned onto the sheet: its top along the sheet's right edge
                painter.translate(device.width(), 0)
                painter.rotate(90)
            _paint_page(painter, fonts, page, number, len(pages))
            painter.restore()
            sheets.append(PrintedSheet(page, sheet, turned))
    finally:
        painter.end()
    return sheets


def _heights_mm(fonts: _Fonts, page: PlannedPage, widths_mm: list[float]) -> list[float]:
    """The plan's row heights, grown only where this printer's text needs more than the estimate."""
    heights = [slot.height for slot in page.slots]
    k = fonts.px_per_mm
    needs = []
    for cell, first, last in page.parts():
        width = sum(widths_mm[cell.col:cell.last_col + 1])
        inner = (width - 2 * CELL_PAD_X_MM) * k
        lines = fonts.lines(page.layout, cell, inner, page.slots[first].lines)
        need = len(lines) * fonts.line_px(cell.role) / k
        if cell.row in page.layout.table_rows:
            need += 2 * TIGHT_PAD_Y_MM
        else:
            need += sum(OUTSIDE_SPACE_PT.get(cell.role, (0.0, 0.0))) / PT_PER_MM
        needs.append((first, last, need))
    spread(heights, needs)
    return heights


def _paint_page(painter: QPainter, fonts: _Fonts, page: PlannedPage, number: int, total: int) -> None:
    layout = page.layout
    paper = page_for(layout)
    k = fonts.px_per_mm
    widths = list(layout.column_widths_mm)
    heights = _heights_mm(fonts, page, widths)
    body = paper.body_height_mm
    scale = min(1.0, body / sum(heights)) if sum(heights) else 1.0
    x0 = paper.left_mm + (paper.body_width_mm - layout.width_mm * scale) / 2
    painter.save()
    painter.translate(x0 * k, paper.top_mm * k)
    painter.scale(scale, scale)  # 1.0 unless this printer's text needs more room than the plan allows
    xs = [0.0]
    for width in widths:
        xs.append(xs[-1] + width)
    ys = [0.0]
    for height in heights:
        ys.append(ys[-1] + height)
    covered = set()
    for cell, first, last in page.parts():
        rect = QRectF(xs[cell.col] * k, ys[first] * k, (xs[cell.last_col + 1] - xs[cell.col]) * k,
                      (ys[last + 1] - ys[first]) * k)
        ruled = cell.row in layout.table_rows
        for index in range(first, last + 1):
            covered.update((index, c) for c in range(cell.col, cell.last_col + 1))
        _paint_cell(painter, fonts, page, cell, first, rect, ruled)
    for index, slot in enumerate(page.slots):  # table positions no cell covers are still ruled
        if slot.row in layout.table_rows:
            for col in range(layout.n_cols):
                if (index, col) not in covered:
                    _rule(painter, QRectF(xs[col] * k, ys[index] * k, widths[col] * k, heights[index] * k))
    painter.restore()
    painter.setFont(role_font(Role.NOTE, PAGE_NUMBER_PT))
    painter.setPen(QPen(Qt.GlobalColor.black))
    footer = QRectF(0, (paper.height_mm - paper.bottom_mm / 2 - 3) * k, paper.width_mm * k, 6 * k)
    painter.drawText(footer, int(Qt.AlignmentFlag.AlignCenter), f"第 {number} 页 共 {total} 页")


def _rule(painter: QPainter, rect: QRectF) -> None:
    painter.setPen(QPen(Qt.GlobalColor.black, 0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)


def _paint_cell(painter: QPainter, fonts: _Fonts, page: PlannedPage, cell: Cell, first: int, rect: QRectF,
                ruled: bool) -> None:
    if ruled:
        _rule(painter, rect)
    k = fonts.px_per_mm
    if ruled:
        inner = rect.adjusted(CELL_PAD_X_MM * k, 0, -CELL_PAD_X_MM * k, 0)
    else:
        above, below = OUTSIDE_SPACE_PT.get(cell.role, (0.0, 0.0))
        inner = rect.adjusted(0, above / PT_PER_MM * k, 0, -below / PT_PER_MM * k)
    lines = fonts.lines(page.layout, cell, inner.width(), page.slots[first].lines)
    if not lines:
        return
    font, metrics, pitch = fonts.fonts[cell.role], fonts.metrics[cell.role], fonts.line_px(cell.role)
    measure = fonts.width(cell.role)
    if cell.fmt.numeric and len(lines) == 1:
        natural = sum(measure(ch) for ch in lines[0])
        if natural > inner.width() > 0:  # a figure too wide for its cell is set smaller, never broken
            font = role_font(cell.role, ROLE_STYLES[cell.role].size_pt * inner.width() / natural)
            metrics = QFontMetricsF(font, painter.device())
    painter.setFont(font)
    painter.setPen(QPen(Qt.GlobalColor.black))
    block = pitch * len(lines)
    if cell.role is Role.SIGNATURE:
        top = inner.bottom() - block
    else:
        top = inner.top() + (inner.height() - block) / 2
    align = "center" if cell.role in (Role.TITLE, Role.VERTICAL) else cell.align
    for index, line in enumerate(lines):
        advance = metrics.horizontalAdvance(line)
        if align == "right":
            x = inner.right() - advance
        elif align == "center":
            x = inner.left() + (inner.width() - advance) / 2
        else:
            x = inner.left()
        # the glyphs' middle on the middle of the line
        baseline = top + pitch * index + pitch / 2 + (metrics.ascent() - metrics.descent()) / 2
        painter.drawText(QPointF(x, baseline), line)
