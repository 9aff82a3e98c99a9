"""Column widths fitted to what the columns hold, within the form's width (列宽随内容).

Each column gets a least width from its cells (a figure, a short target such as 20次以上 or 300户及以上,
a number with its unit, （万元） never break) and a preferred one (its longest text on one line). Columns
get their least width first; the rest of the page width goes to the columns of long texts. Which share
is best depends on where the long texts are: a form whose 实际完成值 are paragraphs wants that column
wide, one whose 偏差原因分析 are long wants that one. So a few ways of sharing are tried (the form's own
design widths among them) and the one whose estimated rows are lowest in total is kept; a form that
already prints well keeps its design widths.

Widths are estimated in ems (``linebreak.char_em``, never narrower than a real font) with the same
padding and slack as the height estimate (heights.py), so a cell the fitting keeps on one line is
estimated, and printed, on one line.
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

from .grid import Cell, Fmt, Layout, Role
from .linebreak import balanced, em_width, text_width, widest_piece
from .typeset import CELL_PAD_X_MM, CELL_PAD_Y_MM, MIN_ROW_MM, em_mm, line_mm

SLACK = 0.95  # lines are estimated 5 % narrower than the cell: a renderer's font may run a little wider
SHORT_EM = 7.0  # a typed text up to this wide (≥98%, 300户及以上, 2024年12月前) stays on one line
LABEL_WHOLE_EM = 5.0  # a label up to this wide stays on one line (年度指标值, 满意度指标)
LONG_TEXT_MIN_EM = 4.0  # a column of long texts is never narrower than this
LEAST_CAP_EM = 16.0  # no single piece of text asks for more than this (the rest of the form needs room too)
TALL_SPAN = 3  # a label over this many rows may take as many lines as it needs (年度预算申请（万元）)
SPAN_LABEL_EM = 10.0  # a label over several columns up to this wide stays on one line (其中：一般公共预算：)


def usable_mm(width_mm: float) -> float:
    """Width the text of a bordered cell ``width_mm`` wide is estimated in."""
    return max(0.5, (width_mm - 2 * CELL_PAD_X_MM) * SLACK)


def needed_mm(text_mm: float) -> float:
    """Width of a bordered cell whose text is ``text_mm`` wide on one line (inverse of usable_mm)."""
    return text_mm / SLACK + 2 * CELL_PAD_X_MM


em_measure = em_width  # the estimate's character widths, in ems (see linebreak.char_em)


class _Need(NamedTuple):
    """What one cell of the table asks of its columns."""

    cell: Cell
    least: float  # mm
    preferred: float  # mm
    paragraphs: tuple[float, ...]  # one-line width of each paragraph, mm (for the height estimate)
    long: bool  # typed text that may wrap
    narrow: float  # mm: the least width when the columns cannot give every cell its least (a label in two lines)


@lru_cache(maxsize=65536)
def _measure(text: str, role: Role, numeric: bool, rowspan: int,
             beside_text: bool = False) -> tuple[float, float, tuple[float, ...], bool, float]:
    """(least, preferred, paragraph widths, long, narrow) of a cell's text, in mm; cached, as labels and
    values recur in every form and every writer of an export. ``rowspan`` is capped at TALL_SPAN;
    ``beside_text``: a label over rows holding paragraphs, which give it the room of many rows."""
    em = em_mm(role)
    text = (text or "").strip()
    widths = [sum(map(em_measure, p)) for p in text.split("\n")]  # each paragraph on one line, in ems
    natural_em = max(widths)
    natural = natural_em * em
    paragraphs = tuple(w * em for w in widths) if text else ()
    if role is Role.VERTICAL:
        least = needed_mm(em)
        return least, least, (), False, least
    if numeric or (role in (Role.INPUT, Role.COMPUTED) and natural <= SHORT_EM * em):
        least = needed_mm(min(natural, LEAST_CAP_EM * em))  # a figure wider still is set smaller
        return least, least, paragraphs, False, least
    if role in (Role.LABEL, Role.HEADER):
        if beside_text:  # as many lines as it needs, of a few characters each (整体支出 / 绩效定量 / …)
            least = needed_mm(max(widest_piece(text, em_measure), min(natural_em, LONG_TEXT_MIN_EM)) * em)
            return least, least, (), False, least
        if rowspan >= TALL_SPAN:
            least = needed_mm(widest_piece(text, em_measure) * em)
            return least, least, (), False, least
        lines = balanced(text, natural_em / 2 + 1, em_measure)
        two_lines = needed_mm(max(text_width(line, em_measure) for line in lines) * em)
        least = needed_mm(natural) if natural <= LABEL_WHOLE_EM * em else two_lines
        if rowspan > 1:  # room for its lines below: no wish to be wider
            return least, least, (), False, two_lines
        return least, max(least, needed_mm(natural)), paragraphs, False, two_lines
    piece = min(widest_piece(text, em_measure), LEAST_CAP_EM)  # a 300-character web address is cut instead
    least = needed_mm(max(piece, LONG_TEXT_MIN_EM) * em)
    return least, max(least, needed_mm(natural)), paragraphs, True, least


def fit_widths(layout: Layout) -> tuple[float, ...]:
    """Column widths (mm) for ``layout``, adding up to the layout's own total width."""
    key = layout.signature()
    widths = _fitted.get(key)
    if widths is None:
        if len(_fitted) >= MEMO_SIZE:
            _fitted.clear()
        widths = _fitted[key] = _fit(layout)
    return widths


