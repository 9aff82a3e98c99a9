"""Cell text as lines drawn straight onto the PDF canvas, broken by the Chinese line-breaking rules.

Every cell's text is broken into lines here, with the embedded font's own metrics, by
model.layout.linebreak (no line starts with ，。、；：？！）」』】, none ends with （「『【, nothing breaks
inside 591.5人, 100% or （万元）): labels and titles into even lines, typed text greedily. A character the
main face lacks is set in a face that has it, in its own run.
"""
from __future__ import annotations

from typing import Optional, Sequence

from reportlab.pdfbase import pdfmetrics

from model.layout import Cell, Role
from model.layout.heights import FIXED_TEXT  # printed words: broken evenly, as the plan breaks them
from model.layout.linebreak import balanced, wrap
from model.layout.typeset import LINE_PITCH
from model.sanitize import printable

from .fonts import FontSet
from .style import ROLE_STYLES

LEADING = LINE_PITCH  # line height as a multiple of the font size
GLYPH_MIDDLE = 0.36  # height of the middle of a Chinese character or a digit above the baseline, in ems
MIN_NUMBER_SCALE = 0.75  # a number too wide for its cell is set up to this much smaller rather than broken

Run = tuple[str, str]  # (font name, text)


class Lines:
    """Lines of text already known to fit their cell, drawn straight onto the canvas.

    Glyphs are centred on each line's middle. All cells of a page are written in one text object (see
    write_batch): thousands of cells made per-cell text objects the bulk of the time.
    """

    __slots__ = ("lines", "size", "align", "advances", "line_size", "leading", "baseline", "height")

    def __init__(self, lines: Sequence[Sequence[tuple[str, str, float]]], size: float, align: str,
                 advances: Sequence[float], line_size: Optional[float] = None):
        # each line: its runs as (font name, text, offset from the line's start)
        self.lines, self.size, self.align, self.advances = lines, size, align, advances
        line_size = line_size or size  # a shrunk number keeps the row height of its cell's normal size
        self.line_size = line_size
        self.leading = line_size * LEADING
        self.baseline = self.leading / 2 - GLYPH_MIDDLE * size  # of the last line, above the bottom
        self.height = self.leading * len(lines)

    def place(self, batch: list, x: float, y: float, width: float) -> None:
        """Add the lines to ``batch``, in a box ``width`` wide whose bottom left corner is (x, y)."""
        y += self.baseline + self.leading * (len(self.lines) - 1)
        size, align = self.size, self.align
        for runs, advance in zip(self.lines, self.advances):
            left = x
            if align == "right":
                left = x + width - advance
            elif align == "center":
                left = x + (width - advance) / 2
            for font, text, offset in runs:
                batch.append((font, size, left + offset, y, text))
            y -= self.leading


def write_batch(canvas, batch: list) -> None:
    """Write the collected lines of a page as one text object (see Lines.place).

    The operators are those canvas.drawString writes for a TrueType font (Tm, subset Tf, Tj), without
    its per-string text object, width measuring and number formatting; the encoding of a string is the
    font's own splitString, remembered per document because cells repeat (5, 100%, 一级指标 …).
    """
    doc = canvas._doc
    encoded = doc.__dict__.setdefault("_cell_lines", {})
    code, current = ["q BT"], None  # q/Q: the font chosen here does not leak into later drawing
    for font_name, size, x, y, line in batch:
        key = (font_name, size, line)
        found = encoded.get(key)
        if found is None:  # the line's operators, a font switch before each run after the first
            font = pdfmetrics.getFont(font_name)
            runs = [(f"{font.getSubsetInternalName(subset, doc)} {size:.2f} Tf", f"({canvas._escape(data)}) Tj")
                    for subset, data in font.splitString(line, doc)]
            found = encoded[key] = (runs[0][0], runs[-1][0], runs[0][1] + "".join(f" {tf} {tj}" for tf, tj in runs[1:])
                                    ) if runs else None
        if found is None:  # nothing to show
            continue
        first, last, shows = found
        code.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        if first != current:
            code.append(first)
        code.append(shows)
        current = last
    code.append("ET Q")
    canvas._code.append(" ".join(code))


