"""The one rule for figures the document may hold, whether typed into a cell or read from a file.

Every amount (万元), 分值/得分, head count, area and rate is an exact Decimal with

* an absolute value below 10¹² (no figure of these forms comes near it: a typo or a wrong unit),
* at most ``MAX_DECIMALS`` decimals (amounts print with 2; 6 leave room for 元 typed into a 万元 cell),
* no sign where the field cannot be negative: 分值, 得分, counts, areas and rates never are, amounts only
  where their declaration says so (``minimum=0`` in model/document.py).

Bounded figures keep every rate and score finite and exact: 10¹² ÷ 10⁻⁶ still rounds to cents within
Decimal's precision, so a tiny 全年预算数 can no longer break the evaluation.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Optional

from .registry import FieldKind, FieldSpec

MAX_FIGURE = 10 ** 12
MAX_DECIMALS = 6
_MAX = Decimal(MAX_FIGURE)
# Kinds that are never negative whatever their declaration says.
NON_NEGATIVE = frozenset({FieldKind.POINTS, FieldKind.COUNT, FieldKind.AREA, FieldKind.RATE})


def least_value(spec: FieldSpec) -> Optional[Decimal]:
    """The smallest figure the field accepts (None: any sign)."""
    if spec.minimum is not None:
        return Decimal(spec.minimum)
    return Decimal(0) if spec.kind in NON_NEGATIVE else None


def decimals_of(value: Decimal) -> int:
    """Decimals that carry a digit: 1.2300 has 2 (no rounding, whatever the context's precision)."""
    _sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int) or exponent >= 0:
        return 0
    places, index = -exponent, len(digits) - 1
    while places > 0 and index >= 0 and digits[index] == 0:
        places, index = places - 1, index - 1
    return places if index >= 0 else 0


def number_problem(value: Decimal, minimum: Optional[Any] = None) -> Optional[str]:
    """Why ``value`` may not be stored (Chinese, without the field's name), or None when it may."""
    if not value.is_finite():
        return "不是有效的数字"
    if value.copy_abs() >= _MAX:
        return "数值过大（绝对值应小于 1 万亿），请检查单位（金额以万元为单位）"
    if decimals_of(value) > MAX_DECIMALS:
        return f"小数位数过多（最多 {MAX_DECIMALS} 位）"
    if minimum is not None and value < minimum:
        return "不能为负数" if minimum == 0 else f"不能小于 {minimum}"
    return None


def figure_problem(value: Decimal, spec: FieldSpec) -> Optional[str]:
    """``number_problem`` with the bounds the field's declaration gives."""
    return number_problem(value, least_value(spec))
