"""Cell text as reportlab flowables: Chinese wrapped inside cells, in the role's font and alignment."""
from __future__ import annotations

from typing import Optional, Sequence, Union
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph

from model.layout import Cell, Role
from model.sanitize import printable

from .fonts import FontSet
from .style import ROLE_STYLES

LEADING = 1.25  # line height as a multiple of the font size
GLYPH_MIDDLE = 0.36  # height of the middle of a Chinese character or a digit above the baseline, in ems
MIN_NUMBER_SCALE = 0.75  # a number too wide for its cell is set up to this much smaller rather than broken
OPENING, CLOSING = "（(【《“‘", "）)】》”’，。、；：！？%％"  # no line ends with OPENING or starts with CLOSING
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}

Content = Union[Flowable, str]  # '' for an empty cell


def drop(font: str, size: float) -> float:
    """How far to lower a Paragraph so its glyphs, not its line box, sit in the middle of a cell.

    Paragraph puts its first baseline one font size (or one ascent) below the top of a box one leading
    high per line; Lines centres its glyphs the same way, so both kinds of cell look alike.
    """
    offset = 1.0 if rl_config.paraFontSizeHeightOffset else pdfmetrics.getFont(font).face.ascent / 1000
    return (GLYPH_MIDDLE + LEADING / 2 - offset) * size


class CellParagraph(Paragraph):
    """A Paragraph that keeps its last wrap (the table measures a cell, then draws it at the same width)
    and centres its glyphs rather than its line box."""

    _wrapped_at = None
    drop = 0.0

    def drawOn(self, canvas, x, y, _sW=0):
        super().drawOn(canvas, x, y - self.drop, _sW)

    def wrap(self, availWidth, availHeight):
        if self._wrapped_at is not None and abs(self._wrapped_at - availWidth) < 1e-6:
            return self.width, self.height
        self._wrapped_at = availWidth
        return super().wrap(availWidth, availHeight)


class Lines(Flowable):
    """Lines of text already known to fit their cell, drawn straight onto the canvas.

    It looks like a CellParagraph of the same style (font, size, leading, alignment, glyphs centred) but
    costs a fraction of one: most cells of a form (numbers, short labels, labels broken in two) are such
    lines, while text typed by the user that must wrap stays a Paragraph with wordWrap='CJK'.
    """

    def __init__(self, lines: Sequence[str], font: str, size: float, align: str, line_size: Optional[float] = None):
        super().__init__()
        self.lines, self.font, self.size, self.align = lines, font, size, align
        line_size = line_size or size  # a shrunk number keeps the row height of its cell's normal size
        self.leading = line_size * LEADING
        self.baseline = self.leading / 2 - GLYPH_MIDDLE * size  # of the last line, above the bottom
        face = pdfmetrics.getFont(font)
        self.advances = [face.stringWidth(line, size) for line in lines] if align != "left" else None

    def wrap(self, availWidth, availHeight):
        self.width, self.height = availWidth, self.leading * len(self.lines)
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):
        # No saveState/translate per cell, and (inside a LinesTable) one text object for the whole table:
        # thousands of cells made those the bulk of the time and of the page stream.
        y += self.baseline + self.leading * (len(self.lines) - 1)
        batch = getattr(canvas, "_lines_batch", None)
        for index, line in enumerate(self.lines):
            left = x
            if self.align == "right":
                left = x + self.width - self.advances[index]
            elif self.align == "center":
                left = x + (self.width - self.advances[index]) / 2
            if batch is not None:
                batch.append((self.font, self.size, left, y, line))
            else:
                canvas.setFont(self.font, self.size)
                canvas.drawString(left, y, line)
            y -= self.leading


def write_batch(canvas, batch: list) -> None:
    """Write the collected lines of a table as one text object (see Lines.drawOn).

    The operators are those canvas.drawString writes for a TrueType font (Tm, subset Tf, Tj), without
    its per-string text object, width measuring and number formatting; the encoding of a string is the
    font's own splitString, remembered per document because cells repeat (5, 100%, 一级指标 …).
    """
    doc = canvas._doc
    encoded = doc.__dict__.setdefault("_cell_lines", {})
    code, current = ["q BT"], None  # q/Q: the font chosen here does not leak into later drawing
    for font_name, size, x, y, line in batch:
        code.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        key = (font_name, line)
        runs = encoded.get(key)
        if runs is None:
            font = pdfmetrics.getFont(font_name)
            runs = encoded[key] = [(font.getSubsetInternalName(subset, doc), f"({canvas._escape(data)}) Tj")
                                   for subset, data in font.splitString(line, doc)]
        for subset_name, show in runs:
            if (subset_name, size) != current:
                code.append(f"{subset_name} {size:.2f} Tf")
                current = (subset_name, size)
            code.append(show)
    code.append("ET Q")
    canvas._code.append(" ".join(code))


