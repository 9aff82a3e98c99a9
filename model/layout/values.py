"""How values are written in a form cell (the same text on screen, in Excel, Word and PDF)."""
from __future__ import annotations

from typing import Any

from ..money import fmt2, fmt_percent, fmt_plain
from .grid import Fmt


def format_value(fmt: Fmt, value: Any) -> str:
    if value is None:
        return ""
    if fmt is Fmt.TEXT:
        return str(value)
    if fmt in (Fmt.AMOUNT, Fmt.SCORE, Fmt.AREA):
        return fmt2(value)
    if fmt is Fmt.PERCENT:
        return fmt_percent(value)
    return fmt_plain(value)  # POINTS, COUNT: as typed (10, 9.5, 8.25)