class _Widths(dict):
    def __init__(self, face: "_Face"):
        super().__init__()
        self.face = face

    def __missing__(self, char: str) -> float:
        width = self[char] = pdfmetrics.stringWidth(char, self.face.font(char), self.face.size)
        return width


class _Face:
    """Widths of characters at one size in a role's font, falling back to a face that has the glyph."""

    def __init__(self, fonts: FontSet, main: str, size: float):
        self.main, self.size = main, size
        self.faces = [main] + [f for f in fonts.all if f != main]
        self.cmaps = {name: pdfmetrics.getFont(name).face.charToGlyph for name in self.faces}
        self.widths = _Widths(self)
        self.width = self.widths.__getitem__  # a dict lookup: the line breaker measures every character
        self.font_of: dict[str, str] = {}
        self.elsewhere: set[str] = set()  # the characters set in another face than the main one

    def font(self, char: str) -> str:
        font = self.font_of.get(char)
        if font is None:
            code = ord(char)
            font = next((n for n in self.faces if code in self.cmaps[n]), self.main)
            self.font_of[char] = font
            if font != self.main:
                self.elsewhere.add(char)
        return font

    def runs(self, line: str) -> list[tuple[str, str, float]]:
        """The runs of a line by the face that has their glyphs, each with its offset from the start
        (its characters already measured, so their faces are known)."""
        main = self.main
        if self.elsewhere.isdisjoint(line):
            return [(main, line, 0.0)]
        runs: list[list] = []
        for char in line:
            font = self.font(char)
            if runs and runs[-1][0] == font:
                runs[-1][1] += char
            else:
                runs.append([font, char])
        offset, result = 0.0, []
        for font, text in runs:
            result.append((font, text, offset))
            offset += sum(map(self.width, text))
        return result


class CellText:
    """Makes the content of each cell; faces and widths are looked up once per writer."""

    def __init__(self, fonts: FontSet):
        self.fonts = fonts
        self._faces: dict[tuple[str, float], _Face] = {}
        self._made: dict[tuple, "Lines | str"] = {}  # labels and values recur in every form

    def font(self, role: Role) -> str:
        return self.fonts.for_style(ROLE_STYLES[role])

    def size(self, role: Role) -> float:
        return ROLE_STYLES[role].size_pt

    def face(self, role: Role, size: Optional[float] = None) -> _Face:
        key = (self.font(role), size or self.size(role))
        face = self._faces.get(key)
        if face is None:
            face = self._faces[key] = _Face(self.fonts, *key)
        return face

    def lines(self, face: _Face, lines: Sequence[str], align: str, line_size: Optional[float] = None) -> Lines:
        advances = [sum(map(face.width, line)) for line in lines]
        return Lines([face.runs(line) for line in lines], face.size, align, advances, line_size)

    def content(self, cell: Cell, width: float, text: Optional[str] = None) -> "Lines | str":
        """The lines of ``cell`` drawn in ``width`` points (padding already taken off); ``text`` may give
        the cell's text with line breaks already chosen (the fixed labels, as every format breaks them)."""
        text = printable((cell.text if text is None else text) or "").strip()
        if not text:
            return ""
        key = (text, cell.role, cell.fmt.numeric, cell.align, round(width, 3))
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self._content(cell, width, text)
        return made

    def _content(self, cell: Cell, width: float, text: str) -> Lines:
        role = cell.role
        face = self.face(role)
        if role is Role.VERTICAL:  # 绩效指标: upright characters stacked top to bottom
            return self.lines(face, [ch for ch in text if not ch.isspace()], "center")
        if cell.fmt.numeric and "\n" not in text:
            natural = sum(map(face.width, text))
            if natural <= width:
                return self.lines(face, [text], cell.align)
            if natural * MIN_NUMBER_SCALE <= width:  # 100.00% never breaks: it is set smaller
                return self.lines(self.face(role, face.size * width / natural), [text], cell.align, face.size)
        breaker = balanced if role in FIXED_TEXT else wrap
        return self.lines(face, breaker(text, width, face.width), "center" if role is Role.TITLE else cell.align)
