"""Filling an outline section's template with a report's facts (see model.outline for the pieces)."""
from __future__ import annotations

from typing import Iterable, Optional

from .outline import CLAUSE, PLACEHOLDER, Piece
from .report_facts import Context, Fact


class _Missing(Exception):
    pass


def _substitute(text: str, values: dict[str, Fact], need_nonzero: bool = False) -> str:
    def one(match) -> str:
        fact = values.get(match.group(1))
        if fact is None or (need_nonzero and not fact.nonzero):
            raise _Missing(match.group(1))
        return fact.text
    return PLACEHOLDER.sub(one, text)


def fill(text: str, values: dict[str, Fact]) -> Optional[str]:
    """``text`` with its placeholders filled; None when one outside a [[ ]] clause has no value.

    A [[ ]] clause is left out when one of its placeholders has no value or is 0 (“，上年结转资金0.00万元”
    says nothing)."""
    def clause(match) -> str:
        try:
            return _substitute(match.group(1), values, need_nonzero=True)
        except _Missing:
            return ""
    try:
        return _substitute(CLAUSE.sub(clause, text), values).strip() or None
    except _Missing:
        return None


def _selected(piece: Piece, context: Context) -> list[dict[str, Fact]]:
    items = context.loops.get(piece.each or "", [])
    meta = context.meta.get(piece.each or "", [{}] * len(items))
    chosen = []
    for item, info in zip(items, meta):
        if piece.level1 and info.get("level1") not in piece.level1:
            continue
        if piece.where == "达成" and info.get("met") is not True:
            continue
        if piece.where == "未达成" and info.get("met") is not False:
            continue
        if piece.where == "有偏差原因" and not info.get("reason"):
            continue
        chosen.append(item)
    return chosen


def _piece_paragraphs(piece: Piece, context: Context) -> list[str]:
    values = context.values
    if piece.each is None:
        if piece.condition is not None:
            fact = values.get(piece.condition)
            if fact is None or not fact.nonzero:
                text = fill(piece.otherwise, values) if piece.otherwise else None
                return [text] if text else []
        text = fill(piece.text, values)
        return [text] if text else []
    texts = [t for t in (fill(piece.text, {**values, **item}) for item in _selected(piece, context)) if t]
    if not texts:
        text = fill(piece.otherwise, values) if piece.otherwise else None
        return [text] if text else []
    if piece.join is None:
        return texts
    before = fill(piece.before, values) or "" if piece.before else ""
    after = fill(piece.after, values) or "" if piece.after else ""
    return [f"{before}{piece.join.join(texts)}{after}"]


def draft_text(template: Iterable[Piece], context: Context) -> str:
    """The drafted text of a section: its paragraphs, one per line."""
    paragraphs: list[str] = []
    for piece in template:
        paragraphs += _piece_paragraphs(piece, context)
    return "\n".join(paragraphs)
