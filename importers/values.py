"""Reading the figures and labels of a printed form: 10分, 100%, 其中：一般公共预算：188.91, 产出指标(50分).

Figures are read with the same parser as typing (model.parsing), after the padding and units that
templates print are taken off; a cell that still does not read is reported, never guessed.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

from model.document import Labels
from model.parsing import ParseError, parse_number
from model.registry import FieldKind, spec_of

from .rows import clean, norm

_POINTS_LABEL = re.compile(r"^(?P<name>.*?)\((?P<points>\d+(?:\.\d+)?)分\)$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_ATTACHMENT = re.compile(r"^附件\s*(\d{1,2})")


def wordings(label: str, *others: str) -> tuple[str, ...]:
    """How paper forms print the row or column of the Labels field ``label``: its choices (the wordings we print
    too), then ``others`` seen only on other templates; in the normal form of cell keys."""
    return tuple(norm(text) for text in (*spec_of(Labels, label).choices, *others))


class Unreadable(ValueError):
    """A cell whose figure cannot be read; the import report lists it."""


def figure(text: str, kind: FieldKind = FieldKind.AMOUNT) -> Optional[Decimal]:
    """The figure printed in a cell (None when blank); Unreadable when it is not a figure."""
    value = clean(text).rstrip("分") if kind is FieldKind.POINTS else clean(text)
    if kind is FieldKind.RATE:
        value = value.rstrip("%％")
    try:
        return parse_number(value, kind)
    except ParseError as error:
        raise Unreadable(str(error)) from None


def level1_label(text: str) -> tuple[str, Optional[Decimal]]:
    """产出指标\\n(50分) → ('产出指标', 50); 绩效指标 → ('绩效指标', None)."""
    key = norm(text)
    match = _POINTS_LABEL.match(key)
    if match:
        return match.group("name"), Decimal(match.group("points"))
    return key, None


def year_in(text: str) -> Optional[int]:
    match = _YEAR.search(text or "")
    return int(match.group(1)) if match else None


def attachment_in(text: str) -> Optional[int]:
    match = _ATTACHMENT.match(norm(text))
    return int(match.group(1)) if match else None


_FOOTER = {"preparer": r"填(?:报|表)人(?:\(签名\))?", "phone": r"联系电话", "fill_date": r"填报日期",
           "head": r"单位负责人(?:签字)?"}


def footer_fields(text: str) -> dict[str, str]:
    """填报人：张三  联系电话：0731…  填报日期：…  单位负责人签字： → the filled ones, by UnitInfo field."""
    flat = text.replace("\n", " ")
    marks = []
    for field, pattern in _FOOTER.items():
        for match in re.finditer(pattern + r"\s*[:：]", flat):
            marks.append((match.start(), match.end(), field))
    marks.sort()
    result = {}
    for index, (_, end, field) in enumerate(marks):
        stop = marks[index + 1][0] if index + 1 < len(marks) else len(flat)
        value = flat[end:stop].strip().strip("　").strip()
        if value and field != "head":  # 单位负责人签字 is where the head signs, not a name to copy
            result[field] = value
    return result


def inline_value(key: str, label: str) -> Optional[str]:
    """What follows ``label`` inside the same cell (其中:一般公共预算:188.91 → '188.91'), None if nothing."""
    at = key.find(norm(label))
    if at < 0:
        return None
    rest = key[at + len(norm(label)):].lstrip(":：")
    return rest or None