MEMO_SIZE = 1024  # layouts whose widths are remembered (by signature)
_fitted: dict[tuple, tuple[float, ...]] = {}


def _fit(layout: Layout) -> tuple[float, ...]:
    total = layout.width_mm
    n = layout.n_cols
    table = layout.table_rows
    needs = [_Need(c, *_measure(c.text, c.role, c.fmt is not Fmt.TEXT, min(c.rowspan, TALL_SPAN)))
             for c in layout.cells if c.text and c.row in table and not c.text.isspace()]
    # A label over rows that hold paragraphs (整体支出绩效定性目标… beside the 预期目标 texts) has the room
    # of those rows below it: it may take as many lines as it needs, as a label over many rows does.
    wrapping = {n.cell.row for n in needs if n.long and n.cell.rowspan == 1}
    needs = [_Need(n.cell, *_measure(n.cell.text, n.cell.role, False, TALL_SPAN, True))
             if 1 < n.cell.rowspan < TALL_SPAN and n.cell.role in (Role.LABEL, Role.HEADER)
             and wrapping.intersection(range(n.cell.row, n.cell.last_row + 1)) else n for n in needs]
    preferred, volume = [0.0] * n, [0.0] * n
    for need in needs:
        if need.cell.colspan == 1:
            c = need.cell.col
            preferred[c] = max(preferred[c], need.preferred)
            if need.long:
                volume[c] += sum(need.paragraphs)
    least = _least(needs, n, narrow=False)
    if sum(least) > total:  # too many one-line labels for the width: short labels may take two lines
        least = _least(needs, n, narrow=True)
    if sum(least) >= total:  # nothing to share: every column at its least, scaled to the page
        scale = total / sum(least)
        return tuple(w * scale for w in least)
    preferred = [max(p, m) for p, m in zip(preferred, least)]
    design = list(layout.column_widths_mm)
    if sum(preferred) <= total:  # every text fits on one line: the design widths, widened where needed
        return tuple(_from_design(design, preferred, total))
    candidates = [_from_design(design, least, total)]
    for weights in (_sub(preferred, least), volume, [math.sqrt(v) for v in volume]):
        if sum(weights) > 0:
            candidates.append(_share(least, preferred, weights, design, total))
    rows = _rows(layout, needs)
    scored = [(_estimate(rows, widths), index, widths) for index, widths in enumerate(candidates)]
    return tuple(min(scored)[2])


