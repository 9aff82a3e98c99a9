"""How values are written in a form cell (the same text on screen, in Excel, Word and PDF)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..money import fmt2, fmt_percent
from .grid import Fmt


def points_text(value: Decimal) -> str:
    """A typed 分值/得分: 10, 9.5, 8.25 (no trailing zeros)."""
    text = format(value.normalize(), "f")
    return text


def format_value(fmt: Fmt, value: Any) -> str:
    if value is None:
        return ""
    if fmt is Fmt.TEXT:
        return str(value)
    if fmt in (Fmt.AMOUNT, Fmt.SCORE, Fmt.AREA):
        return fmt2(value)
    if fmt is Fmt.PERCENT:
        return fmt_percent(value)
    return points_text(value)  # POINTS, COUNT
