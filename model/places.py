"""A cell's place in words, as the accountant finds it on the form (单元格的位置).

``overall.indicators[r2].deviation`` → 绩效指标第2行“集体项目交地面积” → 偏差原因分析及改进措施. The labels are the
fields' own (model/document.py declarations); the form itself is named apart (its title), so it is left out.
"""
from __future__ import annotations

import re

from .document import Document
from .fields import spec_for

_PART = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:\[(?P<id>[^\]]*)\])?$")
SEPARATOR = " → "
# computed records a finding may point at: (label, the attribute holding it, a stored record of the same shape
# whose declarations name its fields)
_COMPUTED = {"funding": ("年度资金总额", "annual_funding", "current")}
_SECTIONS = "章节"  # a report's sections are counted 第N节, named by their headings
# computed rows of a scored form (their figures are worked out, so they have no declarations)
_COMPUTED_ROWS = {"level1": "一级指标", "total": "总分"}
_COMPUTED_FIGURES = {"points": "分值", "score": "得分", "rate": "执行率"}
_NUMBERED = re.compile(r"^\s*[0-9０-９]+[、.．]\s*")
NAME_LENGTH = 20  # a long 三级指标 name is cut: the place is to find the row, not to read it


def place_of(doc: Document, path: str) -> str:
    """The place of ``path`` in words; the path itself for what cannot be read (never an exception)."""
    try:
        return _place(doc, path) or path
    except (KeyError, AttributeError, TypeError, ValueError):
        return path


def _place(doc: Document, path: str) -> str:
    parts = path.split(".")
    declared = list(parts)  # the path the declarations know (a computed record replaced by its stored twin)
    words: list[str] = []
    holder: object = doc
    for index, part in enumerate(parts):
        match = _PART.match(part)
        if match is None:
            raise ValueError(path)
        name, ident = match["name"], match["id"]
        if holder is None:  # inside a computed row
            words.append(_COMPUTED_FIGURES.get(name, name))
            continue
        if index and name in _COMPUTED_ROWS and not hasattr(holder, name):
            words.append(f"{_COMPUTED_ROWS[name]}“{ident}”" if ident else f"{_COMPUTED_ROWS[name]}行")
            holder = None
            continue
        if index and ident is None and name in _COMPUTED and not hasattr(holder, name):
            label, attribute, twin = _COMPUTED[name]
            words.append(label)
            holder, declared[index] = getattr(holder, attribute), twin
            continue
        value = getattr(holder, name)
        if index == 0:  # the form (overall, basic, projects[p1], reports[x]): named by its title elsewhere
            holder = _item(value, ident)[1] if ident is not None else value
            continue
        label = _NUMBERED.sub("", spec_for(".".join(declared[:index] + [name])).label).rstrip("：: ")
        if ident is not None:
            number, item = _item(value, ident)
            title = (getattr(item, "name", "") or getattr(item, "heading", "") or "").strip()
            title = title if len(title) <= NAME_LENGTH else title[:NAME_LENGTH] + "…"
            named = f"“{title}”" if title else ""
            words.append(f"第{number}节{named}" if label == _SECTIONS else f"{label}第{number}行{named}")
            holder = item
        else:
            words.append(label)
            holder = value
    return SEPARATOR.join(words)


def _item(items, ident: str) -> tuple[int, object]:
    for number, item in enumerate(items, start=1):
        if getattr(item, "id", None) == ident:
            return number, item
    raise KeyError(ident)
