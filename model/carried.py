"""Last year's texts carried into a new year (新年度), marked for revision until they are changed.

``next_year`` keeps the reports' sections and the 怀化 form's narrative texts as a starting point and notes,
for each, the text's path and a short fingerprint of it (``Document.carried``). While the text still has
that fingerprint it is last year's text: the window marks it 上年文字 and the checks ask for it to be
revised. Any change of the text ends the mark without further bookkeeping, undoing the change brings it
back, and 沿用 (keep it as it is) removes the note — an ordinary, undoable edit (model.report_edits).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Optional

from . import paths
from .registry import FieldKind, value

MARK_LENGTH = 16


@dataclass(slots=True)
class CarriedText:
    """A text kept from last year: where it is (a field path) and the fingerprint of what it said."""

    id: str = value(FieldKind.ID, "编号")
    path: str = value(FieldKind.TEXT, "单元格", "", max_length=200)  # reports[rp1].sections[h3].text …
    mark: str = value(FieldKind.TEXT, "上年文字指纹", "", max_length=40)


def text_mark(text: str) -> str:
    """The fingerprint of a carried text (16 hex digits of its SHA-1)."""
    return hashlib.sha1((text or "").encode("utf-8")).hexdigest()[:MARK_LENGTH]


def _text_at(doc, path: str) -> Optional[str]:
    try:
        text = paths.get(doc, path)
    except (paths.PathError, KeyError, IndexError, AttributeError, TypeError):
        return None  # the section or form has gone since
    return text if isinstance(text, str) else None


def carried_paths(doc) -> set[str]:
    """Paths of the texts that are still last year's (not empty, not changed since 新年度)."""
    result = set()
    for entry in doc.carried:
        text = _text_at(doc, entry.path)
        if text is not None and text.strip() and text_mark(text) == entry.mark:
            result.add(entry.path)
    return result


def carried_entry(doc, path: str) -> Optional[tuple[int, CarriedText]]:
    """(index, note) of the still-carried text at ``path``; None when it is not (or no longer) last year's."""
    for index, entry in enumerate(doc.carried):
        if entry.path == path and path in carried_paths(doc):
            return index, entry
    return None


def mark_carried(doc, text_paths: list[str]) -> None:
    """Note the texts at ``text_paths`` (those not empty) as last year's; earlier notes are dropped."""
    used = doc.all_ids() - {entry.id for entry in doc.carried}
    doc.carried = []
    number = 0
    for path in text_paths:
        text = _text_at(doc, path)
        if not text or not text.strip():
            continue
        number += 1
        while f"c{number}" in used:
            number += 1
        doc.carried.append(CarriedText(f"c{number}", path, text_mark(text)))
