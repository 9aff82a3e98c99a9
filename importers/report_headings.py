"""Recognising the headings of a report's text: their numbering (一、 （一） 1. （1）) and the outline's headings.

A printed report numbers its headings as GB/T 9704 prescribes, with the slips real files have: 5、 for 五、,
1、 for 一、, （一）、, (一）. A line is a heading candidate when it starts with such a number and reads like a
heading (short, no sentence inside); whether it is one is decided by the reader (importers.read_report)
from the numbering sequence and the outline. Headings are compared with the outline's in a normal form in
which 部门／单位／预算单位 are one word and a parenthesis (（含项目支出绩效情况）) may be left out.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

_CN = "一二三四五六七八九十"
_SPACE = r"[\s\u3000]*"
_LEVEL1 = re.compile(rf"^{_SPACE}([{_CN}]{{1,3}}){_SPACE}[、.．]{_SPACE}")
_LEVEL2 = re.compile(rf"^{_SPACE}[（(]{_SPACE}([{_CN}]{{1,3}}){_SPACE}[）)]{_SPACE}[、.．]?{_SPACE}")
_ARABIC = re.compile(rf"^{_SPACE}([0-9０-９]{{1,2}}){_SPACE}[、.．](?![0-9０-９]){_SPACE}")
_LEVEL4 = re.compile(rf"^{_SPACE}(?:[（(]{_SPACE}([0-9０-９]{{1,2}}){_SPACE}[）)]|([\u2474-\u2487])){_SPACE}[、.．]?{_SPACE}")
_INSIDE_END = re.compile(r"[。；;！？!?]")
_HEADING_MAX = 40  # characters of a heading's text (seed 002's longest is 30)
_UNIT_WORDS = re.compile(r"部门\(单位\)|预算单位|预算部门|单位|部门")
_PAREN = re.compile(r"\([^()]*\)")
_NOISE = re.compile(r"[\s\u3000“”\"‘’'「」]")


@dataclass(frozen=True, slots=True)
class Numbered:
    """A line that starts with a heading number."""

    levels: tuple[int, ...]  # the levels the number may mean, the likelier first (1、 may be a slip for 一、)
    number: int
    text: str  # what follows the number, as printed (stripped)
    heading_like: bool  # short and no sentence inside: may be a heading


def chinese_value(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23."""
    digits = {ch: i + 1 for i, ch in enumerate(_CN[:9])}
    if "十" not in text:
        return digits.get(text[-1], 0) if len(text) == 1 else 0
    tens, _, ones = text.partition("十")
    return (digits.get(tens, 0) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)


def _digits(text: str) -> int:
    return int(unicodedata.normalize("NFKC", text))


def heading_like(text: str) -> bool:
    """Short, no sentence inside; a closing 。 or ： only at the end (and then no clause before it)."""
    body = text.strip()
    if not body or len(_NOISE.sub("", body)) > _HEADING_MAX or body[-1] in "，,、；;":
        return False
    inner = body[:-1] if body[-1] in "。：:" else body
    if _INSIDE_END.search(inner):
        return False
    return not (body[-1] == "。" and ("，" in inner or "," in inner or len(inner) > 30))


def numbered(line: str) -> Optional[Numbered]:
    """The heading number a line starts with, if any (None for 2023年…, 1.5万元…, plain text)."""
    for pattern, levels in ((_LEVEL2, (2,)), (_LEVEL4, (4,)), (_LEVEL1, (1,)), (_ARABIC, (3, 1))):
        match = pattern.match(line)
        if not match:
            continue
        rest = line[match.end():].strip().lstrip("、").strip()
        if not rest:
            return None  # a lone number is not a heading
        token = next(group for group in match.groups() if group)
        if levels == (1,) or levels == (2,):
            number = chinese_value(token)
        elif "\u2474" <= token <= "\u2487":
            number = ord(token) - 0x2474 + 1
        else:
            number = _digits(token)
        if number <= 0:
            return None
        return Numbered(levels, number, rest, heading_like(rest))
    return None


def heading_key(text: str) -> str:
    """A heading as headings are compared: NFKC, no spaces or quotes, no closing 。/：, 部门／单位 one word."""
    key = _NOISE.sub("", unicodedata.normalize("NFKC", text or "")).rstrip("。.:：")
    return _UNIT_WORDS.sub("单位", key)


def _bigrams(text: str) -> frozenset[str]:
    return frozenset(text[i:i + 2] for i in range(len(text) - 1)) or frozenset((text,))


@lru_cache(maxsize=4096)
def _forms(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The heading's compared forms (with and without parentheses), each with its character pairs."""
    key = heading_key(text)
    return tuple((form, _bigrams(form)) for form in (key, _PAREN.sub("", key)))


def similarity(printed: str, outline: str) -> float:
    """How well a printed heading matches an outline heading, 0 … 1 (1: the same words)."""
    best = 0.0
    for (x, p), (y, q) in zip(_forms(printed), _forms(outline)):
        if not x or not y:
            continue
        if x == y:
            return 1.0
        if x in y or y in x:
            best = max(best, 0.7 + 0.3 * min(len(x), len(y)) / max(len(x), len(y)))
        else:
            best = max(best, 2 * len(p & q) / (len(p) + len(q)))
    return best
