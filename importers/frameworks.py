"""Which indicator framework a printed form uses, from its 一级指标 labels, their points and the funding row.

A form matching a shipped framework (same 一级指标, same points, same 资金执行 points) gets it; any other is
given a framework made from what the paper prints (its groups, points and 二级指标), so that a bureau's own
framework imports as faithfully as a Hunan one; groups printed without points get free weights. Row 二级指标 names are matched to the framework's own
(数量 → 数量指标).
"""
from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Optional

from model.framework import Framework, Level1, builtin_framework, builtin_frameworks
from model.framework_rules import framework_problems

from .read_scored import ReadIndicator

BASE = "hunan-2024"  # grades and options of a framework made from a paper form


def _groups(indicators: list[ReadIndicator]) -> list[tuple[str, Optional[Decimal], list[str]]]:
    """(一级指标, its printed points, its 二级指标 in order) as read."""
    groups: dict[str, tuple[Optional[Decimal], list[str]]] = {}
    for item in indicators:
        points, level2 = groups.setdefault(item.level1, (item.level1_points, []))
        if points is None and item.level1_points is not None:
            groups[item.level1] = (item.level1_points, level2)
        if item.level2 and item.level2 not in level2:
            level2.append(item.level2)
    return [(name, points, level2) for name, (points, level2) in groups.items()]


def _fits(framework: Framework, groups, funding_points: Decimal) -> bool:
    if framework.funding_points != funding_points or {g.name for g in framework.level1} != {n for n, _, _ in groups}:
        return False
    return all(points is None or framework.group(name).points == points for name, points, _ in groups)


def choose(indicators: list[ReadIndicator], funding_points: Optional[Decimal], year: int) -> Framework:
    groups = _groups(indicators)
    funding = funding_points or Decimal(0)
    preferred = "hunan-2023" if year <= 2023 else "hunan-2024"
    candidates = sorted(builtin_frameworks().values(), key=lambda fw: fw.id != preferred)
    for framework in candidates:
        if _fits(framework, groups, funding):
            return framework
    base = builtin_framework(BASE)
    # A group printed without points leaves them to its rows (free weights); printed points that do not
    # make a usable framework (not totalling 100) are left to the rows too, as the paper's rows carry them.
    level1 = tuple(Level1(name or "绩效指标", points, tuple(level2) or ("指标",)) for name, points, level2 in groups)
    label_points = any(points is not None for _, points, _ in groups)
    made = dataclasses.replace(base, id="imported", name="导入的指标体系（按纸质表）", funding_points=funding,
                               level1=level1, label_points=label_points, _by_name={})
    if framework_problems(made):
        made = dataclasses.replace(made, level1=tuple(dataclasses.replace(g, points=None) for g in level1),
                                   _by_name={})
    return made if not framework_problems(made) else builtin_framework(preferred)


def level2_in(framework: Framework, level1: str, level2: str) -> str:
    """The framework's name for a printed 二级指标 (数量 → 数量指标; 经济效益 → 经济效益指标)."""
    group = framework.group(level1)
    if group is None or level2 in group.level2:
        return level2
    for name in group.level2:
        if name in (level2 + "指标", level2.removesuffix("指标")) or name.removesuffix("指标") == level2.removesuffix("指标"):
            return name
    return level2
