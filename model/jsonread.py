"""Strict reading of our JSON files with Chinese messages that say where and what is wrong.

A document or framework file comes from outside (an old version, a hand edit, a truncated copy):
every field is checked for presence, type and range, and the first problem is reported as
``FormatError("项目支出绩效自评表（双碳资金） → 绩效指标第3行 → 得分：应为数字，实际是“九”")``.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any, Iterator, NoReturn, Optional

DECIMAL_TEXT = re.compile(r"^-?\d+(\.\d+)?$")


class FormatError(ValueError):
    """A file that cannot be used; ``str(error)`` is the Chinese explanation."""


def _show(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


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
            self.fail(f"有无法识别的字段 {', '.join(unknown)}（文件可能由更新版本保存或被手工改动）")

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
        if self.value is None:
            return ""
        if not isinstance(self.value, str):
            self.fail(f"应为文字，实际是“{_show(self.value)}”")
        if not allow_empty and not self.value.strip():
            self.fail("不能为空")
        if len(self.value) > max_length:
            self.fail(f"文字过长（{len(self.value)} 字，上限 {max_length} 字）")
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
        if isinstance(value, (int, Decimal)):
            number = Decimal(value)
        elif isinstance(value, str) and DECIMAL_TEXT.match(value.strip()):
            try:
                number = Decimal(value.strip())
            except InvalidOperation:  # pragma: no cover - regex guarantees validity
                self.fail(f"应为数字，实际是“{_show(value)}”")
        else:
            self.fail(f"应为数字，实际是“{_show(value)}”")
        if not number.is_finite():
            self.fail(f"应为数字，实际是“{_show(value)}”")
        if minimum is not None and number < minimum:
            self.fail(f"不能小于 {minimum}，实际是 {number}")
        return number

    def integer(self, *, minimum: int, maximum: int) -> int:
        value = self.value
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
        if self.value not in options:
            allowed = "、".join(f"{key}（{label}）" for key, label in options.items())
            self.fail(f"应为 {allowed} 之一，实际是“{_show(self.value)}”")
        return self.value


def dec_text(value: Optional[Decimal]) -> Optional[str]:
    """How a Decimal is written to our JSON: an exact string, null when empty."""
    if value is None:
        return None
    return format(value, "f")
