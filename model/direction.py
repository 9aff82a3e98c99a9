"""Which way a quantitative indicator counts (正向 / 反向), decided from what is measured.

RULES.md §3: a count of things done (办结信访案件 168起), 完成率, 覆盖率 are positive; 发生率,
投诉率, 信访量, 成本 limits and 时限 are reverse; "信访" alone is a topic, not a direction. The
words are data (framework options ``positive_keywords``, ``reverse_keywords``,
``topic_keywords``); the order of the evidence is fixed here:

1. the row's own rule, when the user set one;
2. the target's operator: ≤ / 以下 / 以内 set a ceiling (reverse), ≥ / 以上 a floor (positive);
3. an amount of money in a cost group (``reverse_level2``, 成本指标): a cost limit (reverse);
4. the name: of the positive and reverse words found in it, the one that ends last decides,
   because a Chinese name ends with what it measures (信访案件**办结率**, 征拆纠纷**发生率**);
   on a tie the longer word (未完成率 over 完成率). Topic words never decide;
5. otherwise a plain number counts upwards (positive).

Each decision carries its reason in plain Chinese for the suggestion's explanation.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .document import IndicatorRow
from .framework import Framework
from .parsing import IndicatorValue

POSITIVE, REVERSE = "positive", "reverse"
_OPERATOR_SIGNS = {"<=": "≤", "<": "<", ">=": "≥", ">": ">"}


@dataclass(frozen=True, slots=True)
class Direction:
    rule: str  # positive | reverse
    basis: str  # why, for the explanation: 指标名称中的“办结”表示完成的数量，越多越好
    source: str  # row | operator | cost_group | keyword | default
    word: Optional[str] = None  # the keyword that decided, if any


def _last_end(name: str, word: str) -> int:
    start = name.rfind(word)
    return -1 if start < 0 else start + len(word)


_MEMO_LIMIT = 20000  # names remembered per framework (a form is rescored at every edit)


def _words(framework: Framework) -> tuple[tuple[str, str], ...]:
    """(word, rule) of every deciding keyword; topic words are left out (an older framework may
    still list 信访 as reverse: a topic decides nothing)."""
    words = framework.memo.get("direction_words")
    if words is None:
        topics = set(framework.topic_keywords)
        words = tuple((word, rule) for rule, listed in ((POSITIVE, framework.positive_keywords),
                                                         (REVERSE, framework.reverse_keywords))
                      for word in listed if word not in topics)
        framework.memo["direction_words"] = words
    return words


def deciding_word(name: str, framework: Framework) -> Optional[tuple[str, str]]:
    """(rule, word) of the keyword that decides, or None when no keyword is in the name."""
    memo = framework.memo.setdefault("deciding_word", {})
    if name in memo:
        return memo[name]
    best: Optional[tuple[int, int, str, str]] = None
    for word, rule in _words(framework):
        if word not in name:
            continue
        key = (_last_end(name, word), len(word), rule, word)
        if best is None or key[:2] > best[:2]:
            best = key
    found = None if best is None else (best[2], best[3])
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[name] = found
    return found


def _topic_note(name: str, framework: Framework, decided_by: Optional[str]) -> str:
    topics = [t for t in framework.topic_keywords if t in name and (decided_by is None or t not in decided_by)]
    return f"；“{'”“'.join(topics)}”只表示所涉事项，不决定方向" if topics else ""


def direction(row: IndicatorRow, target: IndicatorValue, framework: Framework) -> Direction:
    """How to score a quantitative row, and why (see the module's docstring for the order)."""
    if row.rule in (POSITIVE, REVERSE):
        return Direction(row.rule, "本行已设定为" + ("正向指标" if row.rule == POSITIVE else "反向指标"), "row")
    if target.op in ("<=", "<"):
        return Direction(REVERSE, f"指标值“{target.text.strip()}”带“{_OPERATOR_SIGNS[target.op]}”，"
                                  "是上限，越低越好", "operator")
    if target.op in (">=", ">"):
        return Direction(POSITIVE, f"指标值“{target.text.strip()}”带“{_OPERATOR_SIGNS[target.op]}”，"
                                   "是下限，越高越好", "operator")
    if row.level2 in framework.reverse_level2 and target.base[0] == "元":
        return Direction(REVERSE, f"“{row.level2}”中的金额是成本上限，越低越好", "cost_group")
    name = row.name
    found = deciding_word(name, framework)
    if found is not None:
        rule, word = found
        way = "越高越好" if rule == POSITIVE else "越低越好"
        return Direction(rule, f"指标名称中的“{word}”表明{way}{_topic_note(name, framework, word)}", "keyword", word)
    return Direction(POSITIVE, f"指标值是数值，名称中没有反向用语，按越高越好{_topic_note(name, framework, None)}",
                     "default")