def _least(needs: list[_Need], n: int, narrow: bool) -> list[float]:
    """Each column's least width: its cells' least (``narrow``: their narrow) widths, then widened where a
    cell over several columns needs more than they give it together."""
    least = [0.0] * n
    for need in needs:
        if need.cell.colspan == 1:
            c = need.cell.col
            least[c] = max(least[c], need.narrow if narrow else need.least)
    for need in needs:  # a cell over several columns widens them if together they are too narrow
        cell = need.cell
        if cell.colspan > 1:
            span = range(cell.col, cell.last_col + 1)
            wanted = need.least
            if cell.role is Role.LABEL and cell.rowspan == 1 and need.preferred <= needed_mm(SPAN_LABEL_EM * em_mm(cell.role)):
                wanted = need.preferred  # 其中：基本支出： on one line, as the forms print it
            lacking = wanted - sum(least[c] for c in span)
            if lacking > 0:
                for c in span:
                    least[c] += lacking / len(span)
    return least


def _sub(a: list[float], b: list[float]) -> list[float]:
    return [x - y for x, y in zip(a, b)]


def _from_design(design: list[float], least: list[float], total: float) -> list[float]:
    """The form's design widths, each column raised to ``least``, the others giving back the room."""
    widths = [max(d, m) for d, m in zip(design, least)]
    over = sum(widths) - total
    while over > 1e-9:
        spare = [w - m for w, m in zip(widths, least)]
        room = sum(spare)
        if room <= 0:
            break
        take = min(1.0, over / room)
        widths = [w - s * take for w, s in zip(widths, spare)]
        over = sum(widths) - total
    return widths


def _share(least: list[float], preferred: list[float], weights: list[float], design: list[float],
           total: float) -> list[float]:
    """Least widths plus the rest shared by ``weights``, no column past its preferred width; what is
    left when every weighted column is full goes out in proportion to the design widths."""
    widths = list(least)
    rest = total - sum(widths)
    open_cols = [c for c, w in enumerate(weights) if w > 0]
    while rest > 1e-9 and open_cols:
        weight = sum(weights[c] for c in open_cols)
        full = []
        for c in open_cols:
            give = rest * weights[c] / weight
            if widths[c] + give >= preferred[c]:
                full.append(c)
        if not full:
            for c in open_cols:
                widths[c] += rest * weights[c] / weight
            rest = 0.0
            break
        for c in full:
            rest -= preferred[c] - widths[c]
            widths[c] = preferred[c]
        open_cols = [c for c in open_cols if c not in full]
    if rest > 1e-9:
        weight = sum(design)
        widths = [w + rest * d / weight for w, d in zip(widths, design)]
    return widths


def _rows(layout: Layout, needs: list[_Need]) -> tuple[float, list[tuple[float, list[tuple]]]]:
    """The rows the height estimate looks at: the constant height of rows none of whose one-row cells can
    wrap (every column is at least its cells' least width), and for the others their floor and the
    cells that may wrap, as (first column, end column, paragraph widths, line height)."""
    rows: dict[int, list] = {}
    pad = 2 * CELL_PAD_Y_MM
    for need in needs:
        cell = need.cell
        if cell.rowspan != 1 or not need.paragraphs or cell.fmt.numeric:
            continue
        row = rows.setdefault(cell.row, [MIN_ROW_MM, []])
        line = line_mm(cell.role)
        if need.preferred <= need.least + 1e-9 and cell.colspan == 1:  # never more lines than paragraphs
            row[0] = max(row[0], len(need.paragraphs) * line + pad)
        else:
            row[1].append((cell.col, cell.col + cell.colspan, need.paragraphs, line))
    constant = sum(floor for floor, cells in rows.values() if not cells)
    return constant, [(floor, cells) for floor, cells in rows.values() if cells]


def _estimate(rows: tuple[float, list[tuple[float, list[tuple]]]], widths: list[float]) -> float:
    """Total height (mm) of the wrapping rows at ``widths``: lines of each text from its one-line width."""
    total, pad = rows[0], 2 * CELL_PAD_Y_MM
    rooms: dict[tuple[int, int], float] = {}
    for tallest, cells in rows[1]:
        for first, end, paragraphs, line in cells:
            room = rooms.get((first, end))
            if room is None:
                room = rooms[(first, end)] = usable_mm(sum(widths[first:end]))
            lines = 0
            for width in paragraphs:
                lines += max(1, math.ceil(width / room - 1e-9))
            height = lines * line + pad
            if height > tallest:
                tallest = height
        total += tallest
    return total
