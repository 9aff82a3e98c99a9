"""Exact decimal arithmetic for amounts (万元), points (分值/得分) and rates (率).

Every figure in the domain is a ``decimal.Decimal``; binary floats never appear.
Rounding is ROUND_HALF_UP to 2 decimals, as a finance bureau rounds by hand.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, DivisionByZero, InvalidOperation, localcontext
from typing import Iterable, Optional

Amount = Optional[Decimal]

ZERO = Decimal("0")
ONE = Decimal("1")
HUNDRED = Decimal("100")
CENT = Decimal("0.01")


def q2(value: Decimal) -> Decimal:
    """Quantize to 2 decimals, ROUND_HALF_UP (四舍五入)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def ratio(numerator: Amount, denominator: Amount) -> Amount:
    """numerator ÷ denominator as an exact-enough Decimal fraction, or None when undefined.

    Undefined when either side is missing or the denominator is zero (RULES §3: show —).
    """
    if numerator is None or denominator is None or denominator == 0:
        return None
    with localcontext() as ctx:
        ctx.prec = 34
        try:
            return numerator / denominator
        except (DivisionByZero, InvalidOperation):  # pragma: no cover - guarded above
            return None


def percent(fraction: Amount) -> Amount:
    """A fraction shown as a percentage with 2 decimals (0.993233 → 99.32)."""
    if fraction is None:
        return None
    return q2(fraction * HUNDRED)


def total(values: Iterable[Amount]) -> Amount:
    """Sum of the filled values; None when none is filled (an empty column stays empty)."""
    result: Amount = None
    for value in values:
        if value is not None:
            result = value if result is None else result + value
    return result


def fmt2(value: Amount) -> str:
    """Text of an amount with exactly 2 decimals, '' for empty."""
    return "" if value is None else f"{q2(value):.2f}"


def fmt_percent(fraction: Amount) -> str:
    """Text of a rate as a percentage, '—' when undefined (99.32%)."""
    value = percent(fraction)
    return "—" if value is None else f"{value:.2f}%"


def fmt_plain(value: Amount) -> str:
    """Shortest faithful text of a figure (10, 9.5, 0.46); '' for empty."""
    if value is None:
        return ""
    return format(value.normalize(), "f")
