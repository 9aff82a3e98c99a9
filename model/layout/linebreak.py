"""Chinese line breaking (禁则) for every printed rendering: where a line may break, and lines of a width.

Rules, as Chinese typesetting has them (GB/T 15834 practice) and as the forms need them:
- no line starts with closing punctuation (，。、；：？！）」』】…) and none ends with an opening one （「『【;
- no break inside a run of Latin letters and digits (591.5, 2024, m², ≥98%);
- no break inside a number with its unit (591.5人, 1832.63万元, 2024年, 100%) or inside a short bracketed
  group (（万元）, (40分), （盖章）);
- elsewhere Chinese text may break between any two characters.

``wrap`` lays text greedily into lines of a width, with the width of each character given by the caller:
the PDF passes the embedded font's metrics, the window its font metrics, the layout an estimate in ems
(``char_em``), so all of them break by the same rules. ``balanced`` gives the fixed labels and titles the
fewest lines of about equal width (可持续 / 影响指标, not 可持续影响指 / 标), as printed forms set them.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from bisect import bisect_right
from itertools import accumulate
from operator import sub
from typing import Callable

OPENING = "（(【[「『“‘《〈〔｛{"
CLOSING = "，。、；：？！）」』】,.;:?!)]》〉〕｝}”’%％‰·…"
_UNITS = ("平方公里|平方米|立方米|公里|千米|公顷|小时|分钟|人次|户次|个月|季度|万元|亿元|万人|万亩|"
          "元|人|个|次|户|亩|篇|件|条|栋|宗|起|项|家|所|名|位|批|场|期|套|台|辆|吨|米|年|月|日|天|周|"
          "分|秒|倍|册|份|本|张|处|座|间|种|类|㎡|m²|km|kg|%|％|‰")
# A number with its operator and unit: ≥98%, ≤1832.63万, 591.5人, 2024年, 1,832.63 万元.
_NUMBER = re.compile(r"[≥≤≧≦<>＞＜=±约]?\d[\d.,]*(?:\s?[万亿千百]?(?:" + _UNITS + r")|[万亿千百])?")
_BRACKETED = re.compile(r"[（(【][^（()）【】\n]{1,4}[）)】]")  # （万元）, (40分), （盖章）
_WIDE_LATIN = set("%MWmw@")
WORD_BEFORE_BREAK = "指标"  # labels end with it: a good place to break one in two

Measure = Callable[[str], float]


@lru_cache(maxsize=4096)
def char_em(char: str) -> float:
    """Width of a character in ems, as wide as any of the fonts used sets it (an estimate that never
    falls short): Chinese and full-width 1, Latin letters and digits 0.55, wide Latin (%, M, W) 0.9."""
    if char in _WIDE_LATIN:
        return 0.9
    if ord(char) < 128:
        return 0.55
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F", "A") else 0.6


class _EmWidths(dict):
    def __missing__(self, char: str) -> float:
        width = self[char] = char_em(char)
        return width


em_width = _EmWidths().__getitem__  # char_em as a dict lookup: measuring texts is most of fitting's time


class _WordChars(dict):
    def __missing__(self, char: str) -> bool:
        word = self[char] = not char.isspace() and unicodedata.east_asian_width(char) not in ("W", "F")
        return word


_is_word = _WordChars().__getitem__  # a character of a Latin/digit run: not Chinese, not full-width, no space


class _Kinds(dict):
    """Character → its kind for the break rules, one letter: a word character (Latin letters, digits: no
    break between two), closing punctuation (no break before it), opening punctuation (none after it).
    a: word · b: word, closing (, . ) %) · d: word, opening ( ( [ ) · c: closing (，。）) · o: opening (（「) ·
    x: anything else (Chinese, spaces)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        word, closing, opening = _is_word(char), char in CLOSING, char in OPENING
        kind = self[code] = ("d" if opening else "b" if closing else "a") if word else \
            ("c" if closing else "o" if opening else "x")
        return kind


_KINDS = _Kinds()
# A break may come before a character of kind [adox] after one of kind [cx], or before [ox] after [ab]:
# never before closing punctuation, after opening punctuation, or between two word characters.
_BREAK = re.compile(r"(?<=[cx])(?=[adox])|(?<=[ab])(?=[ox])")


@lru_cache(maxsize=8192)
def break_points(text: str) -> tuple[int, ...]:
    """Indices i (0 < i < len) where a line may break before ``text[i]``; ``text`` holds no newline."""
    if len(text) < 2:
        return ()
    points = [match.start() for match in _BREAK.finditer(text.translate(_KINDS))]
    inside = [(m.start(), m.end()) for pattern in (_NUMBER, _BRACKETED) for m in pattern.finditer(text)
              if m.end() - m.start() > 1]
    if inside:  # no break inside a number with its unit or a short bracketed group
        allowed = bytearray([1]) * len(text)
        for start, end in inside:
            allowed[start + 1:end] = bytes(end - start - 1)
        points = [i for i in points if allowed[i]]
    return tuple(points)


def _force(segment: str, width: float, measure: Measure) -> list[str]:
    """A piece wider than a whole line (a 40-digit number, say), cut between characters; closing
    punctuation hangs at the end of its line rather than opening the next one."""
    lines, line, used = [], "", 0.0
    for char in segment:
        w = measure(char)
        if line and used + w > width and char not in CLOSING:
            carry = ""
            while len(line) > 1 and line[-1] in OPENING:  # （ goes down with what it opens
                carry, line = line[-1] + carry, line[:-1]
            lines.append(line)
            line, used = carry, sum(map(measure, carry))
        line += char
        used += w
    return lines + [line] if line else lines


def wrap(text: str, width: float, measure: Measure) -> list[str]:
    """The lines of ``text`` in a box ``width`` wide (same unit as ``measure``); newlines are kept.

    Greedy, by the break points: each line ends at the last break point that fits (found by bisection
    on the running width, so a long text costs a few steps a line), a piece wider than the box is cut
    between characters (``_force``), spaces at a break are dropped.
    """
    width += 1e-9 * max(1.0, width)  # a piece exactly as wide as the box fits it, rounding aside
    lines: list[str] = []
    for paragraph in (text or "").split("\n"):
        n = len(paragraph)
        if n == 0:
            lines.append("")
            continue
        advance = list(accumulate(map(measure, paragraph), initial=0.0))
        if advance[n] <= width:
            lines.append(paragraph)
            continue
        ends = (*break_points(paragraph), n)
        reach = [advance[e] for e in ends]
        start, first = 0, 0  # first: index in ends of the first break point after start
        while start < n:
            k = bisect_right(reach, advance[start] + width, first) - 1
            if k >= first:  # the line ends at a break point that fits
                end = ends[k]
                lines.append(paragraph[start:end].rstrip() or paragraph[start:end])
                start = end
                while start < n and paragraph[start] == " ":
                    start += 1
            else:  # the piece up to the next break point is wider than the box: cut it
                end = ends[first]
                pieces = _force(paragraph[start:end], width, measure)
                if len(pieces) == 1:  # nothing to cut (closing punctuation hangs): a line of its own
                    lines.append(pieces[0])
                    start = end
                else:
                    lines.extend(pieces[:-1])
                    start = end - len(pieces[-1])  # the last cut piece may take the next pieces with it
            while first < len(ends) and ends[first] <= start:
                first += 1
    return lines


def text_width(text: str, measure: Measure) -> float:
    """Width of the widest line of ``text`` set on one line each."""
    return max((sum(map(measure, line)) for line in (text or "").split("\n")), default=0.0)


def widest_piece(text: str, measure: Measure) -> float:
    """Width of the widest piece of ``text`` that never breaks (the least width it can be set in)."""
    widest = 0.0
    for paragraph in (text or "").split("\n"):
        advance = list(accumulate(map(measure, paragraph), initial=0.0))
        at = list(map(advance.__getitem__, (0, *break_points(paragraph), len(paragraph))))  # the pieces' ends
        widest = max(widest, max(map(sub, at[1:], at)))
    return widest


def balanced(text: str, width: float, measure: Measure) -> list[str]:
    """The fewest lines ``wrap`` needs, made about equally wide (for labels and titles).

    Two lines break at a bracket or after a colon if one fits (产出指标 / (40分), 年度预算申请 / （万元）,
    其中： / 基本支出：), else where the
    longer line is shortest, before 及/和/与 if that is as short, else with the second line taking the
    extra character (可持续 / 影响指标: a label ends with its category word); before 指标 if that makes the
    longer line at most one character longer (经济效益 / 指标).
    """
    lines = wrap(text, width, measure)
    if len(lines) < 2 or "\n" in text:
        return lines
    if len(lines) == 2:
        advance = [0.0]
        for char in text:
            advance.append(advance[-1] + measure(char))
        best, word = None, None
        for i in break_points(text):
            first, second = advance[i], advance[-1] - advance[i]
            if max(first, second) > width:
                continue
            at_bracket = text[i] in "（(【" or text[i - 1] in "）)】：:"  # 其中： / 基本支出：
            key = (not at_bracket, max(first, second), text[i] not in "及和与", first)
            if best is None or key < best[0]:
                best = (key, i)
            if text.startswith(WORD_BEFORE_BREAK, i):
                word = (max(first, second), i)
        if best is None:
            return lines
        # 经济效益 / 指标 rather than 经济效 / 益指标, if that costs at most one character more
        if word is not None and best[0][0] and word[0] <= best[0][1] + measure("中") + 1e-9:
            return [text[:word[1]], text[word[1]:]]
        return [text[:best[1]], text[best[1]:]]
    low, high = widest_piece(text, measure), width
    for _ in range(12):  # the narrowest width that still needs no more lines
        middle = (low + high) / 2
        if len(wrap(text, middle, measure)) <= len(lines):
            high = middle
        else:
            low = middle
    return wrap(text, high, measure)