class CellText:
    """Makes the content of each cell; styles and font coverage are looked up once per writer."""

    def __init__(self, fonts: FontSet):
        self.fonts = fonts
        self._styles: dict[tuple, ParagraphStyle] = {}
        self._cmaps = {name: pdfmetrics.getFont(name).face.charToGlyph for name in fonts.all}
        self._drops: dict[Role, float] = {}

    def font(self, role: Role) -> str:
        return self.fonts.for_style(ROLE_STYLES[role])

    def size(self, role: Role) -> float:
        return ROLE_STYLES[role].size_pt

    def style(self, role: Role, align: str) -> ParagraphStyle:
        key = (role, align)
        style = self._styles.get(key)
        if style is None:
            size = self.size(role)
            style = ParagraphStyle(f"{role.value}-{align}", fontName=self.font(role), fontSize=size,
                                   leading=size * LEADING, alignment=_ALIGN.get(align, TA_LEFT), wordWrap="CJK",
                                   splitLongWords=True)
            self._styles[key] = style
        return style

    def covered(self, text: str, font: str) -> bool:
        cmap = self._cmaps[font]
        return all(ord(ch) in cmap for ch in text)

    def markup(self, text: str, font: str) -> str:
        """Escaped Paragraph markup; a character the face lacks is set in a face that has it."""
        cmap = self._cmaps[font]
        parts = []
        for ch in text:
            piece = "<br/>" if ch == "\n" else escape(ch)
            if ch != "\n" and ord(ch) not in cmap:
                other = next((n for n in self.fonts.all if ord(ch) in self._cmaps[n]), None)
                if other:
                    piece = f'<font name="{other}">{piece}</font>'
            parts.append(piece)
        return "".join(parts)

    def paragraph(self, markup: str, role: Role, align: str) -> CellParagraph:
        paragraph = CellParagraph(markup, self.style(role, align))
        paragraph.drop = self._drops.setdefault(role, drop(self.font(role), self.size(role)))
        return paragraph

    def content(self, cell: Cell, width: float) -> Content:
        """The flowable for ``cell`` drawn in ``width`` points (padding already taken off)."""
        text = printable(cell.text or "").strip()
        if not text:
            return ""
        role = cell.role
        font = self.font(role)
        size = self.size(role)
        if role is Role.VERTICAL:  # 绩效指标: upright characters stacked top to bottom
            chars = [ch for ch in text if not ch.isspace()]
            if self.covered(text, font):
                return Lines(chars, font, size, "center")
            return self.paragraph("<br/>".join(self.markup(ch, font) for ch in chars), role, "center")
        if "\n" in text or not self.covered(text, font):
            return self.paragraph(self.markup(text, font), role, cell.align)
        natural = pdfmetrics.stringWidth(text, font, size)
        if natural <= width:
            return Lines([text], font, size, cell.align)
        if cell.fmt.numeric and natural * MIN_NUMBER_SCALE <= width:  # 100.00% never breaks: shrink it
            return Lines([text], font, size * width / natural, cell.align, line_size=size)
        if role in (Role.LABEL, Role.HEADER, Role.TITLE):  # printed words: break where a person would
            lines = two_lines(text, font, size, width)
            if lines:
                return Lines(lines, font, size, cell.align)
        return self.paragraph(self.markup(text, font), role, cell.align)


def two_lines(text: str, font: str, size: float, width: float) -> Optional[tuple[str, str]]:
    """Printed words that need two lines, broken at a bracket if one fits (产出指标 / (40分),
    2024年度部门（单位） / 整体支出…) or else into halves of about equal width (可持续 / 影响指标, not
    可持续影响指 / 标); None when two lines are not enough."""
    face = pdfmetrics.getFont(font)
    advance = [0.0]
    for ch in text:
        advance.append(advance[-1] + face.stringWidth(ch, size))
    best: dict[bool, tuple] = {}
    for index in range(1, len(text)):
        before, after = text[index - 1], text[index]
        if after in CLOSING or before in OPENING or (before.isascii() and after.isascii()):
            continue  # keep punctuation with its word and Latin/digit runs (40, m²) together
        widest = max(advance[index], advance[-1] - advance[index])
        if widest > width:
            continue
        at_bracket = after in "（(" or before in "）)"
        if at_bracket not in best or widest < best[at_bracket][0]:
            best[at_bracket] = (widest, text[:index], text[index:])
    choice = best.get(True) or best.get(False)
    return choice[1:] if choice else None
