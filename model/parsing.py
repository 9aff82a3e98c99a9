"""Reading figures and indicator values the way accountants type them (RULES.md §5).

Two jobs:

* ``parse_number`` turns what is typed into an amount, a 分值/得分 or a head count into an exact
  ``Decimal`` (1,832.63 / １８３２．６３ / 1832.63万元 / 10分) within the bounds of model.numbers, or
  raises ``ParseError`` with a plain Chinese message.
* ``parse_indicator`` reads a 年度指标值 or 实际完成值 (≥98%, 300户及以上, ≤1832.63万, 已完成)
  into operator, number and unit, or marks it qualitative. The text itself is never changed:
  the form prints it exactly as typed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext
from enum import Enum
from functools import lru_cache
from typing import Optional

from .numbers import number_problem
from .registry import FieldKind
from .sanitize import shown


class ParseError(ValueError):
    """Input that is not a figure; ``str(error)`` is a Chinese message for the user."""


# Kinds of figure a cell may hold (model.registry.FieldKind), with the noun a message uses.
NOUNS = {FieldKind.AMOUNT: "金额", FieldKind.POINTS: "分值", FieldKind.COUNT: "人数", FieldKind.AREA: "面积",
         FieldKind.RATE: "比率"}


# Text that means "left blank on purpose" in the seeds (a slash or dash in an empty cell).
_BLANK_MARKS = frozenset({"", "-", "--", "—", "——", "/", "无", "－"})

# ASCII digits only ([0-9], not \d: that admits ٢٠٢٤ and ๒); full-width digits are ASCII after normalize().
_NUMBER_RE = re.compile(
    r"(?P<sign>[-+])?(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?P<unit>(?:[^0-9.,][^.,]*)?)"
)

# Units per kind, with the factor that brings the typed figure to the cell's unit.
_AMOUNT_UNITS = {
    "": Decimal(1),
    "万元": Decimal(1),
    "万": Decimal(1),
    "元": Decimal("0.0001"),
    "亿元": Decimal(10000),
    "亿": Decimal(10000),
}
_KIND_UNITS = {
    FieldKind.AMOUNT: _AMOUNT_UNITS,
    FieldKind.POINTS: {"": Decimal(1), "分": Decimal(1)},
    FieldKind.COUNT: {"": Decimal(1), "人": Decimal(1), "名": Decimal(1)},
    FieldKind.AREA: {"": Decimal(1), "m2": Decimal(1), "平方米": Decimal(1), "平米": Decimal(1)},
    FieldKind.RATE: {"": Decimal(1), "%": Decimal(1)},  # a percentage: 99.32% and 99.32 are the same
}
_KIND_EXAMPLE = {
    FieldKind.AMOUNT: "1832.63、1,832.63 或 1832.63万元",
    FieldKind.POINTS: "10 或 9.5",
    FieldKind.COUNT: "20",
    FieldKind.AREA: "1200.50",
    FieldKind.RATE: "99.32%",
}


@lru_cache(maxsize=65536)  # names and values are normalised again at every edit's checks
def normalize(text: str) -> str:
    """Full-width to half-width (NFKC) and no white space of any kind (incl. U+3000)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


_ALLOWED_DIGITS = frozenset("０１２３４５６７８９²³")  # full-width digits; the ² of m² and ³ of m³


def foreign_digit(text: str) -> Optional[str]:
    """The first digit-like character that is neither 0–9 nor a full-width ０–９ (٢, ๒, ③, ½, Ⅻ), or None.

    Checked before normalize(): NFKC would turn ③ and ² into 3 and 2 and read them as figures.
    """
    for char in text:
        if char.isascii() or char in _ALLOWED_DIGITS:
            continue
        if unicodedata.category(char) in ("Nd", "No", "Nl"):
            return char
    return None


def _refuse(text: str, kind: FieldKind) -> ParseError:
    return ParseError(f"“{shown(text.strip())}”不是有效的{NOUNS[kind]}，请输入数字，例如 {_KIND_EXAMPLE[kind]}")


def parse_number(text: Optional[str], kind: FieldKind = FieldKind.AMOUNT) -> Optional[Decimal]:
    """The exact figure in ``text``, None for a blank cell; ParseError otherwise."""
    if text is None:
        return None
    text = str(text)
    compact = normalize(text)
    if compact in _BLANK_MARKS:
        return None
    strange = foreign_digit(text)
    if strange is not None:
        raise ParseError(f"“{shown(text.strip())}”中的“{shown(strange)}”不是数字 0—9，请用 0—9 输入{NOUNS[kind]}"
                         f"（全角数字也可），例如 {_KIND_EXAMPLE[kind]}")
    negative = False
    if len(compact) > 2 and compact[0] == "(" and compact[-1] == ")":
        negative, compact = True, compact[1:-1]  # accountants write (12.00) for -12.00
    match = _NUMBER_RE.fullmatch(compact)
    if not match:
        raise _refuse(text, kind)
    unit = match.group("unit")
    units = _KIND_UNITS[kind]
    if unit not in units and re.search(r"[A-Za-z]", unit):  # 12a, 12.5x: a typo, not a unit
        raise _refuse(text, kind)
    if unit not in units:
        allowed = "、".join(u for u in units if u) or "无"
        raise ParseError(f"“{shown(text.strip())}”的单位“{shown(unit, 10)}”不适用于{NOUNS[kind]}（可用单位：{allowed}）")
    digits = match.group("num").replace(",", "")
    if match.group("sign") == "-":
        negative = not negative
    with localcontext() as ctx:  # exact: 28 digits would round a long input silently
        ctx.prec = len(digits) + 12
        try:
            value = Decimal(digits) * units[unit]
        except InvalidOperation:  # pragma: no cover - the regex admits only valid numbers
            raise _refuse(text, kind) from None
        value = -value if negative else value
    problem = number_problem(value)  # the bounds every figure keeps, typed, imported or read (model.numbers)
    if problem is not None:
        raise ParseError(f"“{shown(text.strip())}”{problem}")
    return value


