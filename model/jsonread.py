"""Strict reading of our JSON files with Chinese messages that say where and what is wrong.

A document or framework file comes from outside (an old version, a hand edit, a truncated copy):
every field is checked for presence, type and range, and the first problem is reported as
``FormatError("项目支出绩效自评表（双碳资金） → 绩效指标第3行 → 得分：应为数字，实际是“九”")``.
"""
from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from typing import Any, Iterator, NoReturn, Optional

from .numbers import number_problem
from .sanitize import shown as _show
from .sanitize import text_problem

DECIMAL_TEXT = re.compile(r"-?[0-9]+(\.[0-9]+)?")  # always fullmatch: "$" would let "12\n" through


class FormatError(ValueError):
    """A file that cannot be used; ``str(error)`` is the Chinese explanation."""


# --- parsing JSON text: nothing unbounded, nothing silently resolved ---------------------------

class DuplicateKeys(dict):
    """A JSON object that named a member twice; ``Reader.obj`` refuses it, naming the place."""

    duplicates: list[str]


class ExponentNumber(Decimal):
    """A JSON number written with an exponent (1e999, 1E+3): refused where a figure is read."""


class LongInteger(Decimal):
    """A JSON integer too long for an ``int`` (Python refuses beyond 4,300 digits): refused as too big."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    marked = DuplicateKeys(result)
    seen: set[str] = set()
    marked.duplicates = []
    for key, _value in pairs:
        if key in seen:
            marked.duplicates.append(key)
        seen.add(key)
    return marked


def _float(text: str) -> Decimal:
    return ExponentNumber(text) if "e" in text or "E" in text else Decimal(text)


def _int(text: str) -> Any:
    return int(text) if len(text) <= 30 else LongInteger(text)


def _constant(text: str) -> Decimal:
    return Decimal("NaN")  # NaN, Infinity, -Infinity: never a figure


def parse_json(text: str) -> Any:
    """``json.loads`` for files from outside: exact decimals, every oddity kept for the reader to name."""
    return json.loads(text, object_pairs_hook=_pairs, parse_float=_float, parse_int=_int,
                      parse_constant=_constant)


class Reader:
    """A JSON value together with a human description of where it sits in the file."""

    __slots__ = ("value", "where", "_seen")

    def __init__(self, value: Any, where: str):
        self.value = value
        self.where = where
        self._seen: set[str] = set()

    def fail(self, problem: str) -> NoReturn:
        raise FormatError(f"{self.where}：{problem}")

    # --- containers ---
    def obj(self) -> "Reader":
        if not isinstance(self.value, dict):
            self.fail("应为一组字段（JSON 对象）")
        if isinstance(self.value, DuplicateKeys):
            self.fail(f"字段 {', '.join(_show(key) for key in self.value.duplicates)} 出现了不止一次（文件可能被手工改动）")
        return self

    def has(self, key: str) -> bool:
        return key in self.value and self.value[key] is not None

    def field(self, key: str, label: str, default: Any = ..., ) -> "Reader":
        """The member ``key``; missing members take ``default`` or are an error."""
        self._seen.add(key)
        if key not in self.value:
            if default is ...:
                self.fail(f"缺少“{label}”（{key}）")
            return Reader(default, f"{self.where} → {label}")
        return Reader(self.value[key], f"{self.where} → {label}")

    def no_unknown_fields(self) -> None:
        unknown = sorted(set(self.value) - self._seen)
        if unknown:
            names = ", ".join(_show(name) for name in unknown[:5]) + (" 等" if len(unknown) > 5 else "")
            self.fail(f"有无法识别的字段 {names}（文件可能由更新版本保存或被手工改动）")

    def items(self, what: str = "行") -> Iterator["Reader"]:
        if not isinstance(self.value, list):
            self.fail("应为列表")
        for index, value in enumerate(self.value, start=1):
            yield Reader(value, f"{self.where} → 第{index}{what}")

    def mapping(self) -> Iterator[tuple[str, "Reader"]]:
        self.obj()
        for key, value in self.value.items():
            yield key, Reader(value, f"{self.where} → {key}")

    # --- scalars ---
    def text(self, *, allow_empty: bool = True, max_length: int = 20000) -> str:
        """Text as typed; a tab or line break is accepted in any text of a file (earlier versions stored
        them in one-line fields too), characters that cannot be saved or printed are not."""
        if self.value is None:
            if not allow_empty:
                self.fail("不能为空")
            return ""
        if not isinstance(self.value, str):
            self.fail(f"应为文字，实际是“{_show(self.value)}”")
        if not allow_empty and not self.value.strip():
            self.fail("不能为空")
        if len(self.value) > max_length:
            self.fail(f"文字过长（{len(self.value)} 字，上限 {max_length} 字）")
        problem = text_problem(self.value, multiline=True)
        if problem is not None:
            self.fail(f"“{_show(self.value)}”{problem}")
        return self.value

    def decimal(self, *, optional: bool = True, minimum: Optional[Decimal] = None) -> Optional[Decimal]:
        """An exact decimal written as a JSON string ("1820.23") or number; null when empty."""
        value = self.value
        if value is None or value == "":
            if optional:
                return None
            self.fail("不能为空")
        if isinstance(value, bool):
            self.fail(f"应为数字，实际是“{_show(value)}”")
        if isinstance(value, ExponentNumber):
            self.fail(f"不能用科学计数法书写数字，实际是“{_show(value)}”")
        if isinstance(value, (int, Decimal)):
            number = Decimal(value)
        elif isinstance(value, str) and DECIMAL_TEXT.fullmatch(value):  # exactly: no "12\n", no " 12"
            try:
                number = Decimal(value)
            except InvalidOperation:  # pragma: no cover - regex guarantees validity
                self.fail(f"应为数字，实际是“{_show(value)}”")
        else:
            self.fail(f"应为数字，实际是“{_show(value)}”")
        problem = number_problem(number, minimum)  # the rule typing uses too (model.numbers)
        if problem is not None:
            self.fail(f"{problem}，实际是“{_show(value)}”")
        return number

    def integer(self, *, minimum: int, maximum: int) -> int:
        value = self.value
        if isinstance(value, LongInteger):
            self.fail(f"应在 {minimum} 到 {maximum} 之间，实际是“{_show(value)}”")
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(f"应为整数，实际是“{_show(value)}”")
        if not minimum <= value <= maximum:
            self.fail(f"应在 {minimum} 到 {maximum} 之间，实际是 {value}")
        return value

    def boolean(self) -> bool:
        if not isinstance(self.value, bool):
            self.fail(f"应为 true 或 false，实际是“{_show(self.value)}”")
        return self.value

    def choice(self, options: dict[str, str]) -> str:
        if not isinstance(self.value, str) or self.value not in options:
            allowed = "、".join(f"{key}（{label}）" for key, label in options.items())
            self.fail(f"应为 {allowed} 之一，实际是“{_show(self.value)}”")
        return self.value


def dec_text(value: Optional[Decimal]) -> Optional[str]:
    """How a Decimal is written to our JSON: an exact string, null when empty."""
    if value is None:
        return None
    return format(value, "f")