# --- indicator values ---------------------------------------------------------------------

class ValueKind(Enum):
    EMPTY = "empty"
    QUANTITATIVE = "quantitative"  # operator + number + unit
    QUALITATIVE = "qualitative"  # 已完成, 效果明显, 2024年12月前 …
    NOT_APPLICABLE = "not_applicable"  # 不适用


_PREFIX_OPS = (
    ("大于等于", ">="), ("小于等于", "<="), ("不低于", ">="), ("不少于", ">="), ("不小于", ">="),
    ("不超过", "<="), ("不高于", "<="), ("不大于", "<="), ("不多于", "<="),
    ("≥", ">="), ("≧", ">="), ("⩾", ">="), (">=", ">="), ("≤", "<="), ("≦", "<="), ("⩽", "<="),
    ("<=", "<="), (">", ">"), ("<", "<"), ("=", "="), ("达到", ">="), ("低于", "<"), ("高于", ">"),
    ("大于", ">"), ("小于", "<"), ("超过", ">"),
)
_SUFFIX_OPS = (("及以上", ">="), ("以上", ">="), ("及以下", "<="), ("以下", "<="), ("以内", "<="),
               ("之内", "<="), ("内", "<="))
_VALUE_RE = re.compile(r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?P<unit>[^0-9]{0,4})")
# Units that mean the same quantity at another scale; the key is the base unit.
_SCALED_UNITS = {"万元": ("元", Decimal(10000)), "万": ("元", Decimal(10000)),
                 "亿元": ("元", Decimal(100000000)), "亿": ("元", Decimal(100000000)),
                 "‰": ("%", Decimal("0.1")), "m2": ("平方米", Decimal(1)), "平米": ("平方米", Decimal(1)),
                 "公里": ("千米", Decimal(1)), "km": ("千米", Decimal(1))}
_NOT_APPLICABLE = frozenset({"不适用", "不适用。", "N/A", "n/a"})


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    """A 年度指标值 or 实际完成值: the text as typed and what it means."""

    text: str
    kind: ValueKind
    op: Optional[str] = None  # '>=', '>', '=', '<=', '<' or None (a plain number)
    number: Optional[Decimal] = None
    unit: str = ""  # as written after the number ('%', '亩', '万元' …)

    @property
    def base(self) -> tuple[str, Optional[Decimal]]:
        """(base unit, number in that unit): 5万 → ('元', 50000); 98% → ('%', 98)."""
        if self.number is None:
            return self.unit, None
        if self.unit in _SCALED_UNITS:
            unit, factor = _SCALED_UNITS[self.unit]
        elif self.unit[:1] in ("万", "亿") and len(self.unit) > 1:  # 万人, 万亩
            unit = self.unit[1:]
            factor = Decimal(10000) if self.unit[0] == "万" else Decimal(100000000)
        else:
            unit, factor = self.unit, Decimal(1)
        return unit, self.number * factor


@lru_cache(maxsize=16384)
def parse_indicator(text: str) -> IndicatorValue:
    """Read an indicator value; never raises. Anything unreadable is qualitative."""
    compact = normalize(text or "")
    if compact in _BLANK_MARKS:
        return IndicatorValue(text, ValueKind.EMPTY)
    if compact in _NOT_APPLICABLE:
        return IndicatorValue(text, ValueKind.NOT_APPLICABLE)
    op = None
    body = compact
    for token, symbol in _PREFIX_OPS:
        if body.startswith(token):
            op, body = symbol, body[len(token):]
            break
    for token, symbol in _SUFFIX_OPS:
        if body.endswith(token) and len(body) > len(token):
            if op is None:
                op = symbol
            body = body[: -len(token)]
            break
    match = _VALUE_RE.fullmatch(body)
    if not match or foreign_digit(text or ""):
        return IndicatorValue(text, ValueKind.QUALITATIVE)
    digits = match.group("num").replace(",", "")
    if len(digits) > 40:  # far beyond any bound: not a figure to score with
        return IndicatorValue(text, ValueKind.QUALITATIVE)
    number = Decimal(digits)
    if number_problem(number) is not None:  # 10¹² or more, or many decimals: read as text, never scored
        return IndicatorValue(text, ValueKind.QUALITATIVE)
    return IndicatorValue(text, ValueKind.QUANTITATIVE, op, number, match.group("unit"))


def comparable(a: IndicatorValue, b: IndicatorValue) -> Optional[tuple[Decimal, Decimal]]:
    """Both figures in one unit, or None when they measure different things (亩 vs 户).

    Figures in the same written unit, or with the unit left off one side (15篇 vs 18), are
    compared as written; otherwise both are brought to their base unit (5万 vs 4647元).
    """
    if a.number is None or b.number is None:
        return None
    if a.unit == b.unit or not a.unit or not b.unit:
        return a.number, b.number
    unit_a, number_a = a.base
    unit_b, number_b = b.base
    if unit_a == unit_b:
        return number_a, number_b
    return None
